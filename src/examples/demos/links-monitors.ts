/** Links share a crash, trap_exit turns it into a message, a monitor just watches. */
import type { Demo } from "../demo";

const main = `import { spawn, receive, send, self, log, inspect, exit, Process } from "otp";

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

export const linksMonitors: Demo = {
  id: "links-monitors",
  messages: true,
  title: "Links, trap_exit and monitors",
  summary: "When a process dies, a linked process dies too, a trapping one gets an EXIT message, a monitor gets DOWN.",
  snippet: {
    title: "Links, trap_exit and monitors",
    files: { "Main.ts": main },
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
    why:
      "A link ties two processes' fates together, in both directions: if one exits abnormally, the exit signal kills the other. A process that traps exits receives the signal as an ordinary message instead, which is how supervisors watch their children. A monitor is one-way and never kills: it only reports the death once, as a DOWN message.",
    beam:
      "Elixir: `spawn_link/1` or `Process.link/1`, `Process.flag(:trap_exit, true)` then `{:EXIT, pid, reason}` messages, `Process.monitor/1` then `{:DOWN, ref, :process, pid, reason}`. Reason `:normal` does not kill linked processes, and `Process.exit(pid, :kill)` cannot be trapped. Erlang: `link/1`, `process_flag(trap_exit, true)`, `erlang:monitor(process, Pid)`.",
    docs: [
      { label: "Process (Elixir)", url: "https://hexdocs.pm/elixir/Process.html" },
      { label: "Processes: links and monitors (Erlang reference manual)", url: "https://www.erlang.org/doc/system/ref_man_processes.html" },
      { label: "Processes (Elixir guide)", url: "https://hexdocs.pm/elixir/processes.html" },
    ],
  },
};
