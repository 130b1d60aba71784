/**
 * The default example (SPEC §2, §10): what a first-time visitor sees. The forum post's Counter
 * GenServer in Elixir, as it was written (`use GenServer`, `@impl true`, `send(self(),
 * :increment)`, `Process.send_after`, `IO.inspect`), under a one_for_one Supervisor, ticking
 * every second; the one-line hint in the file is the lesson: change the step and press
 * Recompile — same pid, same count, new rule. The TypeScript twin stays one click away (a new
 * TypeScript snippet starts from it).
 */
import type { Snippet } from "../share/snippetTypes";

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

  # Try it: change \`+ 1\` to \`+ 10\`, press Recompile.
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
  # The shell calls Main.start() when you press Run.
  def start do
    children = [Counter]
    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
`;

export const seedSnippet: Snippet = {
  title: "Counter survives recompile",
  files: { "counter.ex": counterEx, "main.ex": mainEx },
  main: "Main",
};

export const seedHint = "Change `+ 1` to `+ 10` in counter.ex and press Recompile.";

const counterTs = `import { GenServer, Process, self, log } from "otp";

// Try it: change \`+ 1\` to \`+ 10\` below,
// then press Recompile (Ctrl+S). The same
// process keeps its count and goes on
// with the new step.

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
`;

const mainTs = `import { Supervisor } from "otp";

// The shell calls start() when you press Run.
export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

/** The same counter in the TypeScript dialect: where a new TypeScript snippet starts. */
export const typescriptSeedSnippet: Snippet = {
  title: "Counter survives recompile (TypeScript)",
  files: { "Counter.ts": counterTs, "Main.ts": mainTs },
  main: "Main",
};

export const typescriptSeedHint = "Change `+ 1` to `+ 10` in Counter.ts and press Recompile.";

/** The hint for a snippet that is one of the seeds, by title. */
export function seedHintFor(title: string | undefined): string | null {
  if (title === seedSnippet.title) return seedHint;
  if (title === typescriptSeedSnippet.title) return typescriptSeedHint;
  return null;
}
