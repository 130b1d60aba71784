/** GenServer.call timeouts: the caller exits (or catches it), the server goes on, the late reply is dropped. */
import type { Demo } from "../demo";

const slowEx = `defmodule Slow do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  # Takes ms milliseconds to answer.
  @impl true
  def handle_call(ms, _from, state) do
    Process.sleep(ms)
    IO.puts("replying after #{ms} ms")
    {:reply, :done, state}
  end
end
`;

const mainEx = `defmodule Main do
  def start do
    GenServer.start_link(Slow, nil, name: :slow)
  end

  # A 2 s job, but we wait only 1 s. The timeout is an exit;
  # catch :exit catches it.
  def impatient do
    try do
      GenServer.call(:slow, 2000, 1000)
    catch
      :exit, reason ->
        IO.puts("caught exit #{inspect(reason)}")
        elem(reason, 0)
    end
  end

  # Did anything (the late reply?) arrive within ms?
  def mailbox(ms) do
    receive do
      msg -> inspect(msg)
    after
      ms -> :empty
    end
  end

  # The same call in a process that does not catch: it dies.
  def careless do
    Process.register(spawn(fn -> GenServer.call(:slow, 2000, 1000) end), :careless)
  end
end
`;

const slowTs = `import { Process, log } from "otp";

export function init(_arg: unknown) {
  return ["ok", null];
}

// Takes ms milliseconds to answer.
export async function handle_call(ms: number, _from: unknown, s: null) {
  await Process.sleep(ms);
  log(\`replying after \${ms} ms\`);
  return ["reply", "done", s];
}
`;

const mainTs = `import { GenServer, ExitError, Process, receive, spawn, log, inspect, TIMEOUT } from "otp";

export function start() {
  return GenServer.start_link("Slow", null, { name: "slow" });
}

// A 2 s job, but we wait only 1 s. The timeout is an exit;
// catching it is like Elixir's \`catch :exit, reason\`.
export async function impatient() {
  try {
    return await GenServer.call("slow", 2000, 1000);
  } catch (e) {
    if (!(e instanceof ExitError)) throw e;
    log(\`caught exit \${inspect(e.reason)}\`);
    return (e.reason as unknown[])[0];
  }
}

// Did anything (the late reply?) arrive within ms?
export async function mailbox(ms: number) {
  const m = await receive(undefined, ms);
  return m === TIMEOUT ? "empty" : inspect(m);
}

// The same call in a process that does not catch: it dies.
export function careless() {
  Process.register(spawn(() => GenServer.call("slow", 2000, 1000)), "careless");
}
`;

const title = "GenServer.call timeouts and the late reply";
const why =
  "A call is a message and a wait for the answer. A timeout only stops the waiting: the caller exits (or catches the exit), but the server is never told and finishes the job anyway. Its reply is then thrown away, because each call waits on a one-off address that is closed when the call gives up; otherwise stale replies would pile up in the caller's mailbox.";
const docs = [
  { label: "GenServer.call/3", url: "https://hexdocs.pm/elixir/GenServer.html#call/3" },
  { label: "gen_server (Erlang)", url: "https://www.erlang.org/doc/apps/stdlib/gen_server.html" },
  { label: "Process aliases (Erlang reference manual)", url: "https://www.erlang.org/doc/system/ref_man_processes.html#process-aliases" },
];

export const callTimeout: Demo = {
  id: "call-timeout",
  messages: true,
  title,
  summary: "A call that waits too long exits the caller; the server is not stopped, and its late reply never arrives.",
  elixir: {
    snippet: {
      title,
      files: { "slow.ex": slowEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "The shell (IEx's process) runs GenServer.call(:slow, 2000, 1000): a 2 s job, but it waits only 1 s for the answer." },
        { at: 1600, say: "Timeout! GenServer.call/3 exits the caller (unless it catches it): the shell's catch :exit logs 'caught exit {:timeout, …}'. :slow is still busy on the job." },
        { at: 2600, say: ":slow logs 'replying after 2000 ms' at 2.5 s, but the caller stopped listening: the reply is dropped, never delivered." },
        { at: 4000, eval: "Main.careless()", say: "Now a new process, the :careless row, makes the same call without catching…" },
        { at: 5100, say: "…and its row ends red with the timeout reason. :slow is fine: it finishes that job at 6 s and answers the next call (its row: '…100 ms')." },
      ],
      checks: [
        { at: 500, eval: "Main.impatient()", equals: "timeout", say: "The call exited with reason {:timeout, …}" },
        { at: 1700, eval: "Process.alive?(Process.whereis(:slow))", equals: true, say: "The server was not stopped by the timeout" },
        { at: 2600, eval: "Main.mailbox(500)", equals: "empty", say: "The late reply never reached the caller's mailbox" },
        { at: 5500, eval: "Process.whereis(:careless)", equals: null, say: "The caller that did not catch died" },
        { at: 6500, eval: "GenServer.call(:slow, 100)", equals: "done", say: "The server still answers calls" },
      ],
    },
    explanation: {
      watch:
        "The shell's call at 0.5 s, its 'caught exit' line at 1.5 s, then :slow's 'replying' line at 2.5 s with nothing arriving. Later the :careless row ends red at 5 s while :slow keeps going. The arrows are the messages: each call is a {:\"$gen_call\", from, request} up to :slow, and each reply that came too late is dashed and ends in a red ✕, thrown away.",
      why,
      beam:
        "Elixir: `GenServer.call(server, request, 1000)` exits with `{:timeout, {GenServer, :call, [server, request, 1000]}}` (the default timeout is 5000 ms); `catch :exit, reason ->` catches it. Since OTP 24, calls use process aliases, so a late reply is dropped. Before that it landed in the caller's mailbox as `{ref, reply}`, and code had to flush it (IEx: `flush()`).",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Slow.ts": slowTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "The shell (the console's process) calls the slow row with a 2 s job, but waits only 1 s for the answer." },
        { at: 1600, say: "Timeout! The call makes the caller exit (stop, unless it catches it): the shell catches it and logs 'caught exit'. slow is still busy on the job." },
        { at: 2600, say: "slow logs 'replying after 2000 ms' at 2.5 s, but the caller stopped listening: the reply is dropped, never delivered." },
        { at: 4000, eval: "Main.careless()", say: "Now a new process, the careless row, makes the same call without catching…" },
        { at: 5100, say: "…and its row ends red with the timeout reason. slow is fine: it finishes that job at 6 s and answers the next call (its row: '…100 ms')." },
      ],
      checks: [
        { at: 500, eval: "Main.impatient()", equals: "timeout", say: "The call exited with reason timeout" },
        { at: 1700, eval: "Process.alive(Process.whereis('slow'))", equals: true, say: "The server was not stopped by the timeout" },
        { at: 2600, eval: "Main.mailbox(500)", equals: "empty", say: "The late reply never reached the caller's mailbox" },
        { at: 5500, eval: "Process.whereis('careless')", equals: null, say: "The caller that did not catch died" },
        { at: 6500, eval: "GenServer.call('slow', 100)", equals: "done", say: "The server still answers calls" },
      ],
    },
    explanation: {
      watch:
        "The shell's call at 0.5 s, its 'caught exit' line at 1.5 s, then Slow's 'replying' line at 2.5 s with nothing arriving. Later the 'careless' row ends red at 5 s while Slow keeps going. The arrows are the messages: each call is a $gen_call up to slow, and each reply that came too late is dashed and ends in a red ✕, thrown away.",
      why,
      beam:
        "Elixir: `GenServer.call(server, request, 1000)` exits with `{:timeout, {GenServer, :call, [server, request, 1000]}}` (default timeout 5000 ms); `catch :exit, reason ->` catches it. Since OTP 24, calls use process aliases, so a late reply is dropped. Before that it landed in the caller's mailbox as `{ref, reply}`, and code had to flush it.",
      docs,
    },
  },
};
