/** The same change as a release upgrade: the process is suspended and code_change migrates its state. */
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

  # State v1: a number.
  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    IO.puts("count #{n + 1}")
    {:noreply, n + 1}
  end
end
`;

const v2Ex = `defmodule Counter do
  use GenServer
  @vsn "2"

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(_n) do
    Process.send_after(self(), :tick, 1000)
    {:ok, %{count: 0, step: 1}}
  end

  # State v2: %{count: n, step: s}.
  @impl true
  def handle_info(:tick, state) do
    Process.send_after(self(), :tick, 1000)
    state = %{state | count: state.count + state.step}
    IO.puts("count #{state.count}")
    {:noreply, state}
  end

  # Called once per process by the upgrade, with the OLD state.
  @impl true
  def code_change(old_vsn, n, step) do
    state = %{count: n, step: step}
    IO.puts("code_change from vsn #{inspect(old_vsn)}: #{n} -> #{inspect(state)}")
    {:ok, state}
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

export const vsn = "1";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", 0];
}

// State v1: a number.
export function handle_info(_msg: "tick", n: number) {
  Process.send_after(self(), "tick", 1000);
  log(\`count \${n + 1}\`);
  return ["noreply", n + 1];
}
`;

const v2Ts = `import { GenServer, Process, self, log, inspect } from "otp";

export const vsn = "2";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", { count: 0, step: 1 }];
}

// State v2: {count, step}.
type State = { count: number; step: number };
export function handle_info(_msg: "tick", s: State) {
  Process.send_after(self(), "tick", 1000);
  const next = { ...s, count: s.count + s.step };
  log(\`count \${next.count}\`);
  return ["noreply", next];
}

// Called once per process by the upgrade, with the OLD state.
export function code_change(old_vsn: string, n: number, extra: number) {
  const s = { count: n, step: extra };
  log(\`code_change from vsn \${old_vsn}: \${n} -> \${inspect(s)}\`);
  return ["ok", s];
}
`;

const mainTs = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

const pid = "#PID<0.102.0>";
const title = "Upgrade: code_change migrates the state";
const why =
  "When new code expects a different shape of state, the running process must convert what it holds. An upgrade pauses each process whose callback module changed, loads the new version, and asks it to migrate its own state with code_change(old_vsn, state, extra) before resuming. A plain recompile never does this, so new code would meet old state.";
const docs = [
  { label: "GenServer.code_change/3", url: "https://hexdocs.pm/elixir/GenServer.html#c:code_change/3" },
  { label: "sys (suspend, change_code, resume)", url: "https://www.erlang.org/doc/apps/stdlib/sys.html" },
  { label: "Release handling (Erlang)", url: "https://www.erlang.org/doc/system/release_handling.html" },
  { label: "Appup cookbook", url: "https://www.erlang.org/doc/system/appup_cookbook.html" },
];

export const upgradeCodeChange: Demo = {
  id: "upgrade-code-change",
  title,
  summary: "A release-style upgrade suspends the process, loads v2 and turns its number into a map, %{count, step}.",
  elixir: {
    snippet: {
      title,
      files: { "counter.ex": v1Ex, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "The Counter row: Counter v1 (@vsn \"1\") keeps a plain integer as its state and adds 1 each second (the dots: 0, 1, 2…)." },
        {
          at: 3500,
          edit: { "counter.ex": v2Ex },
          action: "upgrade",
          extra: 10,
          say: "Upgrade to v2, whose state is %{count: n, step: s}. A helper row, release_handler, runs :sys.suspend/1 on Counter, loads v2, calls :sys.change_code/4, which calls code_change(\"1\", 3, 10), then :sys.resume/1.",
        },
        { at: 4200, say: "The purple badge on the Counter row: migrated 3 → %{count: 3, step: 10}. Same pid, #PID<0.102.0>; v2 now adds 10 each tick: 13, 23…" },
      ],
      checks: [
        { at: 3400, eval: ":sys.get_state(Counter)", equals: 3, say: "Before: the state is the integer 3" },
        { at: 3600, eval: ":sys.get_state(Counter)", equals: { count: 3, step: 10 }, say: "code_change/3 turned 3 into %{count: 3, step: 10}" },
        { at: 3600, eval: "Process.whereis(Counter)", equals: pid, say: "Same process: " + pid },
        { at: 4500, eval: ":sys.get_state(Counter)", equals: { count: 13, step: 10 }, say: "v2 runs on the migrated state: 13" },
      ],
    },
    explanation: {
      watch:
        "At the upgrade marker the Counter row shows a 'migrated' badge: 3 → %{count: 3, step: 10}. The pid does not change, and the next ticks count in tens. The Log shows code_change/3's own line.",
      why,
      beam:
        "In production this is a release upgrade: an .appup file says `{:update, Counter, {:advanced, 10}}`, and the release handler suspends the process, loads the code, calls `code_change/3` and resumes it (`:release_handler.install_release/1`). By hand in `iex -S mix`: `:sys.suspend(Counter)`, edit the file, `recompile()`, `:sys.change_code(Counter, Counter, \"1\", 10)`, `:sys.resume(Counter)`. `@vsn \"1\"` is the version passed as old_vsn. Plain `mix release` does not build hot upgrades.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Counter.ts": v1Ts, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "The counter row: Counter v1 keeps a plain number as its state and adds 1 each second (the dots: 0, 1, 2…)." },
        {
          at: 3500,
          edit: { "Counter.ts": v2Ts },
          action: "upgrade",
          extra: 10,
          say: "Upgrade to v2, whose state is {count, step}. A helper row, release_handler, pauses counter, loads v2, calls code_change(\"1\", 3, 10) to convert the state, and lets it go on.",
        },
        { at: 4200, say: "The purple badge on the counter row: migrated 3 → {count: 3, step: 10}. Same pid, <0.102.0>; v2 now adds 10 each tick: 13, 23…" },
      ],
      checks: [
        { at: 3400, eval: "sys.get_state('counter')", equals: 3, say: "Before: the state is the number 3" },
        { at: 3600, eval: "sys.get_state('counter')", equals: { count: 3, step: 10 }, say: "code_change turned 3 into {count: 3, step: 10}" },
        { at: 3600, eval: "inspect(Process.whereis('counter'))", equals: pid, say: "Same process: " + pid },
        { at: 4500, eval: "sys.get_state('counter')", equals: { count: 13, step: 10 }, say: "v2 runs on the migrated state: 13" },
      ],
    },
    explanation: {
      watch:
        "At the upgrade marker the Counter row shows a 'migrated' badge: 3 → {count: 3, step: 10}. The pid does not change, and the next ticks count in tens.",
      why,
      beam:
        "In production this is a release upgrade: an .appup file says `{update, Counter, {advanced, Extra}}`, and the release handler suspends the process, loads the code, calls `code_change/3` and resumes it (`:release_handler.install_release/1`; tools like Distillery or Castle build the upgrade). By hand in IEx: `:sys.suspend(pid)`, `r Counter`, `:sys.change_code(pid, Counter, \"1\", 10)`, `:sys.resume(pid)`. `@vsn \"2\"` sets the version passed as old_vsn. Plain `mix release` does not do hot upgrades.",
      docs,
    },
  },
};
