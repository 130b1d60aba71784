/**
 * Small measuring helpers shared by every library's bench: medians, heap deltas with forced
 * GC (the child runs with --expose-gc), and progress lines on stderr (stdout is for results).
 */

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `once` `times` times (each a fresh setup) and returns the median of what it measured. */
export async function medianOf(times: number, once: () => Promise<number> | number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) xs.push(await once());
  return median(xs);
}

/** Heap in use after full collections: twice, since finalizers and weak refs free more in a second pass. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run node with --expose-gc (bench/run.ts starts children that way)");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Lets pending timers and immediates run, so a library's leftovers from setup are not counted. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

/** A progress line on stderr, stamped with seconds since this process started. */
export function progress(lib: string, text: string): void {
  process.stderr.write(`  [${lib}] ${(performance.now() / 1000).toFixed(1)} s: ${text}\n`);
}

/**
 * What a child measures: `full`, every metric; `pair`, only ring and ping-pong (the metrics the
 * throughput targets compare), for the extra rounds that run.ts interleaves across libraries.
 */
export type Mode = "full" | "pair";

/** Only ring and ping-pong measured (a `pair` round): the other metrics are null. */
export const pairOnly = (ring: number, pingpong: number, notes: string[] = []): Metrics => ({
  spawn_us_per_process: null, ring_ns_per_msg: ring, pingpong_ns_per_roundtrip: pingpong,
  cast_ns_per_msg: null, bytes_per_idle_process: null, notes,
});

/** The numbers each library reports (null: not measured), as `--json` prints them. */
export type Metrics = {
  spawn_us_per_process: number | null;
  ring_ns_per_msg: number | null;
  pingpong_ns_per_roundtrip: number | null;
  cast_ns_per_msg: number | null;
  bytes_per_idle_process: number | null;
  /** Ours only: ring with tracing on over tracing off. */
  tracing_cost_ratio?: number | null;
  /** Ours only: the longest wall gap between returns of `advance(t, 10)`. */
  max_slice_ms?: number | null;
  /** Ours only: the ring written Erlang style (tail-recursive receive loop). */
  ring_tail_ns_per_msg?: number | null;
  /** Ours only: the design's floor (bench/floor.ts), bare generators doing none of the runtime's work. */
  floor?: { ring_ns_per_msg: number; pingpong_ns_per_roundtrip: number } | null;
  /** Ours only: our time over the floor's, the median of runs paired back to back. */
  floor_ratio?: { ring_ns_per_msg: number; pingpong_ns_per_roundtrip: number } | null;
  /** What was scaled down or written differently, for the reader of the table. */
  notes: string[];
};
