/** The seed counter, recompiled while it runs: same pid, same count, new rule, no code_change. */
import type { Demo } from "../demo";

// The forum post's counter, as IEx ran it (conformance/elixir/seed_recompile).
const counterEx = `defmodule Counter do
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

const mainEx = `defmodule Main do
  def start do
    children = [Counter]
    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
`;

const counterTs = `import { GenServer, Process, self, log } from "otp";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send(self(), "increment");
  return ["ok", 1];
}

export function handle_info(_msg: "increment", state: number) {
  Process.send_after(self(), "increment", 1000);
  state = state + 1;
  log(\`Counter: \${state}, process: \${self()}\`);
  return ["noreply", state];
}

// A recompile never calls code_change; an upgrade does.
let code_changes = 0;
export function code_change(_old: unknown, state: number, _extra: unknown) {
  code_changes++;
  return ["ok", state];
}
export function code_change_calls() {
  return code_changes;
}
`;

const mainTs = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

const pid = "#PID<0.102.0>";
const title = "Recompile: same process, same state, new code";
const why =
  "A module is code; a process is a running thing with its own state. Counter is a GenServer, a standard kind of process: it waits for messages in OTP's own loop (`:gen_server`), not in your module, and for each message calls the current version of your module. Loading new code changes what runs for the next message, not the state the process holds.";
const docs = [
  { label: "GenServer (Elixir)", url: "https://hexdocs.pm/elixir/GenServer.html" },
  { label: "IEx.Helpers.recompile/1", url: "https://hexdocs.pm/iex/IEx.Helpers.html#recompile/1" },
  { label: "Compilation and code loading (Erlang)", url: "https://www.erlang.org/doc/system/code_loading.html" },
];

export const seedRecompile: Demo = {
  id: "seed-recompile",
  title,
  summary: "Change + 1 to + 10 while the counter runs: the pid and the count carry on.",
  elixir: {
    snippet: {
      title,
      files: { "counter.ex": counterEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "A Counter GenServer counts + 1 each second, under a supervisor. Watch its row." },
        {
          at: 4500,
          patch: [{ file: "counter.ex", find: "state + 1", replace: "state + 10" }],
          action: "recompile",
          say: "We change + 1 to + 10 and run recompile() while it counts. A swap marker crosses the row; the row goes on.",
        },
        { at: 5200, say: "Next tick: 5 + 10 = 15. Same process (same pid), and the count went on from 5, not from 0." },
        { at: 6200, say: "Nothing restarted and nothing converted the state: code_change/3 was not called. The new code simply runs on the state the process had." },
      ],
      checks: [
        { at: 4400, eval: "Process.whereis(Counter)", equals: pid, say: "Before: the counter is " + pid },
        { at: 4400, eval: ":sys.get_state(Counter)", equals: 5, say: "Before: its state is 5" },
        { at: 5500, eval: "Process.whereis(Counter)", equals: pid, say: "After: still " + pid },
        { at: 5500, eval: ":sys.get_state(Counter)", equals: 15, say: "After: 15 = 5 + 10, not reset" },
      ],
    },
    explanation: {
      watch:
        "The Counter row before and after the swap marker: the pid stays #PID<0.102.0> and the count goes on from 5, now in steps of 10 (the \"kept 5\" badge).",
      why,
      beam:
        "This is what `iex -S mix` does: edit lib/counter.ex, type `recompile()` (or `r Counter`), and the BEAM loads the new module, keeping the previous one as 'old'; the GenServer's next `handle_info/2` runs the new code. `GenServer.code_change/3` is not called: only a release upgrade calls it (see the upgrade lesson). `:sys.get_state(Counter)` shows the state; Erlang's `c(counter)` or `l(counter)` load code the same way.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Counter.ts": counterTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "A Counter process counts + 1 each second, under a supervisor. Watch its row." },
        {
          at: 4500,
          patch: [{ file: "Counter.ts", find: "state + 1", replace: "state + 10" }],
          action: "recompile",
          say: "We change + 1 to + 10 and recompile while it runs. A swap marker crosses the row; the row goes on.",
        },
        { at: 5200, say: "Next tick: 6 + 10 = 16. Same process (same pid), and the count went on from 6, not from 1." },
        { at: 6200, say: "Nothing restarted and nothing converted the state: the new code simply runs on the state the process had." },
      ],
      checks: [
        { at: 4400, eval: "inspect(Process.whereis('counter'))", equals: pid, say: "Before: the counter is " + pid },
        { at: 4400, eval: "sys.get_state('counter')", equals: 6, say: "Before: its state is 6" },
        { at: 5500, eval: "inspect(Process.whereis('counter'))", equals: pid, say: "After: still " + pid },
        { at: 5500, eval: "sys.get_state('counter')", equals: 16, say: "After: 16 = 6 + 10, not reset" },
        { at: 5500, eval: "Counter.code_change_calls()", equals: 0, say: "code_change was not called" },
      ],
    },
    explanation: {
      watch:
        "The Counter row before and after the swap marker: the pid stays the same and the count goes on from 6, now in steps of 10.",
      why,
      beam:
        "In IEx, `recompile()` (or `r Counter`) compiles and loads the new module; the BEAM keeps the old version around as 'old' and the GenServer's next callback runs the new one. `code_change/3` is not called: that happens only in a release upgrade (see the upgrade demo). Erlang's `c(counter)` or `l(counter)` do the same.",
      docs,
    },
  },
};
