/**
 * A built-in snippet's precompiled table is all its replay needs: played from the table alone (a
 * compiler that refuses every call behind it) it gives the very events of a compiled run; a file
 * the table does not know goes to the real compiler.
 */
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../runtime/events";
import { Session, type EsbuildLike } from "../session/session";
import { StandbyCompiler } from "../compiler/precompiled";
import type { Snippet } from "../share/snippetTypes";
import { builtInSnippet, precompileSnippet, precompiledIds } from "./precompile";
import { typescriptSeedSnippet } from "./seed";

/**
 * The events at each virtual ms, in a canonical order: an action's own `action` event may come
 * before or after the work it owes at that ms (Session.runNow finishes it in wall-clock slices),
 * which is the only thing allowed to differ between two runs of the same snippet.
 */
function canonical(events: { t: number }[]): string[] {
  return events.map((e) => JSON.stringify(e)).map((json, i) => ({ t: events[i].t, json })).sort((a, b) => a.t - b.t || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0)).map((e) => e.json);
}

const noCompiler: EsbuildLike = {
  transform: () => Promise.reject(new Error("the compiler was asked")),
};

async function play(snippet: Snippet, compiler: EsbuildLike): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const session = new Session({ esbuild: compiler, onEvent: (e) => events.push(e), traceSends: true });
  await session.start(snippet);
  const last = Math.max(0, ...(snippet.script ?? []).map((s) => s.at), ...(snippet.checks ?? []).map((c) => c.at));
  await session.advance(last + 2000);
  return events;
}

describe("precompiled built-in snippets", () => {
  for (const id of precompiledIds) {
    it(`${id} replays from its table alone with the same events as a compiled run`, async () => {
      const snippet = builtInSnippet(id)!;
      const table = await precompileSnippet(snippet);
      const standby = new StandbyCompiler(noCompiler, () => Promise.reject(new Error("no compiler here")));
      standby.use(table);
      // An Elixir lesson's front end (parser and Elixir compiler) is answered from the table too.
      const frontEndRuns: unknown[] = [];
      const fromTableMemo = standby.memo.bind(standby);
      standby.memo = (key, compute) => fromTableMemo(key, () => (frontEndRuns.push(key), compute()));
      const fromTable = await play(snippet, standby);
      expect(frontEndRuns).toEqual([]);
      const compiled = await play(snippet, esbuild);
      expect(fromTable.length).toBeGreaterThan(0);
      expect(canonical(fromTable)).toEqual(canonical(compiled));
    });
  }

  it("sends a TypeScript source it does not know to the real compiler, started on demand", async () => {
    const snippet = typescriptSeedSnippet;
    const table = await precompileSnippet(snippet);
    let starts = 0;
    const standby = new StandbyCompiler(esbuild, async () => void starts++);
    standby.use(table);
    await play(snippet, standby);
    expect(starts).toBe(0);
    const edited = { ...snippet, files: { ...snippet.files, "Counter.ts": snippet.files["Counter.ts"].replace("state + 1", "state + 7") } };
    const events = await play(edited, standby);
    expect(starts).toBe(1);
    expect(events.some((e) => e.type === "log" && /Counter: 8\b/.test(e.text))).toBe(true);
  });

  it("compiles an Elixir source it does not know without ever starting esbuild", async () => {
    const snippet = builtInSnippet("seed")!;
    const table = await precompileSnippet(snippet);
    let starts = 0;
    const standby = new StandbyCompiler(noCompiler, async () => void starts++);
    standby.use(table);
    // The seed is Elixir: the counter starts at 0, so its first tick with step 7 logs 7.
    const edited = { ...snippet, files: { ...snippet.files, "counter.ex": snippet.files["counter.ex"].replace("state + 1", "state + 7") } };
    const events = await play(edited, standby);
    expect(starts).toBe(0);
    expect(events.some((e) => e.type === "log" && /Counter: 7\b/.test(e.text))).toBe(true);
  });
});
