/**
 * "Export as a Mix project": the zip unpacks (with the system's own `unzip`) into a Mix project
 * whose README gives the script's steps as IEx commands; and, where Elixir is installed, the
 * project compiles and, run in real `iex -S mix` with those commands typed at their times, it
 * prints what the playground printed (its processes' lines and the shell's answers, pids
 * numbered by first appearance). Without `elixir` on PATH that part is skipped, and says so.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { normalizeLines } from "../../scripts/beam/normalize";
import { findLesson } from "../examples";
import { seedSnippet } from "../examples/seed";
import type { TraceEvent } from "../runtime/events";
import { Session, isElixirSnippet } from "../session/session";
import type { Snippet } from "../share/snippetTypes";
import { type IexCommand, iexSteps, mixProject } from "./mixProject";
import { zip } from "./zip";

const hasElixir = spawnSync("elixir", ["--version"], { encoding: "utf8" }).status === 0;
const hasUnzip = spawnSync("unzip", ["-v"], { encoding: "utf8" }).status === 0;

function unpack(snippet: Snippet, id: string): Promise<string> {
  const { entries } = mixProject(snippet, id);
  const dir = mkdtempSync(join(tmpdir(), "mix-export-"));
  return zip(entries).then((bytes) => {
    writeFileSync(join(dir, "export.zip"), bytes);
    const r = spawnSync("unzip", ["-q", "export.zip"], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
    return join(dir, mixProject(snippet, id).folder);
  });
}

describe("a snippet exported as a Mix project", () => {
  it.skipIf(!hasUnzip)("is a zip that unzip reads back, file for file: mix.exs, lib/, steps/, .iex.exs and a README", async () => {
    const lesson = findLesson("upgrade-code-change")!;
    const dir = await unpack(lesson.snippet, lesson.key);
    try {
      for (const [file, text] of Object.entries(lesson.snippet.files)) expect(readFileSync(join(dir, "lib", file), "utf8")).toBe(text);
      expect(readFileSync(join(dir, "steps/3500ms/counter.ex"), "utf8")).toBe(lesson.snippet.script![1].edit!["counter.ex"]);
      expect(readFileSync(join(dir, "mix.exs"), "utf8")).toMatch(/app: :upgrade_code_change/);
      expect(readFileSync(join(dir, ".iex.exs"), "utf8")).toMatch(/def upgrade\(modules, extra/);
      const readme = readFileSync(join(dir, "README.md"), "utf8");
      expect(readme).toContain("iex -S mix");
      expect(readme).toContain('File.cp!("steps/3500ms/counter.ex", "lib/counter.ex")\nPlayground.upgrade([Counter], 10)');
      expect(readme).toContain("# at 3.4 s\n#   check: Before: the state is the integer 3\n:sys.get_state(Counter)");
    } finally {
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  });

  it("gives the seed's hint in its README, where there is no script to follow", () => {
    const { entries } = mixProject(seedSnippet, null, "Change `+ 1` to `+ 10` in counter.ex and press Recompile.");
    const readme = entries.find((e) => e.path.endsWith("README.md"))!.text;
    expect(readme).toContain("Try it, as the playground's hint says: Change `+ 1` to `+ 10` in counter.ex and press Recompile.");
    expect(readme).toContain("`recompile()`");
  });

  it("turns the script into IEx lines: start, edits as File.cp!, recompile(), evals and checks, in time order", () => {
    const steps = iexSteps(findLesson("seed-recompile")!.snippet);
    expect(steps.map((s) => [s.at, s.commands.map((c) => c.line)])).toEqual([
      [0, ["Main.start()"]],
      [500, []],
      [4400, ["Process.whereis(Counter)", ":sys.get_state(Counter)"]],
      [4500, ['File.cp!("steps/4500ms/counter.ex", "lib/counter.ex")', "recompile()"]],
      [5200, []],
      [5500, ["Process.whereis(Counter)", ":sys.get_state(Counter)"]],
      [6200, []],
    ]);
  });
});

/** What the playground printed for these commands: processes' log lines and the shell's answers. */
async function playgroundTranscript(snippet: Snippet, until: number): Promise<string[]> {
  // Checks print nothing in a lesson; typed in a console they print their value, as IEx does.
  const asEvals: Snippet = {
    ...snippet,
    checks: undefined,
    script: [...(snippet.script ?? []), ...(snippet.checks ?? []).map((c) => ({ at: c.at, eval: c.eval }))].sort((a, b) => a.at - b.at),
  };
  const events: TraceEvent[] = [];
  const session = new Session({ esbuild, onEvent: (e) => events.push(e), elixir: {} });
  const started = await session.start(asEvals);
  if (!started.ok) throw new Error(JSON.stringify(started.diagnostics));
  await session.advance(until);
  // The echoed `iex(N)>` lines are the typed commands, not output (runInIex drops IEx's prompts too).
  const logs = events.filter((e): e is Extract<TraceEvent, { type: "log" }> => e.type === "log" && e.prompt === undefined);
  return normalizeLines(logs.map((e) => ({ t: 0, text: e.text }))).map((l) => l.slice(2));
}

/** What IEx answers to the lines that only get there (start, copy, recompile, upgrade). */
const PLUMBING: Partial<Record<IexCommand["kind"], RegExp>> = {
  start: /^\{:ok, #PID<[\d.]+>\}$/,
  copy: /^:ok$/,
  recompile: /^(:ok|Compiling \d+ files? \(\.ex\))$/,
  upgrade: /^(Compiling \d+ files? \(\.ex\)|\{:ok, \[.*\]\})$/,
};

/** Types the README's lines into real `iex -S mix` at their times; resolves with what it printed. */
function runInIex(dir: string, snippet: Snippet, until: number): Promise<string[]> {
  const env = { ...process.env, MIX_ENV: "dev", LC_ALL: "C.UTF-8" };
  const compiled = spawnSync("mix", ["compile"], { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
  if (compiled.status !== 0) throw new Error(`mix compile failed:\n${compiled.stdout}${compiled.stderr}`);
  const steps = iexSteps(snippet);
  return new Promise((resolve, reject) => {
    // Raised priority where allowed (root): the BEAM keeps its own real time beside a CPU hog,
    // as on the learner's idle machine. Elsewhere `nice` says it cannot and runs it as is.
    const iex = spawn("nice", ["-n", "-10", "iex", "-S", "mix"], { cwd: dir, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let started = false;
    const timers: NodeJS.Timeout[] = [];
    const kill = setTimeout(() => iex.kill("SIGKILL"), until + 60_000);
    iex.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      // The clock starts when IEx is ready for its first line, as the learner's would.
      if (!started && /iex\(1\)> /.test(out)) {
        started = true;
        for (const step of steps) timers.push(setTimeout(() => iex.stdin.write(step.commands.map((c) => `${c.line}\n`).join("")), step.at));
        timers.push(setTimeout(() => iex.stdin.write("System.halt()\n"), until));
      }
    });
    iex.stderr.on("data", (d: Buffer) => (out += d.toString()));
    iex.on("error", reject);
    iex.on("close", () => {
      clearTimeout(kill);
      timers.forEach(clearTimeout);
      const lines = out.split("\n").map((l) => l.replace(/^(iex\(\d+\)> )+/, "").trimEnd()).filter((l) => l !== "");
      resolve(lines.slice(lines.findIndex((l) => l.startsWith("Interactive Elixir")) + 1));
    });
  });
}

/** IEx's lines without the answers to the plumbing lines (one answer each, in order). */
function withoutPlumbing(lines: string[], snippet: Snippet): string[] {
  const kinds = iexSteps(snippet).flatMap((s) => s.commands.map((c) => c.kind));
  const pending = kinds.map((k) => PLUMBING[k]).filter((re): re is RegExp => re !== undefined);
  return lines.filter((line) => {
    const i = pending.findIndex((re) => re.test(line));
    if (i < 0) return true;
    // "Compiling…" comes before recompile's :ok: a recompile owes both, an upgrade both too.
    if (!/^Compiling/.test(line)) pending.splice(i, 1);
    return false;
  });
}

/** The seed, with the script its hint asks for: + 1 becomes + 10, then Recompile. */
function seedWithItsHint(): Snippet | null {
  if (!isElixirSnippet(seedSnippet.files)) return null;
  // The code's `state + 1`, not the hint's comment that mentions `+ 1`.
  const file = Object.keys(seedSnippet.files).find((f) => seedSnippet.files[f].includes("state + 1"));
  if (!file) return null;
  return { ...seedSnippet, script: [{ at: 4500, patch: [{ file, find: "state + 1", replace: "state + 10" }], action: "recompile" }] };
}

const cases: Array<[string, () => Snippet | null, string]> = [
  ["the seed-recompile lesson (the seed's counter, + 1 → + 10, recompile())", () => findLesson("seed-recompile")!.snippet, "seed-recompile"],
  ["the seed itself, with its hint played", seedWithItsHint, "seed"],
  ["the upgrade lesson (Playground.upgrade/2: suspend, recompile(), change_code, resume)", () => findLesson("upgrade-code-change")!.snippet, "upgrade-code-change"],
];

// It runs the real BEAM in real time (the lesson's ticks against the README's lines at their
// times), so a loaded machine shifts what it prints: `npm run test:beam` runs it (BEAM_LIVE=1),
// beside the recorded scenarios, on a machine that has Elixir (CI installs it).
describe.skipIf(!hasElixir || !hasUnzip || !process.env.BEAM_LIVE)("an exported Mix project on the real BEAM (needs `elixir` and `unzip` on PATH)", () => {
  for (const [name, make, id] of cases) {
    const snippet = make();
    // Retried: the real BEAM is the one side here that runs on the wall clock, and a loaded
    // machine can still delay a typed line past a tick once; the playground's side never varies.
    it.skipIf(snippet === null)(`${name}: iex -S mix with the README's lines prints what the playground printed`, { retry: 2, timeout: 180_000 }, async () => {
      const last = Math.max(...(snippet!.script ?? []).map((s) => s.at), ...(snippet!.checks ?? []).map((c) => c.at));
      const until = last + 700;
      const dir = await unpack(snippet!, id);
      try {
        expect(existsSync(join(dir, "mix.exs"))).toBe(true);
        const iex = withoutPlumbing(await runInIex(dir, snippet!, until), snippet!);
        const played = await playgroundTranscript(snippet!, until);
        expect(played.length, "the playground printed lines to compare").toBeGreaterThan(5);
        expect(normalizeLines(iex.map((text) => ({ t: 0, text }))).map((l) => l.slice(2))).toEqual(played);
      } finally {
        rmSync(join(dir, ".."), { recursive: true, force: true });
      }
    });
  }
});

if (!process.env.BEAM_LIVE) console.warn("mixProject.test: the exported projects run on the real BEAM under `npm run test:beam` (BEAM_LIVE=1)");
else if (!hasElixir) console.warn("mixProject.test: `elixir` is not on PATH, so the exported projects were not run on the real BEAM (apt-get install -y elixir)");
