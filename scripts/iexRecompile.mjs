// Times IEx's own `recompile()` of a small module with the installed Elixir, for the browser
// bench's comparison: a throwaway Mix project with one GenServer-sized module, edited and
// recompiled 20 times inside one VM (IEx.Helpers.recompile/0, what `recompile` in IEx runs).
// Returns null when elixir or mix is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MODULE = (step) => `defmodule Counter do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: :counter)
  def init(n), do: {:ok, n}
  def handle_info(:increment, n), do: {:noreply, n + ${step}}
end
`;

const SCRIPT = `
file = "lib/counter.ex"
times =
  for i <- 1..22 do
    File.write!(file, String.replace(File.read!(file), ~r/n \\+ \\d+/, "n + #{i + 1}"))
    # mtimes have one-second resolution: make the edit look newer than the last compile.
    File.touch!(file, System.os_time(:second) + i)
    {us, _} = :timer.tc(fn -> IEx.Helpers.recompile() end)
    us / 1000
  end
IO.puts(Enum.map_join(Enum.drop(times, 2), ",", &Float.to_string/1))
`;

export function timeIexRecompile() {
  if (spawnSync("mix", ["--version"], { encoding: "utf8" }).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "iex-recompile-"));
  try {
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "mix.exs"), `defmodule Bench.MixProject do\n  use Mix.Project\n  def project, do: [app: :bench, version: "0.1.0"]\nend\n`);
    writeFileSync(join(dir, "lib/counter.ex"), MODULE(1));
    writeFileSync(join(dir, "bench.exs"), SCRIPT);
    const env = { ...process.env, MIX_ENV: "dev" };
    spawnSync("mix", ["compile"], { cwd: dir, env, encoding: "utf8" });
    const r = spawnSync("mix", ["run", "--no-start", "bench.exs"], { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
    const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
    const times = line.split(",").map(Number).filter((x) => Number.isFinite(x));
    if (!times.length) return null;
    const sorted = [...times].sort((a, b) => a - b);
    const version = spawnSync("elixir", ["--short-version"], { encoding: "utf8" }).stdout.trim();
    return { n: times.length, median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))], version: `Elixir ${version}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("iexRecompile.mjs")) console.log(timeIexRecompile());
