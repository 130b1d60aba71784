/**
 * The console of an Elixir snippet is IEx (SPEC §10): bindings persist, the helpers answer as
 * IEx 1.14 does (recorded from `iex` and `iex -S mix`), `recompile()` is the Recompile action,
 * and the prompt's number goes up only when a line succeeds. A TypeScript console keeps its
 * own declarations from line to line.
 */
import { describe, expect, it } from "vitest";
import { seedSnippet } from "../examples/seed";
import { editorHelper } from "./iex";
import { runSnippet, type Harness } from "./testing";

async function line(h: Harness, expr: string, files?: Record<string, string>) {
  const r = await h.session.consoleLine(expr, files);
  await h.advanceBy(1);
  return { ...r, prompt: await r.finished };
}

/** The log lines from the `from`-th on, without the echoes of the lines typed. */
const shellLines = (h: Harness, from: number) => {
  const logs = h.events.filter((e) => e.type === "log");
  return logs.slice(from).filter((e) => e.prompt === undefined).map((e) => e.text);
};
const echoes = (h: Harness) => h.events.flatMap((e) => (e.type === "log" && e.prompt !== undefined ? [`${e.prompt} ${e.text}`] : []));

describe("the IEx console of an Elixir snippet", () => {
  it("keeps bindings, answers v(), pid(), flush() as IEx does, and numbers prompts as IEx", async () => {
    const h = await runSnippet(seedSnippet.files, { until: 2500 });
    const before = h.logs().length;
    expect((await line(h, "pid = Process.whereis(Counter)")).prompt).toBe(2);
    await line(h, ":sys.get_state(pid)");
    await line(h, "v(1) == pid");
    await line(h, "send(self(), :hi)");
    await line(h, "send(self(), {:a, 1})");
    const flushed = await line(h, "flush()");
    expect(flushed.prompt).toBe(7);
    const failed = await line(h, "v(99)");
    expect(failed.prompt).toBe(7);
    await line(h, 'pid("0.102.0")');
    await line(h, "pid(0, 7, 0)");
    await line(h, "v(-2)");
    await line(h, 'pid("x")');
    const lines = shellLines(h, before).filter((l) => !l.startsWith('"Counter'));
    expect(lines.slice(0, 9)).toEqual([
      expect.stringMatching(/^#PID<0\.\d+\.0>$/),
      "3",
      "true",
      ":hi",
      "{:a, 1}",
      ":hi",
      "{:a, 1}",
      ":ok",
      expect.stringMatching(/^\*\* \(RuntimeError\) v\(99\) is out of bounds/),
    ]);
    expect(lines.slice(9, 12)).toEqual(["#PID<0.102.0>", "#PID<0.7.0>", "#PID<0.102.0>"]);
    expect(lines[12]).toMatch(/^\*\* \(ArgumentError\) errors were found at the given arguments:[\s\S]*not a textual representation of a pid/);
    // Each line is echoed with the prompt it ran at, as the shell starts on it.
    expect(echoes(h).slice(0, 8)).toEqual([
      "iex(1)> pid = Process.whereis(Counter)", "iex(2)> :sys.get_state(pid)", "iex(3)> v(1) == pid", "iex(4)> send(self(), :hi)",
      "iex(5)> send(self(), {:a, 1})", "iex(6)> flush()", "iex(7)> v(99)", 'iex(7)> pid("0.102.0")',
    ]);
  });

  it("recompile() is the Recompile action: :noop, then :ok with the new code, then :error that loads nothing", async () => {
    const h = await runSnippet(seedSnippet.files, { until: 3500 });
    const files = { ...seedSnippet.files };
    const before = h.logs().length;
    const noop = await line(h, "recompile()", files);
    expect(noop.action).toMatchObject({ ok: true, loaded: [] });
    files["counter.ex"] = files["counter.ex"].replace("state + 1", "state + 10");
    const ok = await line(h, "recompile", files);
    expect(ok.action).toMatchObject({ ok: true, loaded: ["Counter"] });
    await h.advanceTo(4500);
    files["counter.ex"] = files["counter.ex"].replace("state + 10", "state + 10)");
    const error = await line(h, "recompile()", files);
    expect(error.action?.ok).toBe(false);
    await h.advanceTo(5500);
    const lines = shellLines(h, before);
    expect(lines).toEqual([
      ":noop",
      "Compiling 1 file (.ex)",
      ":ok",
      expect.stringMatching(/^"Counter: 14, process: #PID<0\.\d+\.0>"$/),
      "== Compilation error in file counter.ex ==",
      expect.stringMatching(/^\*\* \(\w+Error\) counter\.ex:17:\d+: /),
      ":error",
      expect.stringMatching(/^"Counter: 24, /),
    ]);
    expect(error.prompt).toBe(4);
  });

  it("r(Mod) reloads the module's file and answers {:reloaded, [Mod]}; an unknown module is an ArgumentError", async () => {
    const h = await runSnippet(seedSnippet.files, { until: 1500 });
    const before = h.logs().length;
    await line(h, "r(Counter)", seedSnippet.files);
    await line(h, "r Nope", seedSnippet.files);
    expect(shellLines(h, before).filter((l) => !l.startsWith('"Counter'))).toEqual(["{:reloaded, [Counter]}", "** (ArgumentError) could not find source for module: Nope"]);
  });

  it("recognises the helpers that act on the editor only as whole lines", () => {
    expect(editorHelper(" recompile() ")).toEqual({ helper: "recompile" });
    expect(editorHelper("r(App.Worker)")).toEqual({ helper: "r", module: "App.Worker" });
    expect(editorHelper("r App.Worker")).toEqual({ helper: "r", module: "App.Worker" });
    expect(editorHelper("x = recompile()")).toBeNull();
    expect(editorHelper("r(counter)")).toBeNull();
  });
});

describe("the console of a TypeScript snippet", () => {
  it("keeps what a line declared for the next lines", async () => {
    const h = await runSnippet({ "Main.ts": "export function start() { return 1; }\n" });
    const before = h.logs().length;
    await line(h, "const x = 20");
    await line(h, "let y: number = x + 1;");
    await line(h, "[x, y]");
    expect(shellLines(h, before)).toEqual(["[20, 21]"]);
  });
});
