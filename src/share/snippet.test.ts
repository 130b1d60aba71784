import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyStepEdits, parseSnippet, parseSnippetJson } from "./snippet";
import type { Snippet } from "./snippetTypes";

/** A snippet that uses every field, so each rejection below changes exactly one thing. */
function full(): Snippet {
  return {
    title: "Counter survives recompile",
    files: {
      "App.Worker.ts": "export function handle_info(_m: unknown, state: number) { return ['noreply', state + 1]; }\n",
      "Main.ts": "export function start() {}\n",
    },
    main: "Main",
    script: [
      { at: 0, say: "Starting." },
      {
        at: 9500,
        patch: [{ file: "App.Worker.ts", find: "state + 1", replace: "state + 10" }],
        action: "recompile",
        say: "Recompile: same pid, same state, new code.",
      },
      { at: 9500, edit: { "App.Worker.ts": "export const vsn = 2;\n" }, action: "upgrade", extra: { step: [1, null, "x"] } },
      { at: 12000, eval: "sys.get_state(Process.whereis('counter'))" },
    ],
    checks: [{ at: 12000, eval: "sys.get_state('counter')", equals: { count: 3 }, say: "The count survived." }],
  };
}

/** `full()` with one change made by `change`, as plain JSON-ish data. */
function changed(change: (s: any) => void): unknown {
  const s = structuredClone(full()) as any;
  change(s);
  return s;
}

describe("parseSnippet", () => {
  it("accepts a multi-file snippet with a script and checks, and returns it unchanged", () => {
    expect(parseSnippet(full())).toEqual({ ok: true, snippet: full() });
  });

  it("accepts the smallest snippet: one file and main", () => {
    const result = parseSnippet({ files: { "Main.ts": "" }, main: "Main" });
    expect(result).toEqual({ ok: true, snippet: { files: { "Main.ts": "" }, main: "Main" } });
  });

  it("returns a copy, so later changes to the input do not reach the snippet", () => {
    const input = full();
    const result = parseSnippet(input);
    input.files["Main.ts"] = "changed";
    expect(result.ok && result.snippet.files["Main.ts"]).toBe("export function start() {}\n");
  });

  it("parses every conformance snippet as valid", () => {
    const dir = fileURLToPath(new URL("../../conformance/typescript/", import.meta.url));
    const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(names.length).toBe(7);
    for (const name of names) {
      const result = parseSnippetJson(readFileSync(`${dir}${name}/snippet.json`, "utf8"));
      expect(result, name).toMatchObject({ ok: true });
    }
  });

  const rejections: [string, unknown, string][] = [
    ["a snippet that is not an object", [1], "snippet must be an object, not an array"],
    ["an unknown top-level key", changed((s) => (s.mian = "Main")), 'snippet: unknown key "mian"'],
    ["a title that is not a string", changed((s) => (s.title = 3)), "title must be a string, not a number"],
    ["missing files", changed((s) => delete s.files), "files must be an object, not undefined"],
    ["an empty files object", changed((s) => (s.files = {})), "files must name at least one file"],
    ["file contents that are not a string", changed((s) => (s.files["App.Worker.ts"] = null)), 'files["App.Worker.ts"] must be a string, not null'],
    ["a file name without .ts", changed((s) => (s.files["Util.js"] = "")), 'files: file name "Util.js" must end in ".ts" (TypeScript) or ".ex" (Elixir)'],
    [
      "a file name that is not a module name",
      changed((s) => (s.files["my-util.ts"] = "")),
      'files: file name "my-util.ts" is not a module name: dot-separated parts of letters, digits and _, each starting with a letter',
    ],
    ["a module segment starting with a digit", changed((s) => (s.files["App.2.ts"] = "")), 'files: file name "App.2.ts" is not a module name: dot-separated parts of letters, digits and _, each starting with a letter'],
    ["a missing main", changed((s) => delete s.main), "main must be a non-empty string"],
    ["a main that names no file", changed((s) => (s.main = "Start")), 'main "Start" names no file: files has no "Start.ts"'],
    ["a main written with .ts", changed((s) => (s.main = "Main.ts")), 'main must be a module name without ".ts": "Main", not "Main.ts"'],
    ["a script that is not an array", changed((s) => (s.script = {})), "script must be an array, not an object"],
    ["a step that is not an object", changed((s) => (s.script[1] = "recompile")), "script[1] must be an object, not a string"],
    ["an unknown step key", changed((s) => (s.script[2].actoin = "upgrade")), 'script[2]: unknown key "actoin"'],
    ["a step without at", changed((s) => delete s.script[0].at), "script[0].at must be a non-negative number"],
    ["a negative at", changed((s) => (s.script[0].at = -1)), "script[0].at must be a non-negative number"],
    ["an infinite at", changed((s) => (s.script[0].at = Infinity)), "script[0].at must be a non-negative number"],
    ["an at given as a string", changed((s) => (s.script[0].at = "100")), "script[0].at must be a non-negative number"],
    [
      "steps out of time order",
      changed((s) => (s.script[3].at = 100)),
      "script[3].at (100) is earlier than script[2].at (9500): steps must be in time order",
    ],
    ["an unknown action", changed((s) => (s.script[1].action = "reload")), "script[1].action must be one of recompile, upgrade, restart"],
    ["an edit that is not an object", changed((s) => (s.script[2].edit = "x")), "script[2].edit must be an object, not a string"],
    ["an empty edit", changed((s) => (s.script[2].edit = {})), "script[2].edit must name at least one file"],
    ["an edit of a bad file name", changed((s) => (s.script[2].edit = { "App.worker.js": "" })), 'script[2].edit: file name "App.worker.js" must end in ".ts" (TypeScript) or ".ex" (Elixir)'],
    ["an edit whose source is not a string", changed((s) => (s.script[2].edit["App.Worker.ts"] = 1)), 'script[2].edit["App.Worker.ts"] must be a string, not a number'],
    ["a patch that is not an array", changed((s) => (s.script[1].patch = s.script[1].patch[0])), "script[1].patch must be an array, not an object"],
    ["an empty patch list", changed((s) => (s.script[1].patch = [])), "script[1].patch must hold at least one patch"],
    ["an unknown patch key", changed((s) => (s.script[1].patch[0].with = "x")), 'script[1].patch[0]: unknown key "with"'],
    ["a patch with an empty find", changed((s) => s.script[1].patch.push({ file: "Main.ts", find: "", replace: "" })), "script[1].patch[1].find must be a non-empty string"],
    ["a patch without replace", changed((s) => delete s.script[1].patch[0].replace), "script[1].patch[0].replace must be a string, not undefined"],
    ["a patch of a file that is not .ts", changed((s) => (s.script[1].patch[0].file = "App.Worker")), 'script[1].patch[0].file "App.Worker" must end in ".ts" (TypeScript) or ".ex" (Elixir)'],
    ["an empty eval", changed((s) => (s.script[3].eval = "")), "script[3].eval must be a non-empty string"],
    ["a say that is not a string", changed((s) => (s.script[0].say = ["hi"])), "script[0].say must be a string, not an array"],
    ["a step that does nothing", changed((s) => (s.script[0] = { at: 0 })), "script[0] does nothing: give at least one of edit, patch, action, eval, say"],
    ["extra without an upgrade", changed((s) => (s.script[1].extra = 1)), 'script[1].extra is only allowed with action "upgrade"'],
    ["extra that is not JSON", changed((s) => (s.script[2].extra = { step: [1, () => 0] })), 'script[2].extra.step[1] must be a JSON value, not a function'],
    ["checks that are not an array", changed((s) => (s.checks = "none")), "checks must be an array, not a string"],
    ["an unknown check key", changed((s) => (s.checks[0].expect = 3)), 'checks[0]: unknown key "expect"'],
    ["a check without at", changed((s) => delete s.checks[0].at), "checks[0].at must be a non-negative number"],
    ["a check without eval", changed((s) => delete s.checks[0].eval), "checks[0].eval must be a non-empty string"],
    ["a check without equals", changed((s) => delete s.checks[0].equals), "checks[0].equals is required (any JSON value)"],
    ["a check whose equals is not JSON", changed((s) => (s.checks[0].equals = NaN)), "checks[0].equals must be a JSON value, not NaN"],
    ["a check without say", changed((s) => delete s.checks[0].say), "checks[0].say must be a string, not undefined"],
  ];

  it.each(rejections)("rejects %s, naming the field", (_name, input, error) => {
    expect(parseSnippet(input)).toEqual({ ok: false, error });
  });

  it("rejects absurdly nested extra values instead of overflowing the stack", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200; i++) deep = [deep];
    const result = parseSnippet(changed((s) => (s.script[2].extra = deep)));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^script\[2\]\.extra(\[0\])+ is nested more than 100 levels deep$/) });
  });
});

describe("parseSnippetJson", () => {
  it("reports a JSON syntax error with its line and column", () => {
    const text = '{\n  "files": { "Main.ts": "" },\n  "main": "Main",\n}';
    expect(parseSnippetJson(text)).toEqual({
      ok: false,
      error: 'JSON syntax error at line 4, column 1: unexpected "}": expected a property name in double quotes',
      location: { line: 4, column: 1 },
    });
  });

  it("reports a snippet error in valid JSON the same way parseSnippet does", () => {
    expect(parseSnippetJson('{"files": {"Main.ts": ""}, "main": "Main", "script": [{"at": 0}]}')).toEqual({
      ok: false,
      error: "script[0] does nothing: give at least one of edit, patch, action, eval, say",
    });
  });

  it("parses what JSON.stringify wrote", () => {
    expect(parseSnippetJson(JSON.stringify(full()))).toEqual({ ok: true, snippet: full() });
  });
});

describe("applyStepEdits", () => {
  const files = { "A.ts": "let x = 1; let y = 1;\n", "B.ts": "b\n" };

  it("replaces whole files with edit, then patches the first occurrence only", () => {
    const result = applyStepEdits(files, {
      edit: { "B.ts": "let z = 1;\n", "C.ts": "new\n" },
      patch: [
        { file: "A.ts", find: "= 1", replace: "= 2" },
        { file: "B.ts", find: "z", replace: "w" },
      ],
    });
    expect(result).toEqual({ ok: true, files: { "A.ts": "let x = 2; let y = 1;\n", "B.ts": "let w = 1;\n", "C.ts": "new\n" } });
  });

  it("applies patches in order, each to the result of the ones before", () => {
    const result = applyStepEdits(files, {
      patch: [
        { file: "A.ts", find: "x = 1", replace: "x = 3" },
        { file: "A.ts", find: "= 1", replace: "= 4" },
      ],
    });
    expect(result).toEqual({ ok: true, files: { ...files, "A.ts": "let x = 3; let y = 4;\n" } });
  });

  it("inserts the replacement literally, with no meaning for $& or $1", () => {
    const result = applyStepEdits(files, { patch: [{ file: "B.ts", find: "b", replace: "$&$1" }] });
    expect(result.ok && result.files["B.ts"]).toBe("$&$1\n");
  });

  it("fails naming the file and the text when find is absent", () => {
    const result = applyStepEdits(files, { patch: [{ file: "A.ts", find: "state + 1", replace: "state + 5" }] });
    expect(result).toEqual({ ok: false, error: 'patch[0]: "A.ts" does not contain "state + 1"' });
  });

  it("fails naming the file when the patched file does not exist", () => {
    const result = applyStepEdits(files, { patch: [{ file: "Nope.ts", find: "x", replace: "y" }] });
    expect(result).toEqual({ ok: false, error: 'patch[0]: there is no file "Nope.ts" to patch' });
  });

  it("leaves the files it was given unchanged", () => {
    const before = structuredClone(files);
    applyStepEdits(files, { edit: { "A.ts": "" }, patch: [{ file: "B.ts", find: "b", replace: "c" }] });
    expect(files).toEqual(before);
  });
});

describe("snippet bounds", () => {
  const file = (chars: number) => "x".repeat(chars);
  it("refuses a snippet with too many files, naming the limit", () => {
    const files = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`M${i}.ts`, ""]));
    const r = parseSnippet({ files: { ...files, "Main.ts": "" }, main: "Main" });
    expect(r).toEqual({ ok: false, error: "too big: the snippet has 10,001 files; a snippet may have at most 50" });
  });

  it("refuses a file past the per-file bound, and a snippet past the total", () => {
    expect(parseSnippet({ files: { "Main.ts": file(300_000) }, main: "Main" })).toEqual({
      ok: false, error: "too big: Main.ts is 300 KB; one file may be at most 200 KB",
    });
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`M${i}.ts`, file(190_000)]));
    const r = parseSnippet({ files: { ...files, "Main.ts": "" }, main: "Main" });
    expect(r).toEqual({ ok: false, error: "too big: the snippet is 1,140 KB in all; a snippet may be at most 1,000 KB" });
  });

  it("accepts a snippet at the bounds", () => {
    const files = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`M${i}.ts`, file(20_000)]));
    expect(parseSnippet({ files: { ...files, "Main.ts": file(20_000) }, main: "Main" }).ok).toBe(true);
  });

  it("accepts a JSON file that starts with a byte-order mark", () => {
    const r = parseSnippetJson('\uFEFF{"files": {"Main.ts": "export function start() {}"}, "main": "Main"}');
    expect(r.ok).toBe(true);
  });
});
