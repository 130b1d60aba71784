/** Selective receive: take the oldest message that matches, leave the rest in order. */
import type { Demo } from "../demo";

const mainEx = `defmodule Main do
  def start do
    Process.register(spawn(&inbox/0), :inbox)
  end

  # Handles urgent mail first, then the rest in arrival order.
  defp inbox do
    Process.sleep(2000) # busy: mail piles up
    loop()
  end

  defp loop do
    receive do
      {:urgent, _} = msg -> handle(msg)
    after
      0 ->
        receive do
          msg -> handle(msg)
        end
    end

    loop()
  end

  defp handle(msg) do
    IO.puts("handled #{inspect(msg)}")
    Process.sleep(500) # each message takes 0.5 s
  end

  # How many messages wait in the inbox?
  def queue do
    {:message_queue_len, n} = Process.info(Process.whereis(:inbox), :message_queue_len)
    n
  end

  # The same rule in the shell: oldest match first, others stay.
  def pick do
    for msg <- [:a, {:urgent, :b}, :c], do: send(self(), msg)
    first = receive do: ({:urgent, _} = msg -> msg)
    second = receive do: (msg -> msg)
    third = receive do: (msg -> msg)
    [first, second, third]
  end
end
`;

const mailEx = (at: number, msg: string) => ({ at, eval: `send(:inbox, ${msg})` });

const mainTs = `import { spawn, send, self, receive, log, inspect, Process, TIMEOUT } from "otp";

// Handles urgent mail first, then the rest in arrival order.
async function inbox() {
  await Process.sleep(2000); // busy: mail piles up
  while (true) {
    const urgent = await receive((m) => m[0] === "urgent", 0);
    const m = urgent === TIMEOUT ? await receive() : urgent;
    log(\`handled \${inspect(m)}\`);
    await Process.sleep(500); // each message takes 0.5 s
  }
}

export function start() {
  Process.register(spawn(inbox), "inbox");
}

// How many messages wait in the inbox?
export function queue() {
  return Process.info(Process.whereis("inbox")!)!.message_queue_len;
}

// The same rule in the shell: oldest match first, others stay.
export async function pick() {
  for (const m of ["a", ["urgent", "b"], "c"]) send(self(), m);
  const first = await receive((m) => m[0] === "urgent");
  return [first, await receive(), await receive()];
}
`;

const mailTs = (at: number, msg: string) => ({ at, eval: `void send('inbox', ${msg})` });

const title = "Selective receive";
const why =
  "Every process has one mailbox, a queue in arrival order. A receive with a pattern scans it from the oldest message and takes the first one that matches; the others stay where they are, in order, for a later receive. A timeout of 0 means 'only if one is already there', which is how a process gives some messages priority.";
const docs = [
  { label: "Processes: send and receive (Elixir guide)", url: "https://hexdocs.pm/elixir/processes.html" },
  { label: "receive (Elixir Kernel.SpecialForms)", url: "https://hexdocs.pm/elixir/Kernel.SpecialForms.html#receive/1" },
  { label: "Receive (Erlang reference manual)", url: "https://www.erlang.org/doc/system/expressions.html#receive" },
];

export const selectiveReceive: Demo = {
  id: "selective-receive",
  title,
  summary: "A receive with a pattern takes the oldest message that matches and leaves the others waiting, in order.",
  elixir: {
    snippet: {
      title,
      files: { "main.ex": mainEx },
      main: "Main",
      script: [
        { ...mailEx(500, "{:normal, 1}"), say: "The :inbox row is busy for 2 s (Process.sleep/1). Three messages arrive in its mailbox (its queue of incoming messages) meanwhile: {:normal, 1}, {:urgent, 2}, {:normal, 3}." },
        mailEx(1000, "{:urgent, 2}"),
        mailEx(1500, "{:normal, 3}"),
        { at: 2000, say: "Now it runs receive do {:urgent, _} … after 0 → …: {:urgent, 2} is handled first, then {:normal, 1} and {:normal, 3} in arrival order (the Log tab lists each 'handled' line)." },
        { ...mailEx(2800, "{:urgent, 4}"), say: "{:urgent, 4} arrives while {:normal, 3} still waits: it jumps ahead and is handled next." },
      ],
      checks: [
        { at: 1800, eval: "Main.queue()", equals: 3, say: "While busy, 3 messages wait in the mailbox" },
        { at: 2200, eval: "Main.queue()", equals: 2, say: "It took {:urgent, 2} first; 2 messages still wait" },
        { at: 4000, eval: "Main.queue()", equals: 0, say: "All handled" },
        { at: 4000, eval: "Main.pick()", equals: [["urgent", "b"], "a", "c"], say: "In the shell too: the match first, then the rest in order" },
      ],
    },
    explanation: {
      watch:
        "The :inbox row's log (every line is in the Log tab below): 'handled {:urgent, 2}' comes before 'handled {:normal, 1}', though {:normal, 1} arrived first; later {:urgent, 4} overtakes {:normal, 3}.",
      why,
      beam:
        "Elixir: `receive do {:urgent, x} -> … after 0 -> receive do msg -> … end end`. Erlang: `receive {urgent, X} -> … after 0 -> … end`. Messages that never match stay in the mailbox forever and slow every later receive: `Process.info(pid, :message_queue_len)` shows the queue, and IEx's `flush()` empties the shell's own.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Main.ts": mainTs },
      main: "Main",
      script: [
        { ...mailTs(500, "['normal', 1]"), say: "The inbox row is busy for 2 s. Three messages arrive in its mailbox (its queue of incoming messages) meanwhile: normal 1, urgent 2, normal 3." },
        mailTs(1000, "['urgent', 2]"),
        mailTs(1500, "['normal', 3]"),
        { at: 2000, say: "Now it asks receive for urgent mail first: urgent 2 is handled first, then normal 1 and 3 in arrival order (the Log tab lists each 'handled' line)." },
        { ...mailTs(2800, "['urgent', 4]"), say: "urgent 4 arrives while normal 3 still waits: it jumps ahead and is handled next." },
      ],
      checks: [
        { at: 1800, eval: "Main.queue()", equals: 3, say: "While busy, 3 messages wait in the mailbox" },
        { at: 2200, eval: "Main.queue()", equals: 2, say: "It took urgent 2 first; 2 messages still wait" },
        { at: 4000, eval: "Main.queue()", equals: 0, say: "All handled" },
        { at: 4000, eval: "Main.pick()", equals: [["urgent", "b"], "a", "c"], say: "In the shell too: the match first, then the rest in order" },
      ],
    },
    explanation: {
      watch:
        "The inbox row's log (every line is in the Log tab below): 'handled [\"urgent\", 2]' comes before 'handled [\"normal\", 1]', though normal 1 arrived first; later urgent 4 overtakes normal 3.",
      why,
      beam:
        "Elixir: `receive do {:urgent, x} -> … after 0 -> receive do msg -> … end end`. Erlang: `receive {urgent, X} -> … after 0 -> … end`. Messages that never match stay in the mailbox forever and slow every later receive: `Process.info(pid, :message_queue_len)` shows the queue.",
      docs,
    },
  },
};
