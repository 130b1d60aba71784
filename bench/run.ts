/**
 * `npm run bench [-- --json]`: runs each library's bench in its own child process, one after
 * another (the machine has 2 cores; parallel runs would skew every number), then the BEAM when
 * elixir is installed, and prints the report. With --json the last stdout line is
 * `{"us": {...}, "xstate": {...}, "nact": {...}, "beam": {...}|null, "elixir": {...}}` (elixir: the
 * ring and ping-pong written in Elixir and the compile time of a 50-line module).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchBeam } from "./beam";
import type { Metrics } from "./measure";
import { type Results, report } from "./report";
import type { ElixirMetrics } from "./elixir";

const json = process.argv.includes("--json");
const root = fileURLToPath(new URL("..", import.meta.url));
const child = fileURLToPath(new URL("./child.ts", import.meta.url));

/** One library in a fresh node with --expose-gc (for the heap numbers); null if it failed. */
function runChild<T = Metrics>(lib: string): T | null {
  process.stderr.write(`${lib}:\n`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", child, lib], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  const last = run.stdout?.trim().split("\n").pop();
  if (run.status !== 0 || !last) {
    process.stderr.write(`${lib}: failed (status ${run.status}${run.error ? `, ${run.error.message}` : ""})\n`);
    return null;
  }
  process.stderr.write(`  [${lib}] ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return JSON.parse(last) as T;
}

const results: Results = {
  us: runChild("us"),
  xstate: runChild("xstate"),
  nact: runChild("nact"),
  beam: benchBeam(),
  elixir: runChild<ElixirMetrics>("elixir"),
};
process.stdout.write(report(results) + "\n");
if (json) process.stdout.write(JSON.stringify(results) + "\n");
process.exitCode = results.us ? 0 : 1;
