/**
 * Runs one scenario on the real BEAM: a fresh Mix project in a temporary folder (the files
 * `mix new` would write, the scenario's `.ex` files under lib/), then `mix run driver.exs`,
 * which starts Main, plays the script on the wall clock and writes every line the scenario's
 * processes printed (driver.exs says how). Resolves with those lines, oldest first.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { planOf } from "./plan";
import type { Scenario } from "./scenarios";

export type BeamLine = { t: number; kind: "log" | "report" | "note"; pid: string; text: string };

const DRIVER = fileURLToPath(new URL("./driver.exs", import.meta.url));

const MIX_EXS = `defmodule Scenario.MixProject do
  use Mix.Project

  def project do
    [
      app: :scenario,
      version: "0.1.0",
      elixir: "~> 1.14",
      start_permanent: Mix.env() == :prod,
      deps: deps()
    ]
  end

  def application do
    [extra_applications: [:logger]]
  end

  defp deps do
    []
  end
end
`;

export async function runOnBeam(scenario: Scenario, until: number): Promise<BeamLine[]> {
  const project = mkdtempSync(join(tmpdir(), `beam-${scenario.name}-`));
  try {
    writeFileSync(join(project, "mix.exs"), MIX_EXS);
    for (const [file, source] of Object.entries(scenario.snippet.files)) {
      mkdirSync(dirname(join(project, "lib", file)), { recursive: true });
      writeFileSync(join(project, "lib", file), source);
    }
    writeFileSync(join(project, "plan.exs"), planOf(scenario.snippet, until));
    const out = join(project, "out.jsonl");
    await mix(project, ["run", DRIVER, "plan.exs", out], until + 120_000);
    return readFileSync(out, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as BeamLine);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

function mix(cwd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Busy-waiting off: the driver raises the BEAM to real-time priority, where a spinning
    // scheduler would take a core from everyone else.
    // A UTF-8 locale: without one the BEAM reads file names and prints text as latin1.
    const env = { ...process.env, MIX_ENV: "dev", LC_ALL: "C.UTF-8", ELIXIR_ERL_OPTIONS: "+sbwt none +sbwtdcpu none +sbwtdio none" };
    const child = spawn("mix", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`mix ${args.join(" ")} ended with ${signal ?? `status ${code}`}:\n${output.trim()}`));
    });
  });
}
