/**
 * nact, written as its docs teach: `start()` a system, `spawnStateless` / `spawn` actors,
 * `dispatch` messages that carry their sender, `query` for the final synchronous answer.
 * nact handles every message in its own `setImmediate` and awaits the handler's promise, so
 * it is slow: message counts are scaled down (100k) and reported per message. Actors get
 * names: nact's default random 32-bit names collide within 100k spawns.
 */
import { type Ref, dispatch, query, spawn, spawnStateless, start, stop } from "nact";
import { type Metrics, type Mode, medianOf, pairOnly, progress, settle, settledHeap } from "./measure";

const SPAWN_N = 100_000;
const RING_N = 1_000;
const MSGS = 100_000;
const RUNS = 3;

type Token = { n: number };
type Ping = { sender: Ref<"pong"> };

async function spawnUs(): Promise<number> {
  const system = start();
  const t0 = performance.now();
  for (let i = 0; i < SPAWN_N; i++) spawnStateless(system, () => {}, `a${i}`);
  const ms = performance.now() - t0;
  stop(system);
  await settle();
  return (ms * 1e3) / SPAWN_N;
}

async function bytesPerIdle(): Promise<number> {
  const system = start();
  await settle();
  const before = settledHeap();
  const refs: Ref<unknown>[] = [];
  for (let i = 0; i < SPAWN_N; i++) refs.push(spawnStateless(system, () => {}, `a${i}`));
  const after = settledHeap();
  stop(system);
  await settle();
  // The refs array is ours, not nact's: 8 bytes a slot.
  return (after - before) / SPAWN_N - 8;
}

async function ringNs(): Promise<number> {
  const system = start();
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  // Build the ring backwards: each actor forwards to the one spawned before it; the first
  // spawned forwards to the last, through a ref filled in once the ring is closed.
  let first: Ref<Token> | null = null;
  let next: Ref<Token> | null = null;
  for (let i = 0; i < RING_N; i++) {
    const to = next;
    next = spawnStateless(
      system,
      (msg: Token) => {
        if (msg.n === 0) return done();
        dispatch((to ?? next)!, { n: msg.n - 1 });
      },
      `r${i}`,
    );
    first ??= next;
  }
  const t0 = performance.now();
  dispatch(first!, { n: MSGS });
  await finished;
  const ms = performance.now() - t0;
  stop(system);
  await settle();
  return (ms * 1e6) / MSGS;
}

async function pingpongNs(): Promise<number> {
  const system = start();
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const ponger = spawnStateless(system, (msg: Ping) => dispatch(msg.sender, "pong"));
  let left = MSGS;
  const pinger = spawnStateless(system, (_msg: "go" | "pong", ctx) => {
    if (_msg === "pong" && --left === 0) return done();
    dispatch(ponger, { sender: ctx.self as Ref<"pong"> });
  });
  const t0 = performance.now();
  dispatch(pinger, "go");
  await finished;
  const ms = performance.now() - t0;
  stop(system);
  await settle();
  return (ms * 1e6) / MSGS;
}

type CounterMsg = { type: "inc" } | { type: "get"; sender: Ref<number> };

async function castNs(): Promise<number> {
  const system = start();
  const counter = spawn(system, (count: number = 0, msg: CounterMsg) => {
    if (msg.type === "get") {
      dispatch(msg.sender, count);
      return count;
    }
    return count + 1;
  });
  const t0 = performance.now();
  for (let i = 0; i < MSGS; i++) dispatch(counter, { type: "inc" });
  const count = await query(counter, (sender: Ref<number>) => ({ type: "get" as const, sender }), 600_000);
  const ms = performance.now() - t0;
  if (count !== MSGS) throw new Error(`nact cast: count ${count}`);
  stop(system);
  await settle();
  return (ms * 1e6) / MSGS;
}

export async function benchNact(mode: Mode = "full"): Promise<Metrics> {
  const lib = "nact";
  if (mode === "pair") {
    progress(lib, `ring ${RING_N} x ${MSGS} and ping-pong ${MSGS}, median of ${RUNS}`);
    return pairOnly(await medianOf(RUNS, ringNs), await medianOf(RUNS, pingpongNs));
  }
  progress(lib, `bytes per idle actor (${SPAWN_N} actors)`);
  const bytes = await bytesPerIdle();
  progress(lib, `spawn ${SPAWN_N}, ring ${RING_N} x ${MSGS}, ping-pong ${MSGS}, cast ${MSGS}; median of ${RUNS}`);
  const spawnPer = await medianOf(RUNS, spawnUs);
  const ring = await medianOf(RUNS, ringNs);
  const pingpong = await medianOf(RUNS, pingpongNs);
  const cast = await medianOf(RUNS, castNs);
  return {
    spawn_us_per_process: spawnPer,
    ring_ns_per_msg: ring,
    pingpong_ns_per_roundtrip: pingpong,
    cast_ns_per_msg: cast,
    bytes_per_idle_process: bytes,
    notes: [`scaled down: ${MSGS} ring messages, round trips and casts (not 1M); spawn and idle memory at full ${SPAWN_N}; median of ${RUNS}`],
  };
}
