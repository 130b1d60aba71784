import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cli-test-"));

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snippetFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The counter_recompile conformance scenario (conformance/typescript/counter_recompile/snippet.json). */
const COUNTER_RECOMPILE = {
  "title": "Recompile keeps the pid and the state; the next callback runs the new code",
  "files": {
    "Counter.ts": "import { GenServer, Process, self, log } from \"otp\";\n\nexport function start_link(_arg: unknown) {\n  return GenServer.start_link(__MODULE__, null, { name: \"counter\" });\n}\n\nexport function init(_arg: unknown) {\n  Process.send(self(), \"tick\");\n  return [\"ok\", 1];\n}\n\nexport function handle_info(_msg: \"tick\", state: number) {\n  Process.send_after(self(), \"tick\", 500);\n  state = state + 1;\n  log(`Counter: ${state}, process: ${self()}`);\n  return [\"noreply\", state];\n}\n\nexport function code_change(_old: unknown, state: number, _extra: unknown) {\n  log(\"code_change was called\");\n  return [\"ok\", state];\n}\n",
    "Main.ts": "import { Supervisor } from \"otp\";\n\nexport function start() {\n  return Supervisor.start_link([\"Counter\"], { strategy: \"one_for_one\" });\n}\n"
  },
  "main": "Main",
  "script": [
    {
      "at": 2100,
      "eval": "sys.get_state('counter')"
    },
    {
      "at": 2200,
      "patch": [
        {
          "file": "Counter.ts",
          "find": "state + 1",
          "replace": "state + 5"
        }
      ],
      "action": "recompile"
    },
    {
      "at": 2300,
      "eval": "sys.get_state('counter')"
    }
  ]
};

const counterSnippet = () => snippetFile("counter.json", JSON.stringify(COUNTER_RECOMPILE));

describe("the CLI", () => {
  it("prints '<t>ms <pid> <text>' lines for the counter_recompile scenario", () => {
    const r = cli("run", counterSnippet(), "--until", "3200");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    const logs = lines.filter((l) => /^\d+ms #PID<0\.\d+\.0> /.test(l));
    const pid = /^0ms (#PID<0\.\d+\.0>) Counter: 2, process: \1$/.exec(logs[0])?.[1];
    expect(pid).toBeDefined();
    const shellLines = logs.filter((l) => !l.includes("Counter:"));
    expect(shellLines).toEqual([expect.stringMatching(/^2100ms #PID<0\.\d+\.0> 6$/), expect.stringMatching(/^2300ms #PID<0\.\d+\.0> 6$/)]);
    expect(logs.filter((l) => l.includes("Counter:"))).toEqual(
      ["0ms", "500ms", "1000ms", "1500ms", "2000ms", "2500ms", "3000ms"].map((t, i) => `${t} ${pid} Counter: ${[2, 3, 4, 5, 6, 11, 16][i]}, process: ${pid}`),
    );
    expect(lines).toContain("2200ms recompile: loaded Counter");
  }, 60_000);

  it("prints one JSON event per line with --json", () => {
    const r = cli("run", counterSnippet(), "--until", "3200", "--json");
    expect(r.status).toBe(0);
    const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    for (const e of events) {
      expect(typeof e.t).toBe("number");
      expect(typeof e.type).toBe("string");
    }
    expect(events.filter((e) => e.type === "load").map((e) => e.module)).toEqual(["Counter", "Main", "Counter"]);
    expect(events.find((e) => e.type === "log" && e.t === 2100)).toMatchObject({ text: "6" });
    expect(events.some((e) => e.type === "spawn")).toBe(true);
    expect(events.some((e) => e.type === "state")).toBe(true);
  }, 60_000);

  it("exits 0 when processes crash: crashes are results", () => {
    const path = snippetFile("crash.json", JSON.stringify({
      files: { "Main.ts": 'import { spawn } from "otp";\nexport function start() {\n  spawn(() => { throw new Error("boom"); });\n}\n' },
      main: "Main",
    }));
    const r = cli("run", path);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0ms #PID<0\.\d+\.0> exited: \[%Error\{message: "boom"\}, #Stacktrace<Main.ts:3>\]/m);
  }, 60_000);

  it("exits 1 with File.ts:LINE:COL on stderr for a snippet that does not compile", () => {
    const path = snippetFile("syntax.json", JSON.stringify({
      files: { "Main.ts": "export function start() {\n  const x = ;\n}\n" },
      main: "Main",
    }));
    const r = cli("run", path);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Main\.ts:2:\d+: /m);
  }, 60_000);

  it("exits 1 with a message for a file that is not valid JSON", () => {
    const path = snippetFile("bad.json", '{ "files": { "Main.ts": "x" }, "main": ');
    const r = cli("run", path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("bad.json");
    expect(r.stdout).toBe("");
  }, 60_000);
});

describe("plain Elixir files", () => {
  const counter = `defmodule Counter do
  use GenServer

  def start_link(_) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(state) do
    send(self(), :increment)
    {:ok, state}
  end

  @impl true
  def handle_info(:increment, state) do
    state = state + 1
    IO.inspect("Counter: #{state}, process: #{self() |> inspect}")
    Process.send_after(self(), :increment, 1000)
    {:noreply, state}
  end
end
`;
  const main = "defmodule Main do\n  def start do\n    Supervisor.start_link([Counter], strategy: :one_for_one)\n  end\nend\n";

  it("runs lib/*.ex with --main, printing what IO.inspect printed", () => {
    const r = cli("run", snippetFile("counter.ex", counter), snippetFile("main.ex", main), "--main", "Main", "--until", "2000");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0ms #PID<0\.\d+\.0> "Counter: 1, process: #PID<0\.\d+\.0>"$/m);
    expect(r.stdout).toMatch(/^2000ms #PID<0\.\d+\.0> "Counter: 3, process: #PID<0\.\d+\.0>"$/m);
  });

  it("exits 1 with the Elixir file and line of a syntax error", () => {
    const r = cli("run", snippetFile("broken.ex", "defmodule Main do\n  def start do\n    [1, 2\n  end\nend\n"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^broken\.ex:\d+:\d+: error: missing terminator: \] \(for "\[" starting at line 3\)$/m);
  });
});
