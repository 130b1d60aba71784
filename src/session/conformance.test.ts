/**
 * Runs every scenario of conformance/typescript (recorded from the real BEAM) through a Session and
 * compares its log lines with expected.json, as that folder's README says: pids numbered by
 * first appearance, `/…/` lines as regular expressions over the whole line.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../runtime/events";
import { parseSnippet } from "../share/snippet";
import { Session } from "./session";

const ROOT = join(__dirname, "../../conformance/typescript");
const scenarios = existsSync(ROOT)
  ? readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, "snippet.json"))).sort()
  : [];

export function normalizeLog(events: TraceEvent[]): string[] {
  const names = new Map<string, string>();
  return events
    .filter((e): e is Extract<TraceEvent, { type: "log" }> => e.type === "log")
    .map((e) => `${e.t} ${e.text}`.replace(/#PID<[\d.]+>/g, (p) => {
      if (!names.has(p)) names.set(p, `#PID<P${names.size + 1}>`);
      return names.get(p)!;
    }));
}

export function matches(line: string, want: string): boolean {
  const regex = want.length > 1 && want.startsWith("/") && want.endsWith("/");
  return regex ? new RegExp(`^(?:${want.slice(1, -1)})$`).test(line) : line === want;
}

describe("conformance with the BEAM (conformance/typescript)", () => {
  it("finds the scenarios beside the project", () => {
    expect(scenarios.length, `no scenarios found in ${ROOT}`).toBeGreaterThanOrEqual(7);
  });

  for (const name of scenarios) {
    it(`${name} prints what the BEAM printed, line for line`, async () => {
      const parsed = parseSnippet(JSON.parse(readFileSync(join(ROOT, name, "snippet.json"), "utf8")));
      if (!parsed.ok) throw new Error(parsed.error);
      const expected = JSON.parse(readFileSync(join(ROOT, name, "expected.json"), "utf8")) as { until: number; log: string[] };
      const events: TraceEvent[] = [];
      const session = new Session({ esbuild, onEvent: (e) => events.push(e) });
      const started = await session.start(parsed.snippet);
      expect(started.diagnostics).toEqual([]);
      await session.advance(expected.until);
      const got = normalizeLog(events);
      const report = got.map((line, i) => `${matches(line, expected.log[i] ?? "") ? " " : "✗"} ${line}`).join("\n");
      expect(got.length, `log lines:\n${report}`).toBe(expected.log.length);
      got.forEach((line, i) => expect(matches(line, expected.log[i]), `line ${i + 1}:\n got:  ${line}\n want: ${expected.log[i]}\n\n${report}`).toBe(true));
    });
  }
});
