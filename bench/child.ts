/**
 * One library's bench in a process of its own (started by run.ts with --expose-gc), so heap
 * numbers and JIT state are not shared between libraries. Progress goes to stderr; the last
 * stdout line is the library's Metrics as JSON.
 */
import type { Metrics, Mode } from "./measure";

const benches: Record<string, (mode: Mode) => Promise<Metrics>> = {
  us: async (mode) => (await import("./us")).benchUs(mode),
  xstate: async (mode) => (await import("./xstate")).benchXstate(mode),
  nact: async (mode) => (await import("./nact")).benchNact(mode),
};

const lib = process.argv[2];
const mode = (process.argv[3] ?? "full") as Mode;
const bench = benches[lib];
if (!bench || (mode !== "full" && mode !== "pair")) {
  process.stderr.write(`usage: child.ts ${Object.keys(benches).join("|")} [full|pair]\n`);
  process.exit(2);
}
const metrics = await bench(mode);
process.stdout.write(JSON.stringify(metrics) + "\n");
// nact and xstate may leave timers behind; the numbers are out, so end here.
process.exit(0);
