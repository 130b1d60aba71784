/**
 * One library's bench in a process of its own (started by run.ts with --expose-gc), so heap
 * numbers and JIT state are not shared between libraries. Progress goes to stderr; the last
 * stdout line is the library's Metrics as JSON.
 */
import type { Metrics } from "./measure";

const benches: Record<string, () => Promise<Metrics | import("./elixir").ElixirMetrics>> = {
  us: async () => (await import("./us")).benchUs(),
  xstate: async () => (await import("./xstate")).benchXstate(),
  nact: async () => (await import("./nact")).benchNact(),
  elixir: async () => (await import("./elixir")).benchElixir(),
};

const lib = process.argv[2];
const bench = benches[lib];
if (!bench) {
  process.stderr.write(`usage: child.ts ${Object.keys(benches).join("|")}\n`);
  process.exit(2);
}
const metrics = await bench();
process.stdout.write(JSON.stringify(metrics) + "\n");
// nact and xstate may leave timers behind; the numbers are out, so end here.
process.exit(0);
