import { describe, expect, it } from "vitest";
import { mentionedPids } from "./mentions";
import { shortLabel } from "./labels";
import { lessonSpan, windowOf } from "./timeView";
import type { Lane } from "../store/model";

const lane = (pid: string, extra: Partial<Lane>): Lane => ({
  pid, order: 0, parent: null, kind: "gen_server", spawnedAt: 0, crashed: false, status: "alive", history: [], labels: [], vsns: [], suspensions: [], linkLog: [], monitorLog: [], mailboxes: [], ...extra,
});

describe("mentionedPids", () => {
  const lanes = [
    lane("c", { module: "Counter", name: "counter" }),
    lane("s", { module: "Main", kind: "supervisor" }),
    lane("sh", { kind: "shell" }),
    lane("l", { module: "Loops", name: "local", kind: "process" }),
    lane("a", { module: "Counter", name: "a", kind: "process" }),
    lane("old", { module: "Worker", name: "worker", exitedAt: 1000, crashed: true }),
  ];
  it("finds lanes by module, quoted or spelled-out name, and kind", () => {
    expect([...mentionedPids(lanes, "A Counter process counts + 1 each second, under a supervisor.", 500)].sort()).toEqual(["a", "c", "s"]);
    expect([...mentionedPids(lanes, "'local' still runs v1.", 3000)]).toEqual(["l"]);
    expect([...mentionedPids(lanes, "so does the shell, linked to it", 3000)]).toEqual(["sh"]);
  });
  it("does not take an article for a process called a, nor a lane long gone", () => {
    expect(mentionedPids(lanes, "a sentence with a word", 3000).has("a")).toBe(false);
    expect(mentionedPids(lanes, "The worker is restarted", 9000).has("old")).toBe(false);
    expect(mentionedPids(lanes, "Processes a (+ 1) and b", 3000).has("a")).toBe(false);
  });
});

describe("shortLabel", () => {
  it("shows what changed from the line before", () => {
    expect(shortLabel("hop loop runs v2", "hop loop runs v1")).toBe("…v2");
    expect(shortLabel("state is now 15", "state is now 14")).toBe("…15");
    // A change in the middle of a long line: the start of the line says more.
    expect(shortLabel("Counter: 5, process: #PID<0.1.0>", "Counter: 4, process: #PID<0.1.0>")).toBe("Counter: 5, process: #PID<0.1.0>");
    expect(shortLabel("short", "shorter")).toBe("short");
    expect(shortLabel("completely different text", "hop loop runs v1")).toBe("completely different text");
    expect(shortLabel("same line every time", "same line every time")).toBe("same line every time");
  });
});

describe("lessonSpan", () => {
  it("fits a lesson's whole story with a little room, in half seconds, within 3 s to 60 s", () => {
    expect(lessonSpan(4200)).toBe(5000);
    expect(lessonSpan(11_500)).toBe(12_500);
    expect(lessonSpan(1000)).toBe(3000);
    expect(lessonSpan(600_000)).toBe(60_000);
    const { t0, t1 } = windowOf({ span: lessonSpan(4200), end: 0, follow: true }, 4200);
    expect(t0).toBeLessThanOrEqual(0);
    expect(t1).toBeGreaterThanOrEqual(4200);
  });
});
