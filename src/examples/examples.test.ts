/**
 * The built-in demos are lessons, so each must tell the truth, in Elixir and in its TypeScript
 * twin: its snippet is valid, it runs with every script step succeeding and every lesson check
 * green, and it fits in a share link.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../runtime/events";
import { Session } from "../session/session";
import { encodeSharePayload, parseShareHash } from "../share/shareUrl";
import { applyStepEdits, parseSnippet } from "../share/snippet";
import { about } from "./about";
import { type Lesson, demos, findDemo, findLesson, lessonKey, lessonKeyFor, lessons } from "./index";

const SHARE_PREFIX = "https://playground.example/#v1/";
const MAX_LINK = 2000;
const OFFICIAL_DOCS = /^https:\/\/(hexdocs\.pm|www\.erlang\.org)\//;

/** Type errors a demo means to show in the editor (the rest must type-check as written). */
const INTENDED_TYPE_ERRORS: Record<string, RegExp[]> = {
  "removed-function": [/^Ticker\.ts: Property 'label' does not exist/],
};

/** Type-checks editor files as the editor does (monacoSetup.ts): strict, otp types, bare imports are files. */
function typeErrors(files: Record<string, string>): string[] {
  const sources: Record<string, string> = {
    "/otp.d.ts": readFileSync(join(__dirname, "../ui/editor/otp.d.ts"), "utf8"),
    "/console.d.ts": "declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };",
  };
  for (const [name, text] of Object.entries(files)) sources[`/${name}`] = text;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10,
    baseUrl: "/", paths: { "*": ["*"] }, strict: true, noImplicitAny: false, lib: ["lib.es2022.d.ts"], types: [], noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const libFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) => (name in sources ? ts.createSourceFile(name, sources[name], lang) : libFile(name, lang));
  host.fileExists = (name) => name in sources || ts.sys.fileExists(name);
  host.readFile = (name) => sources[name] ?? ts.sys.readFile(name);
  const program = ts.createProgram(Object.keys(sources), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(1) ?? "?"}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

/** The files as they start, then after each script step that edits them. */
function fileVersions(snippet: Lesson["snippet"]): Record<string, string>[] {
  const versions = [snippet.files];
  for (const step of snippet.script ?? []) {
    if (!step.edit && !step.patch) continue;
    const edited = applyStepEdits(versions[versions.length - 1], step);
    if (!edited.ok) throw new Error(edited.error);
    versions.push(edited.files);
  }
  return versions;
}

async function play(snippet: Lesson["snippet"]) {
  const events: TraceEvent[] = [];
  const session = new Session({ esbuild, onEvent: (e) => events.push(e), elixir: {} });
  const started = await session.start(snippet);
  const times = [...(snippet.script ?? []), ...(snippet.checks ?? [])].map((s) => s.at);
  await session.advance(Math.max(0, ...times) + 1000);
  return { session, started, events };
}

describe("the built-in demos", () => {
  it("are ten, in teaching order, starting with the seed counter's recompile", () => {
    expect(demos.map((d) => d.id)).toEqual([
      "seed-recompile",
      "upgrade-code-change",
      "recompile-upgrade-restart",
      "modules-dont-own-processes",
      "loops-and-purge",
      "removed-function",
      "supervisor-crash",
      "links-monitors",
      "selective-receive",
      "call-timeout",
    ]);
  });

  it("have unique, URL-safe ids that an #example/<id> link can name", () => {
    const ids = demos.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    // boot.ts already opens #example/seed and #example/counter as the seed snippet.
    expect(ids).not.toContain("seed");
    expect(ids).not.toContain("counter");
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(parseShareHash(`#example/${id}`)).toEqual({ kind: "example", id });
      expect(parseShareHash(`#example/${id}/ts`)).toEqual({ kind: "example", id: `${id}/ts` });
    }
  });

  it("open in Elixir by their id, and in TypeScript by the id with /ts", () => {
    for (const demo of demos) {
      const elixir = findLesson(demo.id)!;
      expect(elixir.language).toBe("elixir");
      expect(Object.keys(elixir.snippet.files).every((f) => f.endsWith(".ex")), demo.id).toBe(true);
      const ts = findLesson(lessonKey(demo.id, "typescript"))!;
      expect(ts.key).toBe(`${demo.id}/ts`);
      expect(ts.language).toBe("typescript");
      expect(Object.keys(ts.snippet.files).every((f) => f.endsWith(".ts")), demo.id).toBe(true);
      // A draft that names the demo but holds the other language's files is that language's lesson.
      expect(lessonKeyFor(demo.id, ts.snippet.files)).toBe(ts.key);
      expect(lessonKeyFor(ts.key, elixir.snippet.files)).toBe(demo.id);
    }
    expect(findLesson("no-such-demo/ts")).toBeUndefined();
    expect(lessons).toHaveLength(demos.length * 2);
  });

  it("tell the same story in both languages: the same script times, actions and captions count", () => {
    for (const demo of demos) {
      const shape = (l: Lesson["snippet"]) => (l.script ?? []).map((s) => [s.at, s.action ?? null, s.eval !== undefined, s.say !== undefined, !!(s.edit || s.patch)]);
      expect(shape(demo.elixir.snippet), demo.id).toEqual(shape(demo.typescript.snippet));
      expect(demo.elixir.snippet.main).toBe(demo.typescript.snippet.main);
    }
  });

  it("are found by id, and an unknown id finds nothing", () => {
    for (const demo of demos) expect(findDemo(demo.id)).toBe(demo);
    expect(findDemo("no-such-demo")).toBeUndefined();
  });

  it("each have a title, a one-line summary and an explanation with official docs", () => {
    for (const { key: id, demo: { title, summary }, snippet, explanation } of lessons) {
      expect(title, id).not.toBe("");
      expect(snippet.title, id).toBe(title);
      expect(summary, id).not.toMatch(/\n/);
      expect(summary.length, id).toBeLessThanOrEqual(140);
      for (const text of [explanation.watch, explanation.why, explanation.beam]) expect(text.length, id).toBeGreaterThan(40);
      expect(explanation.docs.length, id).toBeGreaterThan(0);
      for (const doc of explanation.docs) {
        expect(doc.label, id).not.toBe("");
        expect(doc.url, id).toMatch(OFFICIAL_DOCS);
      }
    }
  });

  for (const demo of lessons) {
    describe(demo.key, () => {
      it("passes strict snippet validation unchanged", () => {
        const parsed = parseSnippet(demo.snippet);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.snippet).toEqual(demo.snippet);
      });

      it("has a timed story: captions, checks, and a timeline under 15 s", () => {
        const { script = [], checks = [] } = demo.snippet;
        expect(script.filter((s) => s.say).length).toBeGreaterThanOrEqual(2);
        expect(checks.length).toBeGreaterThanOrEqual(1);
        for (const step of [...script, ...checks]) expect(step.at).toBeLessThan(15_000);
      });

      it("runs with every script step succeeding and every check reported green", async () => {
        const { session, started, events } = await play(demo.snippet);
        expect(started.diagnostics).toEqual([]);
        expect(started.ok).toBe(true);
        expect(events.filter((e) => e.type === "compile_error")).toEqual([]);
        expect(events.filter((e) => e.type === "action" && !e.ok)).toEqual([]);
        expect(session.checksPending()).toEqual([]);
        const failed = [...session.checkResults.values()].filter((c) => !c.ok);
        expect(failed.map((c) => `${c.say}: expected ${c.expected}, got ${c.got}`)).toEqual([]);
        expect(session.checkResults.size).toBe(demo.snippet.checks?.length);
        const says = events.filter((e) => e.type === "say").length;
        expect(says).toBe(demo.snippet.script?.filter((s) => s.say !== undefined).length);
      });

      it.skipIf(demo.language !== "typescript")("type-checks in the editor at every step, apart from errors it means to show", () => {
        const intended = INTENDED_TYPE_ERRORS[demo.demo.id] ?? [];
        const errors = fileVersions(demo.snippet).flatMap(typeErrors);
        expect(errors.filter((e) => !intended.some((re) => re.test(e)))).toEqual([]);
        for (const re of intended) expect(errors.some((e) => re.test(e)), String(re)).toBe(true);
      });

      it(`fits in a share link of at most ${MAX_LINK} characters`, async () => {
        const link = SHARE_PREFIX + (await encodeSharePayload(demo.snippet));
        expect(link.length).toBeLessThanOrEqual(MAX_LINK);
      });
    });
  }
});

describe("the About page", () => {
  it("has sections with headings and paragraphs: how it maps to the BEAM, how to take a lesson to Elixir, how it differs, the TypeScript twins", () => {
    expect(about.title).not.toBe("");
    for (const section of about.sections) {
      expect(section.heading).not.toBe("");
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const p of section.paragraphs) expect(p.trim()).not.toBe("");
    }
    const headings = about.sections.map((s) => s.heading);
    expect(headings).toContain("Where it deliberately differs");
    expect(headings).toContain("await stands for receive");
    expect(headings).toContain("Take a lesson to real Elixir");
    expect(headings).toContain("The TypeScript twins");
  });

  it("names the Elixir and Erlang functions a learner meets in IEx", () => {
    const text = about.sections.flatMap((s) => s.paragraphs).join("\n");
    for (const name of ["recompile()", "r(Mod)", "code_change/3", ":sys.suspend/1", ":sys.change_code/4", ":sys.resume/1", ":code.purge/1", "GenServer.call/3", "iex -S mix", "#example/<id>/ts"])
      expect(text, name).toContain(name);
  });
});
