/**
 * The floor of our design: what message passing costs when a process is a generator resumed
 * by a scheduler (as `await receive()` requires) and nothing else is done. No copy, no runaway
 * budget, no trace hook, no links, no virtual time, no compiler: two fields and an array per
 * process. No runtime that keeps SPEC §3's semantics can go below this, so the report can show
 * which targets are below what any such runtime could reach.
 */
import { medianOf, progress } from "./measure";

const RING_N = 1_000;
const MSGS = 1_000_000;
const RUNS = 5;
const ANY = Symbol("receive");

type Body = Generator<unknown, unknown, unknown>;

class BareProcess {
  gen: Body | null = null;
  waiting = false;
  queued = false;
  private box: unknown[] = [];
  private head = 0;
  private tail = 0;

  get hasMail(): boolean {
    return this.head !== this.tail;
  }
  put(msg: unknown): void {
    this.box[this.tail++] = msg;
  }
  take(): unknown {
    const msg = this.box[this.head];
    this.box[this.head] = undefined;
    if (++this.head === this.tail) this.head = this.tail = 0;
    return msg;
  }
}

class BareScheduler {
  private queue: Array<BareProcess | undefined> = [];
  private head = 0;
  private tail = 0;

  send(to: BareProcess, msg: unknown): void {
    to.put(msg);
    if (to.waiting && !to.queued) {
      to.queued = true;
      this.queue[this.tail++] = to;
    }
  }

  /** Starts `gen` in `p` and runs it to its first receive. */
  start(p: BareProcess, gen: Body): void {
    p.gen = gen;
    this.resume(p, undefined);
  }

  run(): void {
    while (this.head !== this.tail) {
      const p = this.queue[this.head]!;
      this.queue[this.head] = undefined;
      if (++this.head === this.tail) this.head = this.tail = 0;
      p.queued = false;
      if (p.hasMail) this.resume(p, p.take());
    }
  }

  private resume(p: BareProcess, value: unknown): void {
    p.waiting = false;
    for (;;) {
      const step = p.gen!.next(value);
      if (step.done) return;
      if (!p.hasMail) {
        p.waiting = true;
        return;
      }
      value = p.take();
    }
  }
}

/** One ring run on the floor, ns per message. */
export function floorRingNs(): number {
  const s = new BareScheduler();
  const ring = Array.from({ length: RING_N }, () => new BareProcess());
  let finished = false;
  function* relay(next: BareProcess): Body {
    for (;;) {
      const k = (yield ANY) as number;
      if (k === 0) return (finished = true);
      s.send(next, k - 1);
    }
  }
  ring.forEach((p, i) => s.start(p, relay(ring[(i + 1) % RING_N])));
  const t0 = performance.now();
  s.send(ring[0], MSGS);
  s.run();
  const ms = performance.now() - t0;
  if (!finished) throw new Error("floor ring did not finish");
  return (ms * 1e6) / MSGS;
}

/** One ping-pong run on the floor, ns per round trip. */
export function floorPingpongNs(): number {
  const s = new BareScheduler();
  const pong = new BareProcess();
  const ping = new BareProcess();
  let done = 0;
  function* ponger(): Body {
    for (;;) {
      const [, from] = (yield ANY) as [string, BareProcess];
      s.send(from, "pong");
    }
  }
  function* pinger(): Body {
    for (let i = 0; i < MSGS; i++) {
      s.send(pong, ["ping", ping]);
      yield ANY;
      done++;
    }
    return done;
  }
  s.start(pong, ponger());
  const t0 = performance.now();
  s.start(ping, pinger());
  s.run();
  const ms = performance.now() - t0;
  if (done !== MSGS) throw new Error(`floor ping-pong: ${done} round trips`);
  return (ms * 1e6) / MSGS;
}

/** The floor's ring and ping-pong, reported with our own numbers. */
export async function benchFloor(): Promise<{ ring_ns_per_msg: number; pingpong_ns_per_roundtrip: number }> {
  progress("floor", `ring ${RING_N} x ${MSGS} and ${MSGS} ping-pongs on bare generators, median of ${RUNS}`);
  return { ring_ns_per_msg: await medianOf(RUNS, floorRingNs), pingpong_ns_per_roundtrip: await medianOf(RUNS, floorPingpongNs) };
}
