/** The same change as a release upgrade: the process is suspended and code_change migrates its state. */
import type { Demo } from "../demo";

const v1 = `import { GenServer, Process, self, log } from "otp";

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

const v2 = `import { GenServer, Process, self, log, inspect } from "otp";

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

const main = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

const pid = "#PID<0.102.0>";

export const upgradeCodeChange: Demo = {
  id: "upgrade-code-change",
  title: "Upgrade: code_change migrates the state",
  summary: "A release-style upgrade suspends the process, loads v2 and turns its number into {count, step}.",
  snippet: {
    title: "Upgrade: code_change migrates the state",
    files: { "Counter.ts": v1, "Main.ts": main },
    main: "Main",
    script: [
      { at: 500, say: "The counter row: Counter v1 keeps a plain number as its state and adds 1 each second (the dots: 0, 1, 2…)." },
      {
        at: 3500,
        edit: { "Counter.ts": v2 },
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
    why:
      "When new code expects a different shape of state, the running process must convert what it holds. An upgrade pauses each process whose callback module changed, loads the new version, and asks it to migrate its own state with code_change(old_vsn, state, extra) before resuming. A plain recompile never does this, so new code would meet old state.",
    beam:
      "In production this is a release upgrade: an .appup file says `{update, Counter, {advanced, Extra}}`, and the release handler suspends the process, loads the code, calls `code_change/3` and resumes it (`:release_handler.install_release/1`; tools like Distillery or Castle build the upgrade). By hand in IEx: `:sys.suspend(pid)`, `r Counter`, `:sys.change_code(pid, Counter, \"1\", 10)`, `:sys.resume(pid)`. `@vsn \"2\"` sets the version passed as old_vsn. Plain `mix release` does not do hot upgrades.",
    docs: [
      { label: "GenServer.code_change/3", url: "https://hexdocs.pm/elixir/GenServer.html#c:code_change/3" },
      { label: "sys (suspend, change_code, resume)", url: "https://www.erlang.org/doc/apps/stdlib/sys.html" },
      { label: "Release handling (Erlang)", url: "https://www.erlang.org/doc/system/release_handling.html" },
      { label: "Appup cookbook", url: "https://www.erlang.org/doc/system/appup_cookbook.html" },
    ],
  },
};
