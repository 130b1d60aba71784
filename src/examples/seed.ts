/**
 * The default example (SPEC §2): a Counter GenServer under a one_for_one Supervisor, ticking
 * every second. It is what a first-time visitor sees, so the hint in the file is the lesson:
 * change the step and press Recompile — same pid, same count, new rule.
 */
import type { Snippet } from "../share/snippetTypes";

const counter = `import { GenServer, Process, self, log } from "otp";

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

const main = `import { Supervisor } from "otp";

// The shell calls start() when you press Run.
export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

export const seedSnippet: Snippet = {
  title: "Counter survives recompile",
  files: { "Counter.ts": counter, "Main.ts": main },
  main: "Main",
};

export const seedHint = "Change `+ 1` to `+ 10` in Counter.ts and press Recompile.";
