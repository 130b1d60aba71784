/** Recompile, upgrade and restart on one timeline: kept, migrated, reset. */
import type { Demo } from "../demo";

const v1Ex = `defmodule Counter do
  use GenServer
  @vsn "1"

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
    n = n + 1
    IO.puts("count #{n}")
    {:noreply, n}
  end
end
`;

const v3Ex = `defmodule Counter do
  use GenServer
  @vsn "3"

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(_n) do
    Process.send_after(self(), :tick, 1000)
    {:ok, %{count: 0, step: 1}}
  end

  @impl true
  def handle_info(:tick, state) do
    Process.send_after(self(), :tick, 1000)
    state = %{state | count: state.count + state.step}
    IO.puts("count #{state.count}")
    {:noreply, state}
  end

  @impl true
  def code_change(_old_vsn, n, _extra) do
    {:ok, %{count: n, step: 10}}
  end
end
`;

const mainEx = `defmodule Main do
  def start do
    Supervisor.start_link([Counter], strategy: :one_for_one)
  end
end
`;

const v1Ts = `import { GenServer, Process, self, log } from "otp";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", 0];
}

export function handle_info(_msg: "tick", n: number) {
  Process.send_after(self(), "tick", 1000);
  n = n + 1;
  log(\`count \${n}\`);
  return ["noreply", n];
}
`;

const v2Ts = `import { GenServer, Process, self, log } from "otp";

// The recompile before made v2 (versions without a vsn are numbered in load order).
export const vsn = "3";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", { count: 0, step: 1 }];
}

type State = { count: number; step: number };
export function handle_info(_msg: "tick", s: State) {
  Process.send_after(self(), "tick", 1000);
  s = { ...s, count: s.count + s.step };
  log(\`count \${s.count}\`);
  return ["noreply", s];
}

export function code_change(_old: string, n: number, _extra: unknown) {
  return ["ok", { count: n, step: 10 }];
}
`;

const mainTs = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

const pid = "#PID<0.102.0>";
const title = "Recompile, upgrade, restart: kept, migrated, reset";
const why =
  "Recompiling loads new code and leaves the state alone, which is fine while the state's shape is unchanged. An upgrade also converts the state, through code_change, for code that expects a new shape. A restart throws the processes away and starts over from init: always safe, but everything in memory is lost.";
const docs = [
  { label: "GenServer (Elixir)", url: "https://hexdocs.pm/elixir/GenServer.html" },
  { label: "IEx.Helpers.recompile/1", url: "https://hexdocs.pm/iex/IEx.Helpers.html#recompile/1" },
  { label: "sys (Erlang)", url: "https://www.erlang.org/doc/apps/stdlib/sys.html" },
  { label: "Release handling (Erlang)", url: "https://www.erlang.org/doc/system/release_handling.html" },
];

export const recompileUpgradeRestart: Demo = {
  id: "recompile-upgrade-restart",
  title,
  summary: "Three ways to put new code in one counter: the state is kept, migrated by code_change, or started over.",
  elixir: {
    snippet: {
      title,
      files: { "counter.ex": v1Ex, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "One Counter row, + 1 per second. We will put new code into it three ways; watch the badge each one leaves on the row." },
        {
          at: 2500,
          patch: [{ file: "counter.ex", find: "n + 1", replace: "n + 10" }, { file: "counter.ex", find: '@vsn "1"', replace: '@vsn "2"' }],
          action: "recompile",
          say: "1. recompile() (+ 1 → + 10, @vsn \"2\"): green badge 'kept 2'. The state is untouched: 2 goes on to 12, 22…",
        },
        {
          at: 5500,
          edit: { "counter.ex": v3Ex },
          action: "upgrade",
          say: "2. Upgrade to @vsn \"3\", whose state is a map: its code_change/3 converts the old state. Purple badge: migrated 32 → %{count: 32, step: 10}.",
        },
        { at: 8500, action: "restart", say: "3. Restart: every running row ends with a red 'killed' badge, the code loads fresh, and Main.start() runs again: new rows below, with state from init/1." },
        { at: 9600, say: "The new Counter row, #PID<0.106.0>, counts 1, 2… from v3's init/1 (step 1). A restart keeps the new code, never the old state." },
      ],
      checks: [
        { at: 2400, eval: ":sys.get_state(Counter)", equals: 2, say: "Before the recompile: 2" },
        { at: 3500, eval: ":sys.get_state(Counter)", equals: 12, say: "recompile() kept it: 2 + 10 = 12" },
        { at: 5600, eval: ":sys.get_state(Counter)", equals: { count: 32, step: 10 }, say: "The upgrade migrated 32 into %{count: 32, step: 10}" },
        { at: 5600, eval: "Process.whereis(Counter)", equals: pid, say: "Still the first process, " + pid },
        { at: 9000, eval: ":sys.get_state(Counter)", equals: { count: 0, step: 1 }, say: "Restart reset it to init's %{count: 0, step: 1}" },
        { at: 9000, eval: "Process.whereis(Counter)", equals: "#PID<0.106.0>", say: "Restart: a new process, #PID<0.106.0>" },
      ],
    },
    explanation: {
      watch:
        "Three markers on the Counter row: 'kept' (the integer carries on), 'migrated' (32 becomes %{count: 32, step: 10}), and after the restart a brand-new row starting from 0.",
      why,
      beam:
        "Recompile is IEx `recompile()` (or `r Counter`); upgrade is a release upgrade (appup `{:update, Counter, {:advanced, []}}`, or by hand `:sys.suspend/1`, load, `:sys.change_code/4`, `:sys.resume/1`); restart is stopping and starting the application (`Application.stop(:app)` then `Application.start(:app)`), or quitting IEx and running `iex -S mix` again.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Counter.ts": v1Ts, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "One counter row, + 1 per second. We will put new code into it three ways; watch the badge each one leaves on the row." },
        {
          at: 2500,
          patch: [{ file: "Counter.ts", find: "n + 1", replace: "n + 10" }],
          action: "recompile",
          say: "1. Recompile (+ 1 → + 10): green badge 'kept 2'. The state is untouched: 2 goes on to 12, 22…",
        },
        {
          at: 5500,
          edit: { "Counter.ts": v2Ts },
          action: "upgrade",
          say: "2. Upgrade to v3, whose state is {count, step}: its code_change function converts the old state. Purple badge: migrated 32 → {count: 32, step: 10}.",
        },
        { at: 8500, action: "restart", say: "3. Restart: every running row ends with a red 'killed' badge, the code loads fresh, and new rows start below, with state from init: back to 0." },
        { at: 9600, say: "The new counter row, <0.106.0>, counts 1, 2… from v3's init (step 1). A restart keeps the new code, never the old state." },
      ],
      checks: [
        { at: 2400, eval: "sys.get_state('counter')", equals: 2, say: "Before the recompile: 2" },
        { at: 3500, eval: "sys.get_state('counter')", equals: 12, say: "Recompile kept it: 2 + 10 = 12" },
        { at: 5600, eval: "sys.get_state('counter')", equals: { count: 32, step: 10 }, say: "Upgrade migrated 32 into {count: 32, step: 10}" },
        { at: 5600, eval: "inspect(Process.whereis('counter'))", equals: pid, say: "Still the first process, " + pid },
        { at: 9000, eval: "sys.get_state('counter')", equals: { count: 0, step: 1 }, say: "Restart reset it to init's {count: 0, step: 1}" },
        { at: 9000, eval: "inspect(Process.whereis('counter'))", equals: "#PID<0.106.0>", say: "Restart: a new process, #PID<0.106.0>" },
      ],
    },
    explanation: {
      watch:
        "Three markers on the Counter row: 'kept' (the number carries on), 'migrated' (32 becomes {count: 32, step: 10}), and after the restart a brand-new row starting from 0.",
      why,
      beam:
        "Recompile is IEx `recompile()`; upgrade is a release upgrade (appup `{update, Counter, {advanced, []}}`, or `:sys.suspend/1` + `:sys.change_code/4` + `:sys.resume/1` by hand); restart is stopping and starting the application (`Application.stop(:app)` then `Application.start(:app)`), or restarting the node (`mix run`, `iex -S mix`).",
      docs,
    },
  },
};
