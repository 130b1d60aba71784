/** Links share a crash, trap_exit turns it into a message, a monitor just watches. */
import type { Demo } from "../demo";

const mainEx = `defmodule Main do
  def start do
    Process.register(spawn(&worker/0), :worker)

    for mode <- [:link, :trap, :monitor] do
      Process.register(spawn(fn -> watcher(mode) end), mode)
    end
  end

  defp worker do
    receive do
      :crash -> exit(:boom)
    end
  end

  defp watcher(mode) do
    worker = Process.whereis(:worker)
    if mode == :trap, do: Process.flag(:trap_exit, true)

    if mode == :monitor do
      Process.monitor(worker) # one-way
    else
      Process.link(worker) # two-way
    end

    receive do
      msg ->
        IO.puts("#{mode} got #{inspect(msg)}")
        # answer Main.ask/1
        receive do
          {:ask, from} -> send(from, elem(msg, 0))
        end
    end
  end

  # What did this watcher receive? (for the checks)
  def ask(name) do
    send(name, {:ask, self()})

    receive do
      answer -> answer
    end
  end
end
`;

const mainTs = `import { spawn, receive, send, self, log, inspect, exit, Process } from "otp";

async function worker() {
  await receive(); // waits for "crash"
  exit("boom");
}

async function watcher(mode: string) {
  const w = Process.whereis("worker")!;
  if (mode === "trap") Process.flag("trap_exit", true);
  if (mode === "monitor") Process.monitor(w); // one-way
  else Process.link(w);                       // two-way
  const msg = await receive();
  log(\`\${mode} got \${inspect(msg)}\`);
  const from = await receive(); // answer Main.ask
  send(from, msg[0]);
}

export function start() {
  Process.register(spawn(worker), "worker");
  for (const mode of ["link", "trap", "monitor"])
    Process.register(spawn(() => watcher(mode)), mode);
}

// What did this watcher receive? (for the checks)
export async function ask(name: string) {
  send(name, self());
  return await receive();
}
`;

const title = "Links, trap_exit and monitors";
const why =
  "A link ties two processes' fates together, in both directions: if one exits abnormally, the exit signal kills the other. A process that traps exits receives the signal as an ordinary message instead, which is how supervisors watch their children. A monitor is one-way and never kills: it only reports the death once, as a DOWN message.";
const docs = [
  { label: "Process (Elixir)", url: "https://hexdocs.pm/elixir/Process.html" },
  { label: "Processes: links and monitors (Erlang reference manual)", url: "https://www.erlang.org/doc/system/ref_man_processes.html" },
  { label: "Processes (Elixir guide)", url: "https://hexdocs.pm/elixir/processes.html" },
];

export const linksMonitors: Demo = {
  id: "links-monitors",
  messages: true,
  title,
  summary: "When a process dies, a linked process dies too, a trapping one gets an EXIT message, a monitor gets DOWN.",
  elixir: {
    snippet: {
      title,
      files: { "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "Three rows watch the :worker row. :link called Process.link/1 (if one dies, so does the other). :trap is linked but set Process.flag(:trap_exit, true) (that death becomes a message). :monitor called Process.monitor/1 (gets told, never dies)." },
        { at: 2000, eval: "send(:worker, :crash)", say: "The :worker row ends red: it calls exit(:boom)." },
        { at: 2300, say: ":link ends red too, same reason. :trap and :monitor live on and end normally after answering: :trap got {:EXIT, pid, :boom}, :monitor got {:DOWN, ref, :process, pid, :boom} (see Log)." },
      ],
      checks: [
        { at: 2500, eval: "Process.whereis(:link)", equals: null, say: "The linked process died with the worker" },
        { at: 2500, eval: "Main.ask(:trap)", equals: "EXIT", say: "The trapping process got an :EXIT message" },
        { at: 2500, eval: "Main.ask(:monitor)", equals: "DOWN", say: "The monitor got a :DOWN message" },
      ],
    },
    explanation: {
      watch:
        "At 2 s the :worker row ends red, and so does :link right after, with the same reason, :boom. :trap and :monitor stay alive and log the message they received: the two arrows from the worker's row at 2 s are that {:EXIT, …} and that {:DOWN, …}, which the runtime made from the worker's exit signal.",
      why,
      beam:
        "Elixir: `spawn_link/1` or `Process.link/1`; `Process.flag(:trap_exit, true)` then `{:EXIT, pid, reason}` messages; `Process.monitor/1` then `{:DOWN, ref, :process, pid, reason}`. Reason `:normal` does not kill linked processes, and `Process.exit(pid, :kill)` cannot be trapped. Erlang: `link/1`, `process_flag(trap_exit, true)`, `erlang:monitor(process, Pid)`.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "Three rows watch the worker row. 'link' is linked to it (a link: if one dies, so does the other). 'trap' is linked but traps exits (turns that death into a message). 'monitor' only monitors it (gets told, never dies)." },
        { at: 2000, eval: "void send('worker', 'crash')", say: "The worker row ends red: it exits with reason \"boom\"." },
        { at: 2300, say: "'link' ends red too, same reason. 'trap' and 'monitor' live on and end normally after answering: trap got [\"EXIT\", pid, \"boom\"], monitor got [\"DOWN\", ref, \"process\", pid, \"boom\"] (see Log)." },
      ],
      checks: [
        { at: 2500, eval: "Process.whereis('link')", equals: null, say: "The linked process died with the worker" },
        { at: 2500, eval: "Main.ask('trap')", equals: "EXIT", say: "The trapping process got an EXIT message" },
        { at: 2500, eval: "Main.ask('monitor')", equals: "DOWN", say: "The monitor got a DOWN message" },
      ],
    },
    explanation: {
      watch:
        "At 2 s the worker's row ends red, and so does 'link' right after, with the same reason. 'trap' and 'monitor' stay alive and log the message they received: the two arrows from the worker's row at 2 s are that EXIT and that DOWN, which the runtime made from the worker's exit signal.",
      why,
      beam:
        "Elixir: `spawn_link/1` or `Process.link/1`, `Process.flag(:trap_exit, true)` then `{:EXIT, pid, reason}` messages, `Process.monitor/1` then `{:DOWN, ref, :process, pid, reason}`. Reason `:normal` does not kill linked processes, and `Process.exit(pid, :kill)` cannot be trapped. Erlang: `link/1`, `process_flag(trap_exit, true)`, `erlang:monitor(process, Pid)`.",
      docs,
    },
  },
};
