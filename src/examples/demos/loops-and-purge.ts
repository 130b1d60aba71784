/** A local loop stays in old code and dies at the next purge; a loop through an external call moves on. */
import type { Demo } from "../demo";

const loopsEx = `defmodule Loops do
  @version "v1"

  # Loops by a local call: it stays in the version
  # it started in, even after a recompile.
  def local_loop do
    Process.sleep(1000)
    IO.puts("local runs #{@version}")
    local_loop()
  end

  # Loops by an external call, like ?MODULE:loop() in
  # Erlang: each hop enters the current version.
  def hop_loop do
    Process.sleep(1000)
    IO.puts("hop runs #{@version}")
    __MODULE__.hop_loop()
  end
end
`;

const mainEx = `defmodule Main do
  def start do
    Process.register(spawn(&Loops.local_loop/0), :local)
    Process.register(spawn(&Loops.hop_loop/0), :hop)
  end

  # The processes that still run Loops' old code.
  def in_old_code do
    for pid <- Process.list(), :erlang.check_process_code(pid, Loops), do: pid
  end
end
`;

const loopsTs = `import { Process, log } from "otp";
import * as Me from "Loops";

const VERSION = "v1";

// Loops with local code (a while loop): it stays in the
// version it started in, even after a recompile.
export async function local_loop() {
  while (true) {
    await Process.sleep(1000);
    log(\`local runs \${VERSION}\`);
  }
}

// Loops by an external call, like ?MODULE:loop() in Erlang:
// each hop enters the current version.
export async function hop_loop(): Promise<never> {
  await Process.sleep(1000);
  log(\`hop runs \${VERSION}\`);
  return Me.hop_loop();
}
`;

const mainTs = `import { spawn, Process } from "otp";
import * as Loops from "Loops";

export function start() {
  Process.register(spawn(() => Loops.local_loop()), "local");
  Process.register(spawn(() => Loops.hop_loop()), "hop");
}
`;

const title = "Loops, old code and purge";
const whyOf = (localLoop: string) =>
  `A module has at most two versions loaded: current and old. A process that loops with ${localLoop} never leaves the code it started in. Loading a third version must first remove (purge) the oldest one, and a process still running it cannot continue, so it is killed. A call written with the module's name always goes to the current version, so a loop that calls itself that way moves to new code at each turn.`;
const docs = [
  { label: "Compilation and code loading (Erlang)", url: "https://www.erlang.org/doc/system/code_loading.html" },
  { label: "code module: purge, soft_purge", url: "https://www.erlang.org/doc/apps/kernel/code.html" },
  { label: "erlang:check_process_code/2", url: "https://www.erlang.org/doc/apps/erts/erlang.html#check_process_code/2" },
];
const vTs = (from: string, to: string) => [{ file: "Loops.ts", find: `const VERSION = "${from}"`, replace: `const VERSION = "${to}"` }];
const vEx = (from: string, to: string) => [{ file: "loops.ex", find: `@version "${from}"`, replace: `@version "${to}"` }];

export const loopsAndPurge: Demo = {
  id: "loops-and-purge",
  title,
  summary: "A loop of local calls keeps running old code until a purge kills it; a loop of external calls moves on.",
  elixir: {
    snippet: {
      title,
      files: { "loops.ex": loopsEx, "main.ex": mainEx },
      main: "Main",
      script: [
        { at: 500, say: "Two rows, both looping in module Loops v1: :local calls local_loop() (a local call), :hop calls __MODULE__.hop_loop() (an external call)." },
        { at: 2500, patch: vEx("v1", "v2"), action: "recompile", say: "recompile() to v2. v1 is kept as the 'old' version for whoever still runs it; nobody is stopped." },
        { at: 3200, say: "Under the rows: :hop printed v1 once more (it was asleep in v1), then hopped into v2. :local never leaves v1: its local call stays in the version it runs." },
        { at: 5500, patch: vEx("v2", "v3"), action: "recompile", say: "recompile() to v3: only two versions fit, so v1 is purged first (:code.purge/1), and whoever still runs it is killed: :local." },
        { at: 6200, say: ":local ends with a red 'killed' badge. :hop printed v2 once more, then hopped into v3: it survives every swap." },
      ],
      checks: [
        { at: 3500, eval: "Main.in_old_code()", equals: ["#PID<0.101.0>"], say: "After v2: only :local (#PID<0.101.0>) is in old code" },
        { at: 6500, eval: "Process.whereis(:local)", equals: null, say: "The purge killed :local" },
        { at: 6500, eval: "Process.alive?(Process.whereis(:hop))", equals: true, say: ":hop is alive" },
        { at: 6500, eval: "Main.in_old_code()", equals: [], say: "Nobody runs old code now: :hop is in v3" },
      ],
    },
    explanation: {
      watch:
        "Each row's header names the version its loop runs, and the log labels under it say which version printed them. After the first recompile :local goes on in v1 (marked old) while :hop moves to v2 at its next hop. At the second recompile, :local ends with a red 'killed' badge.",
      why: whyOf("local calls"),
      beam:
        "In Elixir, `local_loop()` is a local call and `__MODULE__.hop_loop()` an external (fully qualified) one; Erlang writes them `loop()` and `?MODULE:loop()`. `:code.soft_purge(Loops)` answers false while processes run old code, `:code.purge(Loops)` kills them, and `:erlang.check_process_code(pid, Loops)` tells if a process runs old code. IEx `r Loops` loads a new version, as `recompile()` does, and purges the one before.",
      docs,
    },
  },
  typescript: {
    snippet: {
      title,
      files: { "Loops.ts": loopsTs, "Main.ts": mainTs },
      main: "Main",
      script: [
        { at: 500, say: "Two rows, both looping in module Loops v1: 'local' with a while loop, 'hop' by calling itself through the module, Me.hop_loop()." },
        { at: 2500, patch: vTs("v1", "v2"), action: "recompile", say: "Recompile to v2. v1 is kept as the 'old' version for whoever still runs it; nobody is stopped." },
        { at: 3200, say: "Under the rows: 'hop' printed v1 once more (it was asleep in v1), then hopped into v2. 'local' never leaves its while loop: still v1." },
        { at: 5500, patch: vTs("v2", "v3"), action: "recompile", say: "Recompile to v3: only two versions fit, so v1 is purged (removed), and whoever still runs it is killed: 'local'." },
        { at: 6200, say: "'local' ends with a red 'killed' badge. 'hop' printed v2 once more, then hopped into v3: it survives every swap." },
      ],
      checks: [
        { at: 3500, eval: "Code.processes_using_old('Loops').map(inspect)", equals: ["#PID<0.101.0>"], say: "After v2: only 'local' (#PID<0.101.0>) is in old code" },
        { at: 6500, eval: "Process.whereis('local')", equals: null, say: "The purge killed 'local'" },
        { at: 6500, eval: "Process.alive(Process.whereis('hop'))", equals: true, say: "'hop' is alive" },
        { at: 6500, eval: "Code.processes_using_old('Loops').length", equals: 0, say: "Nobody runs old code now: 'hop' is in v3" },
      ],
    },
    explanation: {
      watch:
        "Each row's header names the version its loop runs, and the log labels under it say which version printed them. After the first recompile 'local' goes on in v1 (marked old) while 'hop' moves to v2 at its next hop. At the second recompile, 'local' ends with a red 'killed' badge.",
      why: whyOf("local calls (or a while loop)"),
      beam:
        "In Erlang, `loop() -> receive … end, loop().` is a local call; `?MODULE:loop()` is an external (fully qualified) one, and in Elixir `__MODULE__.loop()`. `:code.soft_purge(Loops)` refuses while processes run old code, `:code.purge(Loops)` kills them, and `:erlang.check_process_code(pid, Loops)` tells if a process runs old code. IEx `r Loops` loads a new version, as `recompile()` does.",
      docs,
    },
  },
};
