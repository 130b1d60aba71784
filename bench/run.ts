/**
 * `npm run bench [-- --json] [-- --rounds N]`: runs each library's bench in its own child
 * process, one after another (the machine has 2 cores; parallel runs would skew every number),
 * then the BEAM when elixir is installed. That is round 1, every metric; rounds 2…N (default 3)
 * measure ring and ping-pong again, the libraries interleaved (us, xstate, nact, BEAM, us, …),
 * so a throughput ratio is the median of ratios taken seconds apart, not one noisy phase's.
 * With --json the last stdout line is `{"us": {...}, "xstate": {...}, "nact": {...},
 * "beam": {...}|null, "rounds": [...]}` (ring and ping-pong as the medians over the rounds).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchBeam } from "./beam";
import type { Metrics, Mode } from "./measure";
import { type Results, type Rounds, combine, report } from "./report";

const json = process.argv.includes("--json");
const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 1) : 3;
const root = fileURLToPath(new URL("..", import.meta.url));
const child = fileURLToPath(new URL("./child.ts", import.meta.url));

/** One library in a fresh node with --expose-gc (for the heap numbers); null if it failed. */
function runChild(lib: string, mode: Mode): Metrics | null {
  process.stderr.write(`${lib} (${mode}):\n`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", child, lib, mode], {
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
  return JSON.parse(last) as Metrics;
}

const round = (mode: Mode): Results => ({ us: runChild("us", mode), xstate: runChild("xstate", mode), nact: runChild("nact", mode), beam: benchBeam(mode) });
const rounds: Rounds = [round("full")];
for (let i = 2; i <= ROUNDS; i++) {
  process.stderr.write(`round ${i} of ${ROUNDS}: ring and ping-pong\n`);
  rounds.push(round("pair"));
}
process.stdout.write(report(rounds) + "\n");
if (json) process.stdout.write(JSON.stringify({ ...combine(rounds), rounds }) + "\n");
process.exitCode = rounds[0].us ? 0 : 1;
