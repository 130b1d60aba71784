import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../runtime/events";
import { applyEvents, emptyModel, isInitialLoad, reportFor, MAX_LOG_LINES, MAX_LOG_CHARS, MAX_SENDS, MAX_LANES } from "./model";
import { treeRows } from "./tree";

const boot: TraceEvent[] = [
  { t: 0, type: "spawn", pid: "#PID<0.100.0>", parent: null, kind: "shell" },
  { t: 0, type: "load", module: "Counter", vsn: "1", previous: null },
  { t: 0, type: "spawn", pid: "#PID<0.101.0>", parent: "#PID<0.100.0>", module: "Supervisor" },
  { t: 0, type: "behaviour", pid: "#PID<0.101.0>", behaviour: "supervisor", module: "Supervisor" },
  { t: 0, type: "spawn", pid: "#PID<0.102.0>", parent: "#PID<0.101.0>" },
  { t: 0, type: "behaviour", pid: "#PID<0.102.0>", behaviour: "gen_server", module: "Counter", supervisor: "#PID<0.101.0>" },
  { t: 0, type: "register", pid: "#PID<0.102.0>", name: "counter" },
  { t: 0, type: "state", pid: "#PID<0.102.0>", state: "2" },
  { t: 1000, type: "state", pid: "#PID<0.102.0>", state: "3" },
];

describe("the timeline model", () => {
  it("keeps at most MAX_LANES lanes: exited processes give theirs up first, then new ones get none (counted)", () => {
    const m = emptyModel();
    const pid = (i: number) => `#PID<0.${i}.0>`;
    const events: TraceEvent[] = [];
    // A fork bomb's shape: each process spawns two and exits.
    for (let i = 1; i <= MAX_LANES + 500; i++) {
      events.push({ t: 0, type: "spawn", pid: pid(i), parent: i === 1 ? null : pid(Math.floor(i / 2)) });
      if (i % 2 === 1 && i > 1) events.push({ t: 0, type: "exit", pid: pid(Math.floor(i / 2)), reason: '"normal"' });
    }
    applyEvents(m, events);
    expect(m.lanes.size).toBe(MAX_LANES);
    expect(m.lanesDropped).toBe(500);
    // The first to exit went first; the newest processes all have lanes.
    expect(m.lanes.has(pid(1))).toBe(false);
    expect(m.lanes.has(pid(MAX_LANES + 500))).toBe(true);
    expect(treeRows(m.lanes)).toHaveLength(MAX_LANES);

    // Every lane alive: a new process gets none.
    const full = emptyModel();
    applyEvents(full, Array.from({ length: MAX_LANES + 3 }, (_, i): TraceEvent => ({ t: 0, type: "spawn", pid: pid(i + 1), parent: null })));
    expect(full.lanes.size).toBe(MAX_LANES);
    expect(full.lanesDropped).toBe(3);
    expect(full.lanes.has(pid(MAX_LANES + 1))).toBe(false);
  });

  it("orders lanes by the supervision tree with the shell last", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    expect(treeRows(m.lanes).map((r) => [r.lane.pid, r.depth])).toEqual([
      ["#PID<0.101.0>", 0],
      ["#PID<0.102.0>", 1],
      ["#PID<0.100.0>", 0],
    ]);
    expect(m.lanes.get("#PID<0.102.0>")!.name).toBe("counter");
  });

  it("does not count the first load as a swap, and marks a live process of a reloaded module as kept", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    expect(isInitialLoad(m.swaps[0])).toBe(true);
    applyEvents(m, [
      { t: 1500, type: "load", module: "Counter", vsn: "2", previous: "1" },
      { t: 1500, type: "action", action: "recompile", ok: true, loaded: ["Counter"], killed: [] },
    ]);
    const swap = m.swaps.at(-1)!;
    expect(swap.action).toBe("recompile");
    expect(reportFor(swap, m.lanes.get("#PID<0.102.0>")!)).toEqual({ kind: "kept", detail: "3" });
    expect(reportFor(swap, m.lanes.get("#PID<0.101.0>")!)).toBeUndefined();
  });

  it("reports code_change as migrated and purge victims as killed", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    applyEvents(m, [
      { t: 2000, type: "purge", module: "Counter", vsn: "1", killed: ["#PID<0.101.0>"] },
      { t: 2000, type: "load", module: "Counter", vsn: "2", previous: "1" },
      { t: 2000, type: "code_change", pid: "#PID<0.102.0>", module: "Counter", old_vsn: '"1"', result: '"ok"', before: "3", after: "{count: 3}" },
      { t: 2000, type: "action", action: "upgrade", ok: true, loaded: ["Counter"], killed: ["#PID<0.101.0>"] },
    ]);
    const swap = m.swaps.at(-1)!;
    expect(reportFor(swap, m.lanes.get("#PID<0.102.0>")!)).toEqual({ kind: "migrated", detail: "3 → {count: 3}" });
    expect(reportFor(swap, m.lanes.get("#PID<0.101.0>")!)!.kind).toBe("killed");
  });

  it("reports an Elixir code_change that answered :ok as migrated, with Elixir's terms", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    applyEvents(m, [
      { t: 2000, type: "load", module: "Counter", vsn: "2", previous: "1" },
      { t: 2000, type: "code_change", pid: "#PID<0.102.0>", module: "Counter", old_vsn: '"1"', result: ":ok", before: "3", after: "%{count: 3, step: 10}" },
      { t: 2000, type: "action", action: "upgrade", ok: true, loaded: ["Counter"], killed: [] },
    ]);
    expect(reportFor(m.swaps.at(-1)!, m.lanes.get("#PID<0.102.0>")!)).toEqual({ kind: "migrated", detail: "3 → %{count: 3, step: 10}" });
  });

  it("a failed compile draws no marker", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    applyEvents(m, [{ t: 3000, type: "action", action: "recompile", ok: false, loaded: [], killed: [] }]);
    expect(m.swaps.filter((s) => !isInitialLoad(s))).toHaveLength(0);
  });

  it("keeps at most MAX_LOG_LINES log lines and counts the dropped ones", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    const n = Math.ceil(MAX_LOG_LINES * 1.2);
    for (let i = 0; i < n; i++) applyEvents(m, [{ t: i, type: "log", pid: "#PID<0.102.0>", text: `line ${i}` }]);
    expect(m.logs.length).toBeLessThanOrEqual(MAX_LOG_LINES * 1.1);
    expect(m.logs.length + m.logsDropped).toBe(n);
    expect(m.logs.at(-1)!.text).toBe(`line ${n - 1}`);
  });

  it("keeps at most MAX_LOG_CHARS of log text: a flood of long lines is bounded by size, not by count", () => {
    const m = emptyModel();
    applyEvents(m, boot);
    const line = "y".repeat(10_000);
    const n = (MAX_LOG_CHARS / line.length) * 3;
    for (let i = 0; i < n; i++) applyEvents(m, [{ t: i, type: "log", pid: "#PID<0.102.0>", text: line }]);
    const held = m.logs.reduce((sum, l) => sum + l.text.length, 0);
    expect(held).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(m.logChars).toBe(held);
    expect(m.logs.length + m.logsDropped).toBe(n);
    expect(m.logs.at(-1)!.t).toBe(n - 1);
  });

  it("keeps sent messages for the message view, only the newest MAX_SENDS, and counts the rest", () => {
    const m = emptyModel();
    const sends: TraceEvent[] = [];
    for (let i = 0; i < MAX_SENDS * 1.2; i++) sends.push({ t: i, type: "send", from: "#PID<0.100.0>", to: "system", msg: String(i) });
    applyEvents(m, sends);
    expect(m.sends.length).toBeLessThanOrEqual(MAX_SENDS * 1.1);
    expect(m.sends.length + m.sendsDropped).toBe(MAX_SENDS * 1.2);
    expect(m.sends.at(-1)).toEqual({ t: MAX_SENDS * 1.2 - 1, from: "#PID<0.100.0>", to: "system", msg: String(MAX_SENDS * 1.2 - 1) });
    expect(m.sends[0].t).toBe(m.sendsDropped);
  });

  it("gives a plain process the module version its loop runs in, from runs events", () => {
    const m = emptyModel();
    applyEvents(m, [
      { t: 0, type: "load", module: "Loops", vsn: "h1", previous: null, label: "1" },
      { t: 0, type: "spawn", pid: "#PID<0.101.0>", parent: null },
      { t: 0, type: "runs", pid: "#PID<0.101.0>", module: "Loops", vsn: "1" },
    ]);
    expect(m.lanes.get("#PID<0.101.0>")).toMatchObject({ module: "Loops", vsn: "1" });
    applyEvents(m, [{ t: 2000, type: "runs", pid: "#PID<0.101.0>", module: "Loops", vsn: "2" }]);
    expect(m.lanes.get("#PID<0.101.0>")!.vsn).toBe("2");
  });
});
