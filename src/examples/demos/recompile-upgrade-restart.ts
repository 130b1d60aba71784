/** Recompile, upgrade and restart on one timeline: kept, migrated, reset. */
import type { Demo } from "../demo";

const v1 = `import { GenServer, Process, self, log } from "otp";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", 0];
}

export function handle_info(_msg: "tick", n: number) {
  Process.send_after(self(), "tick", 1000);
  n = n + 1;
  log(\`count \${n}\`);
  return ["noreply", n];
}
`;

const v2 = `import { GenServer, Process, self, log } from "otp";

// The recompile before made v2 (versions without a vsn are numbered in load order).
export const vsn = "3";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}

export function init(_arg: unknown) {
  Process.send_after(self(), "tick", 1000);
  return ["ok", { count: 0, step: 1 }];
}

type State = { count: number; step: number };
export function handle_info(_msg: "tick", s: State) {
  Process.send_after(self(), "tick", 1000);
  s = { ...s, count: s.count + s.step };
  log(\`count \${s.count}\`);
  return ["noreply", s];
}

export function code_change(_old: string, n: number, _extra: unknown) {
  return ["ok", { count: n, step: 10 }];
}
`;

const main = `import { Supervisor } from "otp";

export function start() {
  return Supervisor.start_link(["Counter"], { strategy: "one_for_one" });
}
`;

const pid = "#PID<0.102.0>";

export const recompileUpgradeRestart: Demo = {
  id: "recompile-upgrade-restart",
  title: "Recompile, upgrade, restart: kept, migrated, reset",
  summary: "Three ways to put new code in one counter: the state is kept, migrated by code_change, or started over.",
  snippet: {
    title: "Recompile, upgrade, restart: kept, migrated, reset",
    files: { "Counter.ts": v1, "Main.ts": main },
    main: "Main",
    script: [
      { at: 500, say: "One counter row, + 1 per second. We will put new code into it three ways; watch the badge each one leaves on the row." },
      {
        at: 2500,
        patch: [{ file: "Counter.ts", find: "n + 1", replace: "n + 10" }],
        action: "recompile",
        say: "1. Recompile (+ 1 → + 10): green badge 'kept 2'. The state is untouched: 2 goes on to 12, 22…",
      },
      {
        at: 5500,
        edit: { "Counter.ts": v2 },
        action: "upgrade",
        say: "2. Upgrade to v3, whose state is {count, step}: its code_change function converts the old state. Purple badge: migrated 32 → {count: 32, step: 10}.",
      },
      { at: 8500, action: "restart", say: "3. Restart: every running row ends with a red 'killed' badge, the code loads fresh, and new rows start below, with state from init: back to 0." },
      { at: 9600, say: "The new counter row, <0.106.0>, counts 1, 2… from v3's init (step 1). A restart keeps the new code, never the old state." },
    ],
    checks: [
      { at: 2400, eval: "sys.get_state('counter')", equals: 2, say: "Before the recompile: 2" },
      { at: 3500, eval: "sys.get_state('counter')", equals: 12, say: "Recompile kept it: 2 + 10 = 12" },
      { at: 5600, eval: "sys.get_state('counter')", equals: { count: 32, step: 10 }, say: "Upgrade migrated 32 into {count: 32, step: 10}" },
      { at: 5600, eval: "inspect(Process.whereis('counter'))", equals: pid, say: "Still the first process, " + pid },
      { at: 9000, eval: "sys.get_state('counter')", equals: { count: 0, step: 1 }, say: "Restart reset it to init's {count: 0, step: 1}" },
      { at: 9000, eval: "inspect(Process.whereis('counter'))", equals: "#PID<0.106.0>", say: "Restart: a new process, #PID<0.106.0>" },
    ],
  },
  explanation: {
    watch:
      "Three markers on the Counter row: 'kept' (the number carries on), 'migrated' (32 becomes {count: 32, step: 10}), and after the restart a brand-new row starting from 0.",
    why:
      "Recompiling loads new code and leaves the state alone, which is fine while the state's shape is unchanged. An upgrade also converts the state, through code_change, for code that expects a new shape. A restart throws the processes away and starts over from init: always safe, but everything in memory is lost.",
    beam:
      "Recompile is IEx `recompile()`; upgrade is a release upgrade (appup `{update, Counter, {advanced, []}}`, or `:sys.suspend/1` + `:sys.change_code/4` + `:sys.resume/1` by hand); restart is stopping and starting the application (`Application.stop(:app)` then `Application.start(:app)`), or restarting the node (`mix run`, `iex -S mix`).",
    docs: [
      { label: "GenServer (Elixir)", url: "https://hexdocs.pm/elixir/GenServer.html" },
      { label: "Compilation and code loading (Erlang)", url: "https://www.erlang.org/doc/system/code_loading.html" },
      { label: "sys (Erlang)", url: "https://www.erlang.org/doc/apps/stdlib/sys.html" },
      { label: "Release handling (Erlang)", url: "https://www.erlang.org/doc/system/release_handling.html" },
    ],
  },
};
