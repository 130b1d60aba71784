/**
 * XState v5, written as its docs teach: callback actors (`fromCallback` with `receive`) spawned
 * by a parent machine with system ids, found with `system.get`, and a machine with `assign`
 * for the counter. XState delivers an event synchronously when the target is idle, so a send
 * runs the receiver on the sender's stack: a ring of 1,000 overflows the stack (≈10 frames a
 * hop, ~870 hops deep), so the ring here has 500 members; the per-hop cost hardly depends on it.
 * Spawning slows down with the number of siblings (12 µs each at 10k, 39 µs at 100k), so 10k.
 */
import { type AnyActorRef, assign, createActor, createMachine, fromCallback, setup } from "xstate";
import { type Metrics, type Mode, medianOf, pairOnly, progress, settledHeap } from "./measure";

const SPAWN_N = 10_000;
const RING_N = 500;
const MSGS = 1_000_000;
const RUNS = 3;

type Token = { type: "token"; n: number };

/** A parent machine whose entry spawns `count` children of `logic`, as `spawn` in `assign` does. */
function parentOf(logic: ReturnType<typeof fromCallback<any, any>>, count: number, input: (i: number) => unknown = () => undefined) {
  return setup({ actors: { child: logic } }).createMachine({
    context: { refs: [] as AnyActorRef[] },
    entry: assign({
      refs: ({ spawn }) => Array.from({ length: count }, (_, i) => spawn("child", { systemId: `a${i}`, input: input(i) })),
    }),
  });
}

const idle = fromCallback(({ receive }) => {
  receive(() => {});
});

function spawnUs(): number {
  const t0 = performance.now();
  const parent = createActor(parentOf(idle, SPAWN_N)).start();
  const ms = performance.now() - t0;
  if (parent.getSnapshot().context.refs.length !== SPAWN_N) throw new Error("xstate spawn: wrong count");
  // No parent.stop(): stopping 10k children takes seconds (quadratic), and it is not timed;
  // the idle actors hold no timers, so dropping the parent lets GC have them.
  return (ms * 1e3) / SPAWN_N;
}

function bytesPerIdle(): number {
  const before = settledHeap();
  const parent = createActor(parentOf(idle, SPAWN_N)).start();
  const after = settledHeap();
  if (parent.getSnapshot().context.refs.length !== SPAWN_N) throw new Error("xstate idle: wrong count");
  return (after - before) / SPAWN_N;
}

async function ringNs(): Promise<number> {
  let done!: () => void;
  const relay = fromCallback<Token, { next: string }>(({ receive, input, system }) => {
    receive((e) => {
      if (e.n === 0) return done();
      system.get(input.next).send({ type: "token", n: e.n - 1 });
    });
  });
  const parent = createActor(parentOf(relay, RING_N, (i) => ({ next: `a${(i + 1) % RING_N}` }))).start();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    done = resolve;
    parent.system.get("a0").send({ type: "token", n: MSGS });
  });
  const ms = performance.now() - t0;
  parent.stop();
  return (ms * 1e6) / MSGS;
}

async function pingpongNs(): Promise<number> {
  let done!: () => void;
  const ponger = fromCallback<{ type: "ping"; from: AnyActorRef }>(({ receive }) => {
    receive((e) => e.from.send({ type: "pong" }));
  });
  const pinger = fromCallback<{ type: "go" | "pong" }>(({ receive, self, system }) => {
    let left = MSGS;
    receive((e) => {
      if (e.type === "pong" && --left === 0) return done();
      system.get("ponger").send({ type: "ping", from: self });
    });
  });
  const parent = createActor(
    setup({ actors: { ponger, pinger } }).createMachine({
      entry: [assign(({ spawn }) => (spawn("ponger", { systemId: "ponger" }), {})), assign(({ spawn }) => (spawn("pinger", { systemId: "pinger" }), {}))],
    }),
  ).start();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    done = resolve;
    parent.system.get("pinger").send({ type: "go" });
  });
  const ms = performance.now() - t0;
  parent.stop();
  return (ms * 1e6) / MSGS;
}

function castNs(): number {
  const counter = createMachine({
    types: {} as { context: { count: number }; events: { type: "inc" } },
    context: { count: 0 },
    on: { inc: { actions: assign({ count: ({ context }) => context.count + 1 }) } },
  });
  const actor = createActor(counter).start();
  const t0 = performance.now();
  for (let i = 0; i < MSGS; i++) actor.send({ type: "inc" });
  // Delivery is synchronous: reading the snapshot is XState's "call" that syncs.
  const count = actor.getSnapshot().context.count;
  const ms = performance.now() - t0;
  if (count !== MSGS) throw new Error(`xstate cast: count ${count}`);
  actor.stop();
  return (ms * 1e6) / MSGS;
}

export async function benchXstate(mode: Mode = "full"): Promise<Metrics> {
  const lib = "xstate";
  if (mode === "pair") {
    progress(lib, `ring ${RING_N} x ${MSGS} and ping-pong ${MSGS}, median of ${RUNS}`);
    return pairOnly(await medianOf(RUNS, ringNs), await medianOf(RUNS, pingpongNs));
  }
  progress(lib, `bytes per idle actor (${SPAWN_N} actors)`);
  const bytes = bytesPerIdle();
  progress(lib, `spawn ${SPAWN_N}, median of ${RUNS}`);
  const spawn = await medianOf(RUNS, spawnUs);
  progress(lib, `ring ${RING_N} x ${MSGS}`);
  const ring = await medianOf(RUNS, ringNs);
  progress(lib, `ping-pong ${MSGS}`);
  const pingpong = await medianOf(RUNS, pingpongNs);
  progress(lib, `cast ${MSGS}`);
  const cast = await medianOf(RUNS, castNs);
  return {
    spawn_us_per_process: spawn,
    ring_ns_per_msg: ring,
    pingpong_ns_per_roundtrip: pingpong,
    cast_ns_per_msg: cast,
    bytes_per_idle_process: bytes,
    notes: [
      `spawn and idle memory: ${SPAWN_N} callback actors under one machine (100k: 39 µs each, superlinear)`,
      `ring of ${RING_N}, not 1,000: synchronous delivery nests a call per hop and a ring of 1,000 overflows the stack`,
      "callback actors for ring and ping-pong, a machine with assign for the counter; median of 3",
    ],
  };
}
