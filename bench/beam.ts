/**
 * The real BEAM, when `elixir` is on PATH: runs bench/beam/bench.exs (the same workloads in
 * Elixir) and reads its last stdout line. Without elixir the column is null and the report
 * compares with the reference numbers measured on this machine class instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Metrics, Mode } from "./measure";

/** Measured with Elixir on this machine class; the targets are stated against these. */
export const BEAM_REFERENCE = {
  ring_ns_per_msg: 406,
  pingpong_ns_per_roundtrip: 617,
  bytes_per_idle_process: 2640,
  spawn_us_per_process: 1.33e6 / 100_000,
};

const onPath = (cmd: string) => (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));

export function benchBeam(mode: Mode = "full"): Metrics | null {
  if (!onPath("elixir")) {
    process.stderr.write("beam: elixir not on PATH, skipped\n");
    return null;
  }
  process.stderr.write(`  [beam] elixir bench/beam/bench.exs ${mode}\n`);
  const script = fileURLToPath(new URL("./beam/bench.exs", import.meta.url));
  const run = spawnSync("elixir", [script, mode], { encoding: "utf8", timeout: 180_000, stdio: ["ignore", "pipe", "inherit"] });
  const last = run.stdout?.trim().split("\n").pop();
  if (run.status !== 0 || !last) {
    process.stderr.write(`beam: elixir failed (status ${run.status}${run.error ? `, ${run.error.message}` : ""}), skipped\n`);
    return null;
  }
  return JSON.parse(last) as Metrics;
}
