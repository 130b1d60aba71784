import { describe, expect, it } from "vitest";
import { runSnippet } from "../session/testing";
import { decodeMappings, lookup } from "./sourceMap";

describe("decodeMappings and lookup", () => {
  it("decodes VLQ segments into per-line [column, source line, source column] and looks positions up", () => {
    // Line 0: col 0 → (0,0), col 4 → (0,4); line 1: col 2 → (1,2); line 2: none; line 3: col 0 → (9, 0).
    const lines = decodeMappings("AAAA,IAAI;EACF;;AAQF");
    expect(lines).toEqual([[[0, 0, 0], [4, 0, 4]], [[2, 1, 2]], [], [[0, 9, 0]]]);
    expect(lookup(lines, 0, 3)).toEqual({ line: 0, column: 0 });
    expect(lookup(lines, 0, 10)).toEqual({ line: 0, column: 4 });
    expect(lookup(lines, 1, 0)).toEqual({ line: 1, column: 2 });
    expect(lookup(lines, 2, 0)).toBeNull();
    expect(lookup(lines, 99, 0)).toBeNull();
  });
});

describe("stack traces of crashes", () => {
  const worker = [
    'import { log, Process } from "otp";',
    "",
    "export async function crash_later(n: number) {",
    "  await Process.sleep(10);",
    "  if (n > 0) {",
    "    for (let i = 0; i < 3; i++) { try { log(i); } catch (e) { log(e); } }",
    '    throw new Error("boom at line 7");',
    "  }",
    "}",
    "",
    "export function crash_now() {",
    "  const values = [1, 2, 3].map((x) => x * 2);",
    "  return (values as any).nope.call();",
    "}",
  ].join("\n");

  it("names the .ts file and the line of the throw, below it the caller's line", async () => {
    const h = await runSnippet({
      "Worker.ts": worker,
      "Main.ts": [
        'import { spawn } from "otp";',
        'import * as Worker from "Worker";',
        "export function start() {",
        "  spawn(async () => {",
        "    await Worker.crash_later(1);",
        "  });",
        "  spawn(() => Worker.crash_now());",
        "}",
      ].join("\n"),
    }, { until: 100 });
    const exits = h.of("exit").filter((e) => e.reason !== '"normal"');
    expect(exits).toHaveLength(2);
    const [now, later] = exits;
    expect(now.reason).toMatch(/^\[%TypeError\{message: ".*"\}, #Stacktrace<Worker.ts:13>\]$/);
    expect(now.stack?.[0]).toMatchObject({ file: "Worker.ts", line: 13 });
    expect(later.reason).toBe('[%Error{message: "boom at line 7"}, #Stacktrace<Worker.ts:7>]');
    expect(later.stack?.[0]).toMatchObject({ file: "Worker.ts", line: 7, column: 11 });
  });

  it("maps a crash in a GenServer callback to the callback's line", async () => {
    const h = await runSnippet({
      "Srv.ts": [
        'import { GenServer } from "otp";',
        "export function start_link() { return GenServer.start_link(__MODULE__, null); }",
        'export function init() { return ["ok", 0]; }',
        "export function handle_info(_m: unknown, s: number) {",
        "  if (s === 0) {",
        '    throw new RangeError("bad state");',
        "  }",
        '  return ["noreply", s];',
        "}",
      ].join("\n"),
      "Main.ts": [
        'import { spawn, send, Process } from "otp";',
        'import * as Srv from "Srv";',
        "export async function start() {",
        "  Process.flag('trap_exit', true);",
        "  const [, pid] = await Srv.start_link();",
        "  send(pid, 'go');",
        "}",
      ].join("\n"),
    }, { until: 100 });
    const crash = h.of("exit").find((e) => e.reason.includes("RangeError"))!;
    expect(crash.reason).toBe('[%RangeError{message: "bad state"}, #Stacktrace<Srv.ts:6>]');
    expect(crash.stack?.[0]).toMatchObject({ file: "Srv.ts", line: 6 });
  });
});
