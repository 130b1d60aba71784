/** Removing a function that a running process still calls: it crashes at its next call, and restarts don't help. */
import type { Demo } from "../demo";

const tickerEx = `defmodule Ticker do
  use GenServer

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(n) do
    Process.send_after(self(), :tick, 1000)
    {:ok, n}
  end

  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    IO.puts(Fmt.label(n + 1)) # an external call, looked up at each call
    {:noreply, n + 1}
  end
end
`;

const fmtEx = `defmodule Fmt do
  def label(n), do: "tick ##{n}"
end
`;

const mainEx = `defmodule Main do
  def start do
    Supervisor.start_link([Ticker], strategy: :one_for_one)
  end
end
`;

const tickerTs = `import { GenServer, Process, self, log } from "otp";
import * as Fmt from "Fmt";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "ticker" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", 0];
}

export function handle_info(_msg: "tick", n: number) {
  Process.send_after(self(), "tick", 1000);
  log(Fmt.label(n + 1)); // an external call, looked up at each call
  return ["noreply", n + 1];
}
`;

const fmtTs = `export function label(n: number) {
  return "tick #" + n;
}
`;

const mainTs = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Ticker"], { strategy: "one_for_one" });
}
`;

const title = "Removing a function that is still called";
const why =
  "Calls to another module are looked up when they happen, so nothing complains when a function disappears. The process crashes only when it actually makes the call. Its supervisor restarts it, but the new process runs the same code and makes the same call. Only new code fixes code; restarts fix bad state.";
const docs = [
  { label: "UndefinedFunctionError", url: "https://hexdocs.pm/elixir/UndefinedFunctionError.html" },
  { label: "Supervisor (Elixir)", url: "https://hexdocs.pm/elixir/Supervisor.html" },
  { label: "Compilation and code loading (Erlang)", url: "https://www.erlang.org/doc/system/code_loading.html" },
  { label: "mix xref", url: "https://hexdocs.pm/mix/Mix.Tasks.Xref.html" },
];
const renameTs = (from: string, to: string) => [{ file: "Fmt.ts", find: `function ${from}(`, replace: `function ${to}(` }];
const renameEx = (from: string, to: string) => [{ file: "fmt.ex", find: `def ${from}(`, replace: `def ${to}(` }];

export const removedFunction: Demo = {
  id: "removed-function",
  title,
  summary: "Rename a function a running process calls: its next call crashes it, restarts crash too, putting it back heals.",
  elixir: {
    snippet: {
      title,
      files: { "ticker.ex": tickerEx, "fmt.ex": fmtEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "The Ticker row calls Fmt.label/1 every second. Its supervisor (the row above) restarts it if it crashes." },
        { at: 2500, patch: renameEx("label", "title"), action: "recompile", say: "Rename label → title in Fmt and recompile(). It loads fine: loading a module does not check who calls it (mix xref would warn)." },
        { at: 3100, say: "Next tick: Fmt.label/1 no longer exists. The Ticker row ends red (UndefinedFunctionError); the supervisor starts a new Ticker below it, from init/1." },
        { at: 4100, say: "The new Ticker makes the same call and crashes too, and so will the next. Restarting cannot fix code." },
        { at: 5200, patch: renameEx("title", "label"), action: "recompile", say: "Put label back and recompile(), just in time (a 4th crash in 5 s would stop the supervisor too). The last Ticker row goes on: 1, 2…" },
      ],
      checks: [
        {
          at: 3500,
          eval: "try do\n  Fmt.label(1)\nrescue\n  e in UndefinedFunctionError -> Exception.message(e)\nend",
          equals: "function Fmt.label/1 is undefined or private",
          say: "Calling Fmt.label/1 now raises UndefinedFunctionError",
        },
        { at: 4500, eval: ":sys.get_state(Ticker)", equals: 0, say: "After the crash: a new Ticker, state 0 from init/1" },
        { at: 6500, eval: ":sys.get_state(Ticker)", equals: 1, say: "After the fix: the last Ticker counts again (1)" },
      ],
    },
    explanation: {
      watch:
        "The Ticker rows: each ends with a red cap (UndefinedFunctionError) and a new one starts right below it, until the fix; the last one goes on ticking from 1. The Log shows each crash as Logger reports it.",
      why,
      beam:
        "Identical on the BEAM: `Fmt.label(n)` raises `UndefinedFunctionError` (\"function Fmt.label/1 is undefined or private\") once the loaded Fmt no longer exports it, and the GenServer terminates with that error. `mix compile` warns about calls to undefined remote functions (`mix xref` lists them), but only when the callers are compiled too. In IEx, `r Fmt` loads the renamed module; fix it and `r Fmt` again.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Ticker.ts": tickerTs, "Fmt.ts": fmtTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "The ticker row calls Fmt.label(n) every second. Its supervisor (the row above) restarts it if it crashes." },
        { at: 2500, patch: renameTs("label", "title"), action: "recompile", say: "Rename label → title in Fmt and recompile. It loads fine: loading a module does not check who calls it (only the editor underlines Ticker's call)." },
        { at: 3100, say: "Next tick: Fmt.label no longer exists. The ticker row ends red (UndefinedFunctionError); the supervisor starts a new ticker below it, from init." },
        { at: 4100, say: "The new ticker makes the same call and crashes too, and so will the next. Restarting cannot fix code." },
        { at: 5200, patch: renameTs("title", "label"), action: "recompile", say: "Put label back and recompile, just in time (a 4th crash in 5 s would stop the supervisor too). The last ticker row goes on: 1, 2…" },
      ],
      checks: [
        {
          at: 3500,
          eval: "(() => { try { return Fmt.label(1); } catch (e) { return e.message; } })()",
          equals: "function Fmt.label/1 is undefined or private",
          say: "Calling Fmt.label now fails: it is undefined",
        },
        { at: 4500, eval: "sys.get_state('ticker')", equals: 0, say: "After the crash: a new Ticker, state 0 from init" },
        { at: 6500, eval: "sys.get_state('ticker')", equals: 1, say: "After the fix: the last Ticker counts again (1)" },
      ],
    },
    explanation: {
      watch:
        "The Ticker rows: each ends with a red cap (UndefinedFunctionError) and a new one starts right below it, until the fix; the last one goes on ticking from 1.",
      why,
      beam:
        "Identical on the BEAM: `Fmt.label(n)` raises `UndefinedFunctionError` (\"function Fmt.label/1 is undefined or private\") once the loaded Fmt no longer exports it. The compiler can warn (`mix compile` / `mix xref` report calls to undefined remote functions), but only when the callers are compiled too. In IEx, `r Fmt` loads the renamed module; fix it and `r Fmt` again.",
      docs,
    },
  },
};
