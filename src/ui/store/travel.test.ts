import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../runtime/events";
import { applyEvents, emptyModel } from "./model";
import { justBefore, laneAt, linksAt, nextStop, prevStop, swapsBy } from "./travel";
import { treeRows } from "./tree";

const SUP = "#PID<0.101.0>";
const OLD = "#PID<0.102.0>";
const NEW = "#PID<0.110.0>";

/** A counter under a supervisor: 10, 11 at 1000, a recompile at 1500, 21 at 2000, a restart at 3000. */
const events: TraceEvent[] = [
  { t: 0, type: "spawn", pid: "#PID<0.100.0>", parent: null, kind: "shell" },
  { t: 0, type: "load", module: "Counter", vsn: "a", label: "1", previous: null },
  { t: 0, type: "spawn", pid: SUP, parent: "#PID<0.100.0>", module: "Supervisor" },
  { t: 0, type: "behaviour", pid: SUP, behaviour: "supervisor", module: "Supervisor" },
  { t: 0, type: "spawn", pid: OLD, parent: SUP },
  { t: 0, type: "link", from: SUP, to: OLD },
  { t: 0, type: "behaviour", pid: OLD, behaviour: "gen_server", module: "Counter", supervisor: SUP },
  { t: 0, type: "state", pid: OLD, state: "10" },
  { t: 1000, type: "state", pid: OLD, state: "11" },
  { t: 1500, type: "load", module: "Counter", vsn: "b", label: "2", previous: "a", previous_label: "1" },
  { t: 1500, type: "action", action: "recompile", ok: true, loaded: ["Counter"], killed: [] },
  { t: 2000, type: "state", pid: OLD, state: "21" },
  { t: 2200, type: "suspend", pid: OLD },
  { t: 2400, type: "resume", pid: OLD },
  { t: 3000, type: "exit", pid: OLD, reason: '"killed"' },
  { t: 3000, type: "exit", pid: SUP, reason: '"killed"' },
  { t: 3000, type: "load", module: "Counter", vsn: "b", label: "1", previous: null },
  { t: 3000, type: "spawn", pid: NEW, parent: null },
  { t: 3000, type: "behaviour", pid: NEW, behaviour: "gen_server", module: "Counter" },
  { t: 3000, type: "state", pid: NEW, state: "1" },
  { t: 3000, type: "action", action: "restart", ok: true, loaded: ["Counter"], killed: [OLD, SUP] },
  { t: 4000, type: "state", pid: NEW, state: "11" },
];

const model = () => {
  const m = emptyModel();
  applyEvents(m, events);
  return m;
};

describe("time travel over the recorded events", () => {
  it("shows 11 on v1 just before the recompile and 21 on v2 one step later, on the same pid", () => {
    const m = model();
    const lane = m.lanes.get(OLD)!;
    const before = justBefore(m, m.swaps[1]);
    expect(before).toBe(1000);
    expect(laneAt(m, lane, before)).toMatchObject({ status: "alive", state: "11", vsn: "1" });
    const after = nextStop(m, before)!;
    expect(after).toBe(2000);
    expect(laneAt(m, lane, after)).toMatchObject({ status: "alive", state: "21", vsn: "2" });
    expect(swapsBy(m.swaps, before)).toHaveLength(0);
    expect(swapsBy(m.swaps, after).map((s) => s.action)).toEqual(["recompile"]);
  });

  it("keeps the old pids' states across a restart, and says who was not started yet", () => {
    const m = model();
    expect(laneAt(m, m.lanes.get(OLD)!, 2500)).toMatchObject({ status: "alive", state: "21" });
    expect(laneAt(m, m.lanes.get(OLD)!, 3500)).toMatchObject({ status: "dead", reason: '"killed"' });
    expect(laneAt(m, m.lanes.get(NEW)!, 2500).status).toBe("unborn");
    expect(laneAt(m, m.lanes.get(NEW)!, 4000)).toMatchObject({ status: "alive", state: "11" });
  });

  it("reads suspensions and links back at a past moment", () => {
    const m = model();
    expect(laneAt(m, m.lanes.get(OLD)!, 2300).status).toBe("suspended");
    expect(laneAt(m, m.lanes.get(OLD)!, 2400).status).toBe("alive");
    expect(linksAt(m, m.lanes.get(OLD)!, 2000)).toEqual([SUP]);
    expect(linksAt(m, m.lanes.get(SUP)!, 3000)).toEqual([]);
  });

  it("steps between the moments a row changed, and stops at the ends", () => {
    const m = model();
    expect(prevStop(m, 1000)).toBe(0);
    expect(prevStop(m, 0)).toBeNull();
    expect(nextStop(m, 3000)).toBe(4000);
    expect(nextStop(m, 4000)).toBeNull();
  });

  it("orders the tree the same way at any moment (rows do not jump while scrubbing)", () => {
    expect(treeRows(model().lanes).map((r) => r.lane.pid)).toEqual([SUP, OLD, NEW, "#PID<0.100.0>"]);
  });
});

describe("a past mailbox, from the worker's mailbox events", () => {
  it("shows how many messages waited at each moment, as the sampler recorded them from a real run", async () => {
    const { runSnippet } = await import("../../session/testing");
    const { MailboxSampler } = await import("../../worker/mailboxSampler");
    const recorded: TraceEvent[] = [];
    const sampler = new MailboxSampler((e) => recorded.push(e));
    const h = await runSnippet({
      "Main.ts": `
        import { spawn, send, receive, Process, register } from "otp";
        export function start() {
          const sink = spawn(async () => {
            await Process.sleep(50);
            for (let i = 0; i < 3; i++) await receive();
            await Process.sleep(1000);
          });
          spawn(async () => {
            for (let i = 0; i < 3; i++) { await Process.sleep(10); send(sink, i); }
          });
        }`,
    }, { until: 100, watchMailboxes: (pid, length, t) => sampler.note(pid, length, t) });
    sampler.flush(Infinity);
    const m = emptyModel();
    applyEvents(m, [...h.events, ...recorded]);
    const sink = [...m.lanes.values()].find((l) => l.mailboxes.length > 0)!;
    expect([0, 10, 25, 30, 49, 50, 99].map((t) => laneAt(m, sink, t).mailbox)).toEqual([0, 1, 2, 3, 3, 0, 0]);
  });
});
