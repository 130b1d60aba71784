import { describe, expect, it } from "vitest";
import type { Lane } from "../store/model";
import { consoleHint } from "./consoleHint";

const lane = (over: Partial<Lane>): Lane => ({
  pid: "#PID<0.1.0>", order: 0, parent: null, kind: "process", spawnedAt: 0, crashed: false, status: "alive", history: [], labels: [], vsns: [], suspensions: [], linkLog: [], monitorLog: [], mailboxes: [], ...over,
});

describe("consoleHint", () => {
  it("suggests the state of a live named GenServer first, else info on a named process, else the process list", () => {
    expect(consoleHint([lane({ name: "w" }), lane({ kind: "gen_server", name: "counter" })])).toBe('sys.get_state("counter")');
    expect(consoleHint([lane({ kind: "gen_server", name: "gone", status: "dead" }), lane({ name: "worker" })])).toBe('Process.info("worker")');
    expect(consoleHint([lane({})])).toBe("Process.list()");
    expect(consoleHint([])).toBe("Process.list()");
  });

  it("speaks Elixir in an Elixir snippet: a module name as Counter, an atom as :worker", () => {
    expect(consoleHint([lane({ kind: "gen_server", name: "Counter" })], "elixir")).toBe(":sys.get_state(Counter)");
    expect(consoleHint([lane({ name: "worker" })], "elixir")).toBe("Process.whereis(:worker) |> Process.info()");
  });
});
