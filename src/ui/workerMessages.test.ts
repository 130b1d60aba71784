import { describe, expect, it } from "vitest";
import { MAX_LOG_TEXT, cutText, readEvent, readWorkerMessage } from "./workerMessages";

describe("readWorkerMessage", () => {
  it("passes the protocol's messages through unchanged", () => {
    const events = { type: "events", now: 1200, events: [{ t: 0, type: "spawn", pid: "#PID<0.80.0>", parent: null, name: "counter" }, { t: 5, type: "log", pid: "#PID<0.80.0>", text: "hi" }] };
    expect(readWorkerMessage(events)).toEqual(events);
    const clock = { type: "clock", now: 5, speed: 2, paused: false, idle: true, holding: false };
    expect(readWorkerMessage(clock)).toEqual(clock);
    const halted = { ...clock, halted: "the snippet reached the process limit (262,144 processes)" };
    expect(readWorkerMessage(halted)).toEqual(halted);
    const reply = { type: "reply", id: 3, ok: true, result: { ok: true, loaded: ["Counter"], killed: [], diagnostics: [] } };
    expect(readWorkerMessage(reply)).toEqual(reply);
    expect(readWorkerMessage({ type: "reply", id: 4, ok: true, result: null })).toEqual({ type: "reply", id: 4, ok: true, result: null });
    expect(readWorkerMessage({ type: "status", phase: "ready", ms: 900 })).toEqual({ type: "status", phase: "ready", ms: 900 });
  });

  it("drops what is not a protocol message", () => {
    for (const bad of [null, 42, "status", [], { type: "nope" }, { type: "status", phase: "pwned" }, { type: "clock", now: -5, speed: 1e9, paused: "yes", idle: 3 },
      { type: "reset", now: Number.NaN }, { type: "events", now: 1e308, events: [] }, { type: "reply", id: 1.5, ok: true, result: null },
      { type: "reply", id: 1, ok: true, result: { ok: true, loaded: ["<img src=x>"], killed: 7, diagnostics: "nope" } }, { type: "files", files: { "A.ts": 1 } },
      { type: "clock", now: 5, speed: 1, paused: false, idle: true, halted: 7 }]) {
      expect(readWorkerMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("keeps the good events of a batch and counts the malformed ones as dropped", () => {
    const msg = readWorkerMessage({ type: "events", now: 10, events: [{ type: "spawn" }, null, 42, { t: "x", type: "log", text: {} }, { t: 1, type: "say", text: "ok" }] });
    expect(msg).toEqual({ type: "events", now: 10, events: [{ t: 1, type: "say", text: "ok" }], dropped: 4 });
  });

  it("cuts a 10 MB log line to its limit and says how much is not shown", () => {
    const event = readEvent({ t: 0, type: "log", pid: "#PID<0.80.0>", text: "x".repeat(10_000_000) });
    expect(event?.type === "log" && event.text.length).toBeLessThan(MAX_LOG_TEXT + 100);
    expect(event?.type === "log" && event.text).toMatch(/… \[9,990,000 more characters not shown\]$/);
  });

  it("copies only the fields of an event's type (no stray properties ride along)", () => {
    expect(readEvent({ t: 0, type: "say", text: "hi", __proto__: { polluted: true }, extra: "x" })).toEqual({ t: 0, type: "say", text: "hi" });
  });
});

describe("cutText", () => {
  it("leaves short text alone", () => {
    expect(cutText("abc", 3)).toBe("abc");
  });
});
