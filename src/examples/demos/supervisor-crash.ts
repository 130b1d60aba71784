/** A crash under a supervisor: restart from init with fresh state; too many restarts end the supervisor. */
import type { Demo } from "../demo";

const workerEx = `defmodule Worker do
  use GenServer

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(n) do
    IO.puts("init: count #{n}")
    Process.send_after(self(), :tick, 1000)
    {:ok, n}
  end

  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    {:noreply, n + 1}
  end

  @impl true
  def handle_cast(:crash, n) do
    raise "crashed at count #{n}"
  end
end
`;

const mainEx = `defmodule Main do
  def start do
    Supervisor.start_link([Worker],
      strategy: :one_for_one,
      max_restarts: 3, # Elixir's defaults: at most 3 restarts
      max_seconds: 5,  # in any 5 seconds
      name: Sup
    )
  end
end
`;

const crashEx = "GenServer.cast(Worker, :crash)";

const workerTs = `import { GenServer, Process, self, log } from "otp";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "worker" });
}

export function init(_arg: unknown) {
  log("init: count 0");
  Process.send_after(self(), "tick", 1000);
  return ["ok", 0];
}

export function handle_info(_msg: "tick", n: number) {
  Process.send_after(self(), "tick", 1000);
  return ["noreply", n + 1];
}

export function handle_cast(_msg: "crash", n: number) {
  throw new Error(\`crashed at count \${n}\`);
}
`;

const mainTs = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Worker"], {
    strategy: "one_for_one",
    max_restarts: 3, // Elixir's defaults: at most 3 restarts
    max_seconds: 5,  // in any 5 seconds
    name: "sup",
  });
}
`;

const crashTs = "void GenServer.cast('worker', 'crash')";

const title = "Supervisor: restart from init, then give up";
const why =
  "A supervisor's job is to restart a crashed child in a known good state: the one init builds. Whatever the old process held is gone with it, which is the point: the crash may have come from bad state. If children keep crashing, restarting cannot help, so after too many restarts in a short window the supervisor gives up and exits, letting its own supervisor decide.";
const docs = [
  { label: "Supervisor (Elixir)", url: "https://hexdocs.pm/elixir/Supervisor.html" },
  { label: "Supervisor behaviour (Erlang design principles)", url: "https://www.erlang.org/doc/system/sup_princ.html" },
  { label: "GenServer (Elixir)", url: "https://hexdocs.pm/elixir/GenServer.html" },
];

export const supervisorCrash: Demo = {
  id: "supervisor-crash",
  title,
  summary: "A crashed worker is restarted with fresh state; more than 3 crashes in 5 s and the supervisor stops too.",
  elixir: {
    snippet: {
      title,
      files: { "worker.ex": workerEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "The Worker row counts each second. Sup, the row above, is its supervisor: a process that restarts it if it crashes, at most 3 times in 5 s." },
        { at: 3500, eval: crashEx, say: "GenServer.cast(Worker, :crash) makes it raise at count 3: its row ends with a red cap (a RuntimeError)." },
        { at: 3800, say: "Sup started a NEW Worker on the row below: new pid #PID<0.103.0>, state from init/1 (0). The count of 3 is lost." },
        { at: 9500, eval: crashEx, say: "Now crash it four times in under a second: a red cap and a new row each time…" },
        { at: 9800, eval: crashEx },
        { at: 10100, eval: crashEx },
        { at: 10400, eval: crashEx },
        { at: 10700, say: "A 4th restart within 5 s is one too many: Sup gives up and its row ends with :shutdown. The shell, linked to it, ends too (** (EXIT from #PID<0.100.0>) shutdown); a new shell starts." },
      ],
      checks: [
        { at: 3400, eval: "{:sys.get_state(Worker), Process.whereis(Worker)}", equals: [3, "#PID<0.102.0>"], say: "Before: #PID<0.102.0> at count 3" },
        { at: 4000, eval: "{:sys.get_state(Worker), Process.whereis(Worker)}", equals: [0, "#PID<0.103.0>"], say: "After the crash: a new pid, count 0 from init/1" },
        { at: 11000, eval: "Process.whereis(Sup)", equals: null, say: "Too many restarts: the supervisor is gone" },
        { at: 11000, eval: "Process.whereis(Worker)", equals: null, say: "…and its worker with it" },
      ],
    },
    explanation: {
      watch:
        "The Worker row ends red at the first crash and a new row starts under the supervisor with count 0. In the burst, rows come and go until the supervisor's own row ends with :shutdown.",
      why,
      beam:
        "Elixir: `Supervisor.start_link([Worker], strategy: :one_for_one, max_restarts: 3, max_seconds: 5)`. A crash logs `[error] GenServer Worker terminating ** (RuntimeError) crashed at count 3` and the child's `start_link/1` runs again. Past the limit the supervisor exits with reason `:shutdown`; in IEx the shell, linked to it, prints `** (EXIT from #PID<…>) shutdown` and starts a new shell. OTP counts the window in whole seconds; here it slides in exact milliseconds.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Worker.ts": workerTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "The worker row counts each second. sup, the row above, is its supervisor: a process that restarts it if it crashes, at most 3 times in 5 s." },
        { at: 3500, eval: crashTs, say: "We make the worker crash at count 3: its row ends with a red cap." },
        { at: 3800, say: "sup started a NEW worker on the row below: new pid <0.103.0>, state from init (0). The count of 3 is lost." },
        { at: 9500, eval: crashTs, say: "Now crash it four times in under a second: a red cap and a new row each time…" },
        { at: 9800, eval: crashTs },
        { at: 10100, eval: crashTs },
        { at: 10400, eval: crashTs },
        { at: 10700, say: "A 4th restart within 5 s is one too many: sup gives up and its row ends with \"shutdown\". The shell, linked to it (tied to its fate), ends too; a new shell starts." },
      ],
      checks: [
        { at: 3400, eval: "[await sys.get_state('worker'), inspect(Process.whereis('worker'))]", equals: [3, "#PID<0.102.0>"], say: "Before: #PID<0.102.0> at count 3" },
        { at: 4000, eval: "[await sys.get_state('worker'), inspect(Process.whereis('worker'))]", equals: [0, "#PID<0.103.0>"], say: "After the crash: a new pid, count 0 from init" },
        { at: 11000, eval: "Process.whereis('sup')", equals: null, say: "Too many restarts: the supervisor is gone" },
        { at: 11000, eval: "Process.whereis('worker')", equals: null, say: "…and its worker with it" },
      ],
    },
    explanation: {
      watch:
        "The Worker row ends red at the first crash and a new row starts under the supervisor with count 0. In the burst, rows come and go until the supervisor's own row ends with \"shutdown\".",
      why,
      beam:
        "Elixir: `Supervisor.start_link([Worker], strategy: :one_for_one, max_restarts: 3, max_seconds: 5)`. A crash logs an error report and the child's `start_link` runs again. Past the limit the supervisor exits with reason `:shutdown`; in IEx the shell, linked to it, prints `** (EXIT from #PID<…>) shutdown` and starts a new shell. OTP counts the window in whole seconds; here it slides in exact milliseconds.",
      docs,
    },
  },
};
