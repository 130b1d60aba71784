/**
 * The Elixir side of the bench: the ring and ping-pong written in Elixir, run through a Session
 * exactly as the TypeScript ones (bench/us.ts), and the warm compile time of a 50-line module
 * (parse, expand, generate, esbuild, post-pass), in Node.
 */
import * as esbuild from "esbuild";
import { compileElixirFile } from "../src/compiler/elixir/compileFile";
import type { TraceEvent } from "../src/runtime/events";
import { Session } from "../src/session/session";
import type { Snippet } from "../src/share/snippetTypes";
import { median, medianOf, progress } from "./measure";
import { FIFTY_LINE_MODULE, elixirPingpongSnippet, elixirRingSnippet } from "./workloads/elixir";

const RING_N = 1_000;
const MSGS = 1_000_000;
const RUNS = 5;
const COMPILES = 30;

export type ElixirMetrics = {
  ring_ns_per_msg: number;
  pingpong_ns_per_roundtrip: number;
  compile_50_lines_ms: number;
  notes: string[];
};

async function timed(snippet: Snippet, expect: string): Promise<number> {
  const logs: string[] = [];
  const crashes: string[] = [];
  const onEvent = (e: TraceEvent) => {
    if (e.type === "log") logs.push(e.text);
    else if (e.type === "exit" && e.reason !== ":normal") crashes.push(`${e.pid} ${e.reason}`);
  };
  const session = new Session({ esbuild, onEvent });
  const started = await session.start(snippet);
  if (!started.ok) throw new Error(`${snippet.title}: does not compile: ${started.message}`);
  const t0 = performance.now();
  await session.advance(1);
  const ms = performance.now() - t0;
  if (crashes.length || !logs.includes(expect)) throw new Error(`${snippet.title}: expected ${expect}; logs ${JSON.stringify(logs.slice(-3))}; crashes ${crashes.slice(0, 3).join("; ")}`);
  return ms;
}

async function compileMs(): Promise<number> {
  const lines = FIFTY_LINE_MODULE.trimEnd().split("\n").length;
  if (lines !== 50) throw new Error(`the compile workload has ${lines} lines, not 50`);
  const once = async () => {
    const t0 = performance.now();
    const r = await compileElixirFile(esbuild, "stack.ex", FIFTY_LINE_MODULE, undefined);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`the 50-line module does not compile: ${JSON.stringify(r.diagnostics)}`);
    return ms;
  };
  for (let i = 0; i < 5; i++) await once(); // warm: parser started, JIT warmed
  const xs: number[] = [];
  for (let i = 0; i < COMPILES; i++) xs.push(await once());
  return median(xs);
}

export async function benchElixir(): Promise<ElixirMetrics> {
  const lib = "elixir";
  progress(lib, `compile a 50-line module, warm, median of ${COMPILES}`);
  const compile = await compileMs();
  progress(lib, `ring ${RING_N} x ${MSGS}, median of ${RUNS}`);
  const ring = await medianOf(RUNS, () => timed(elixirRingSnippet(RING_N, MSGS), "done"));
  progress(lib, `ping-pong ${MSGS}, median of ${RUNS}`);
  const pingpong = await medianOf(RUNS, () => timed(elixirPingpongSnippet(MSGS), `done ${MSGS}`));
  return {
    ring_ns_per_msg: (ring * 1e6) / MSGS,
    pingpong_ns_per_roundtrip: (pingpong * 1e6) / MSGS,
    compile_50_lines_ms: compile,
    notes: [`Elixir ring ${RING_N} x ${MSGS} and ${MSGS} round trips, written as tail-recursive receive loops; median of ${RUNS}; compile: median of ${COMPILES} warm compiles of bench/workloads/elixir.ts's 50-line GenServer (parse → JS → esbuild → post-pass)`],
  };
}
