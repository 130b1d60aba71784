/** Two processes run one module; one process runs code from two modules. Code belongs to no process. */
import type { Demo } from "../demo";

const counterEx = `defmodule Counter do
  use GenServer

  def start_link({name, step}) do
    GenServer.start_link(__MODULE__, step, name: name)
  end

  @impl true
  def init(step) do
    Process.send_after(self(), :tick, 1000)
    {:ok, %{n: 0, step: step}}
  end

  @impl true
  def handle_info(:tick, state) do
    Process.send_after(self(), :tick, 1000)
    state = %{state | n: state.n + state.step}
    IO.puts(Fmt.show(state.n)) # code from another module
    {:noreply, state}
  end
end
`;

const fmtEx = `defmodule Fmt do
  # Plain functions: any process may run them.
  def show(n), do: "count #{n}"
end
`;

const mainEx = `defmodule Main do
  def start do
    children = [
      Supervisor.child_spec({Counter, {:a, 1}}, id: :a),
      Supervisor.child_spec({Counter, {:b, 100}}, id: :b)
    ]

    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
`;

const counterTs = `import { GenServer, Process, self, log } from "otp";
import * as Fmt from "Fmt";

type State = { n: number; step: number };

export function start_link(name: string, step: number) {
  return GenServer.start_link(__MODULE__, step, { name });
}

export function init(step: number) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", { n: 0, step }];
}

export function handle_info(_msg: "tick", s: State) {
  Process.send_after(self(), "tick", 1000);
  s = { ...s, n: s.n + s.step };
  log(Fmt.show(s.n)); // code from another module
  return ["noreply", s];
}
`;

const fmtTs = `// Plain functions: any process may run them.
export function show(n: number) {
  return "count " + n;
}
`;

const mainTs = `import { Supervisor, type ChildSpec } from "otp";

const counter = (name: string, step: number): ChildSpec =>
  ({ id: name, start: ["Counter", "start_link", [name, step]] });

export function start() {
  return Supervisor.start_link([counter("a", 1), counter("b", 100)], { strategy: "one_for_one" });
}
`;

const title = "Modules don't own processes";
const why =
  "A module is only a bundle of functions; it owns no process and no state. Any process can call any module's functions, and many processes can run the same module at once, each with its own state. Loading a new version of a module changes the code every caller runs next, without touching any process.";
const docs = [
  { label: "Processes (Elixir guide)", url: "https://hexdocs.pm/elixir/processes.html" },
  { label: "Processes (Erlang reference manual)", url: "https://www.erlang.org/doc/system/ref_man_processes.html" },
  { label: "Compilation and code loading (Erlang)", url: "https://www.erlang.org/doc/system/code_loading.html" },
];

export const modulesDontOwnProcesses: Demo = {
  id: "modules-dont-own-processes",
  title,
  summary: "Two processes run one module, each with its own state; one process runs code from two modules.",
  elixir: {
    snippet: {
      title,
      files: { "counter.ex": counterEx, "fmt.ex": fmtEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "Rows :a (+ 1) and :b (+ 100) are two processes running the same module, Counter. Same code, two separate states." },
        { at: 1500, say: "Each tick, :a and :b also call Fmt.show/1 to print 'count …' under their row: one process runs code from two modules." },
        {
          at: 2500,
          patch: [{ file: "fmt.ex", find: '"count #{n}"', replace: '"count #{n} (Fmt v2)"' }],
          action: "recompile",
          say: "recompile() loads only Fmt (a marker crosses both rows): from their next tick, :a and :b both print '(Fmt v2)'. Same pids: nobody restarted.",
        },
        {
          at: 4500,
          patch: [{ file: "counter.ex", find: "state.n + state.step", replace: "state.n + 2 * state.step" }],
          action: "recompile",
          say: "recompile() Counter to double the step: at their next tick both rows switch, each from its own count: :a 4 → 6, :b 400 → 600.",
        },
      ],
      checks: [
        { at: 3500, eval: "{:sys.get_state(:a), :sys.get_state(:b)}", equals: [{ n: 3, step: 1 }, { n: 300, step: 100 }], say: "One module, two states: :a is at 3, :b at 300" },
        { at: 3500, eval: "Fmt.show(7)", equals: "count 7 (Fmt v2)", say: "The shell runs Fmt v2 too: code is not tied to a process" },
        { at: 5500, eval: "[:sys.get_state(:a).n, :sys.get_state(:b).n]", equals: [6, 600], say: "New Counter rule, old states: :a 4 → 6, :b 400 → 600" },
      ],
    },
    explanation: {
      watch:
        "Rows :a and :b side by side. After the Fmt marker both print '(Fmt v2)'; after the Counter marker both grow twice as fast, each from its own count, with the same pids throughout.",
      why,
      beam:
        "The same on the BEAM: `GenServer.start_link(Counter, 1, name: :a)` and `(Counter, 100, name: :b)` are two processes running one module (two children need two ids: `Supervisor.child_spec/2`), and `Fmt.show(n)` is a remote call into another module. After `r Fmt` in IEx, every process's next call to `Fmt.show/1` runs the new code. `Process.info(pid, :current_function)` tells which module a process is running right now.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Counter.ts": counterTs, "Fmt.ts": fmtTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "Rows a (+ 1) and b (+ 100) are two processes running the same module, Counter. Same code, two separate states." },
        { at: 1500, say: "Each tick, a and b also call Fmt.show to print 'count …' under their row: one process runs code from two modules." },
        {
          at: 2500,
          patch: [{ file: "Fmt.ts", find: '"count " + n', replace: '"count " + n + " (Fmt v2)"' }],
          action: "recompile",
          say: "Recompile Fmt only (a marker crosses both rows): from their next tick, a and b both print '(Fmt v2)'. Same pids: nobody restarted.",
        },
        {
          at: 4500,
          patch: [{ file: "Counter.ts", find: "s.n + s.step", replace: "s.n + 2 * s.step" }],
          action: "recompile",
          say: "Recompile Counter to double the step: at their next tick both rows switch, each from its own count: a 4 → 6, b 400 → 600.",
        },
      ],
      checks: [
        { at: 3500, eval: "[await sys.get_state('a'), await sys.get_state('b')]", equals: [{ n: 3, step: 1 }, { n: 300, step: 100 }], say: "One module, two states: a is at 3, b at 300" },
        { at: 3500, eval: "Fmt.show(7)", equals: "count 7 (Fmt v2)", say: "The shell runs Fmt v2 too: code is not tied to a process" },
        { at: 5500, eval: "[(await sys.get_state('a')).n, (await sys.get_state('b')).n]", equals: [6, 600], say: "New Counter rule, old states: a 4 → 6, b 400 → 600" },
      ],
    },
    explanation: {
      watch:
        "Rows a and b side by side. After the Fmt marker both print '(Fmt v2)'; after the Counter marker both grow twice as fast, each from its own count, with the same pids throughout.",
      why,
      beam:
        "The same on the BEAM: `GenServer.start_link(Counter, 1, name: :a)` and `(Counter, 100, name: :b)` are two processes running one module, and `Fmt.show(n)` is a remote call into another module. After `r Fmt` in IEx, every process's next call to `Fmt.show/1` runs the new code. `Process.info(pid, :current_function)` tells which module a process is running right now.",
      docs,
    },
  },
};
