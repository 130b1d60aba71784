/**
 * Runs every Elixir scenario of conformance/elixir (recorded from the real BEAM by
 * `npm run test:beam`, scripts/beam/) through a Session and compares its log with expected.json,
 * line for line: times exact (the recording's are on the scenario's grain), pids, references
 * and funs normalised the same way on both sides (scripts/beam/normalize.ts).
 *
 * Until the Elixir compiler exists (its entry point: src/compiler/elixir/index.ts, or
 * compileFile.ts, the one the session uses), the scenarios are listed as todo; from the moment
 * it exists, every scenario runs and must match: none is skipped. The few that still differ are
 * named, with why, in conformance/elixir/known-differences.json: they run too, and their test
 * fails the day they match (then their line goes).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { normalizeLines } from "../../scripts/beam/normalize";
import { SCENARIOS, scenarioNames } from "../../scripts/beam/scenarios";
import type { TraceEvent } from "../runtime/events";
import { parseSnippet } from "../share/snippet";
import { Session } from "./session";

const ENTRY_POINTS = ["index", "compileFile"];
const compilerEntry = ENTRY_POINTS.find((name) => existsSync(join(__dirname, `../compiler/elixir/${name}.ts`)));
const compilerLanded = compilerEntry !== undefined;
const names = scenarioNames();

type Expected = { until: number; grain: number; log: string[] };

const KNOWN: Record<string, string> = (JSON.parse(readFileSync(join(SCENARIOS, "known-differences.json"), "utf8")) as { differences: Record<string, string> }).differences;

function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(SCENARIOS, name, "expected.json"), "utf8")) as Expected;
}

describe("conformance with the BEAM (conformance/elixir)", () => {
  it("holds at least 27 scenarios, each with its snippet and its recording", () => {
    expect(names.length, `scenarios in ${SCENARIOS}`).toBeGreaterThanOrEqual(27);
    for (const name of names) {
      expect(existsSync(join(SCENARIOS, name, "snippet.json")), `${name}/snippet.json`).toBe(true);
      const expected = expectedOf(name);
      expect(expected.log.length, `${name} has log lines`).toBeGreaterThan(0);
      for (const line of expected.log) {
        const t = Number(line.slice(0, line.indexOf(" ")));
        expect(t % expected.grain, `${name}: "${line}" is on the ${expected.grain} ms grain`).toBe(0);
      }
    }
  });

  if (!compilerLanded) {
    for (const name of names)
      it.todo(`${name} prints what the BEAM printed (waits for the Elixir compiler: src/compiler/elixir/index.ts or compileFile.ts)`);
    return;
  }

  it("finds the Elixir compiler's entry point", async () => {
    const path = `../compiler/elixir/${compilerEntry}`;
    const compiler = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    const compile = Object.entries(compiler).find(([name, v]) => typeof v === "function" && name.startsWith("compile"));
    expect(compile, `src/compiler/elixir/${compilerEntry}.ts exports a compile function`).toBeDefined();
  });

  it("lists as known differences only scenarios that exist", () => {
    for (const name of Object.keys(KNOWN)) expect(names, `known-differences.json names ${name}`).toContain(name);
  });

  for (const name of names) {
    const title = KNOWN[name] ? `${name} still differs from the BEAM (known: ${KNOWN[name]})` : `${name} prints what the BEAM printed, line for line`;
    (KNOWN[name] ? it.fails : it)(title, async () => {
      const parsed = parseSnippet(JSON.parse(readFileSync(join(SCENARIOS, name, "snippet.json"), "utf8")));
      if (!parsed.ok) throw new Error(parsed.error);
      const expected = expectedOf(name);
      const events: TraceEvent[] = [];
      // Node needs nothing of an Elixir host (the parser comes from node_modules), but says it has one.
      const elixirHost = { elixir: {} };
      const session = new Session({ esbuild, onEvent: (e) => events.push(e), ...elixirHost });
      const started = await session.start(parsed.snippet);
      expect(started.diagnostics).toEqual([]);
      await session.advance(expected.until);
      const log = events.filter((e): e is Extract<TraceEvent, { type: "log" }> => e.type === "log" && e.prompt === undefined && e.t < expected.until);
      const got = normalizeLines(log.map((e) => ({ t: e.t, text: e.text })));
      const report = [...got.map((line, i) => `${line === expected.log[i] ? " " : "✗"} ${line}`),
        ...expected.log.slice(got.length).map((line) => `  (missing) ${line}`)].join("\n");
      expect(got, `log (✗ = differs from the BEAM):\n${report}`).toEqual(expected.log);
    });
  }
});
