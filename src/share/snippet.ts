/**
 * Snippet validation (SPEC §5): turns untrusted input (a share link, an example, a CLI file) into a
 * `Snippet`, or into one message that names the bad field, like esbuild's `mustBeX` option checks.
 * Unknown keys are rejected by name, so a typo such as "actoin" is reported instead of silently
 * doing nothing. Nothing here throws; a failure is `{ ok: false, error }`.
 *
 * `applyStepEdits` lives here too: it is the one place that turns a step's `edit`/`patch` into files.
 */
import { parseJson, type JsonLocation } from "./json";
import { boundsError } from "./snippetBounds";
import type { Action, Check, Patch, ScriptStep, Snippet } from "./snippetTypes";

export type SnippetResult = { ok: true; snippet: Snippet } | { ok: false; error: string };
export type SnippetJsonResult = SnippetResult | { ok: false; error: string; location?: JsonLocation };
export type Files = Record<string, string>;
export type FilesResult = { ok: true; files: Files } | { ok: false; error: string };

const SNIPPET_KEYS = ["title", "files", "main", "script", "checks"];
const STEP_KEYS = ["at", "edit", "patch", "action", "eval", "say", "extra"];
const PATCH_KEYS = ["file", "find", "replace"];
const CHECK_KEYS = ["at", "eval", "equals", "say"];
const ACTIONS: readonly Action[] = ["recompile", "upgrade", "restart"];
/** `App.Worker.ts`: dot-separated segments of letters, digits and _, each starting with a letter. */
const MODULE_FILE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*\.ts$/;
/** `counter.ex`, `lib/my_app/worker.ex`: an Elixir file (its modules are named by defmodule). */
const ELIXIR_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.\-]*(\/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*\.ex$/;
/** Deeper `extra`/`equals` values are surely a mistake, and the limit keeps the check off the stack's edge. */
const MAX_JSON_DEPTH = 100;

export function parseSnippet(input: unknown): SnippetResult {
  try {
    const snippet = snippetOf(input);
    const tooBig = boundsError(snippet);
    return tooBig ? { ok: false, error: `too big: ${tooBig}` } : { ok: true, snippet };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Parses JSON text, then the snippet; a syntax error carries its line and column. */
export function parseSnippetJson(text: string): SnippetJsonResult {
  // A byte-order mark (some Windows editors write one) is not part of the JSON.
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return json.ok ? parseSnippet(json.value) : json;
}

/**
 * Applies a step's `edit` (whole files, added or replaced), then its `patch`es in order, each to
 * the result of the ones before. A patch replaces the FIRST occurrence of `find`; an absent
 * `find` is an error, since a script that silently stops changing the code would mislead.
 * The input is not modified.
 */
export function applyStepEdits(files: Readonly<Files>, step: Pick<ScriptStep, "edit" | "patch">): FilesResult {
  const out: Files = { ...files, ...step.edit };
  for (const [i, { file, find, replace }] of (step.patch ?? []).entries()) {
    if (!Object.hasOwn(out, file)) return { ok: false, error: `patch[${i}]: there is no file ${quote(file)} to patch` };
    const source = out[file];
    const at = source.indexOf(find);
    if (at < 0) return { ok: false, error: `patch[${i}]: ${quote(file)} does not contain ${quote(find)}` };
    // Splice by index, not String.replace: that would give "$&" and "$1" in `replace` a meaning.
    out[file] = source.slice(0, at) + replace + source.slice(at + find.length);
  }
  return { ok: true, files: out };
}

/** Thrown by the checks below and caught only in `parseSnippet`, so the first bad field wins. */
class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function snippetOf(input: unknown): Snippet {
  const obj = mustBeObject(input, "snippet");
  mustHaveOnlyKeys(obj, SNIPPET_KEYS, "snippet");
  const title = obj.title === undefined ? undefined : mustBeString(obj.title, "title");
  const files = filesOf(obj.files, "files");
  const main = mainOf(obj.main, files);
  const script = obj.script === undefined ? undefined : mustBeArray(obj.script, "script").map(stepOf);
  script?.forEach((step, i) => {
    const before = script[i - 1];
    if (before && step.at < before.at)
      fail(`script[${i}].at (${step.at}) is earlier than script[${i - 1}].at (${before.at}): steps must be in time order`);
  });
  const checks = obj.checks === undefined ? undefined : mustBeArray(obj.checks, "checks").map(checkOf);
  // Only the keys that were given, so a parsed snippet round-trips to the same JSON.
  return { ...(title !== undefined && { title }), files, main, ...(script && { script }), ...(checks && { checks }) };
}

function filesOf(value: unknown, path: string): Files {
  const obj = mustBeObject(value, path);
  const names = Object.keys(obj);
  if (names.length === 0) fail(`${path} must name at least one file`);
  const files: Files = {};
  for (const name of names) {
    mustBeModuleFile(name, `${path}: file name`);
    files[name] = mustBeString(obj[name], keyPath(path, name));
  }
  const elixir = names.filter((n) => n.endsWith(".ex")).length;
  if (elixir > 0 && elixir < names.length) fail(`${path} mixes .ex and .ts files: a snippet is written in one language`);
  return files;
}

function mainOf(value: unknown, files: Files): string {
  const main = mustBeNonEmptyString(value, "main");
  if (Object.keys(files).some((f) => f.endsWith(".ex"))) {
    // An Elixir snippet: main names a module defined somewhere in its files (`Main`).
    if (!/^[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)*$/.test(main)) fail(`main must be an Elixir module name like "Main", not ${quote(main)}`);
    return main;
  }
  if (Object.hasOwn(files, `${main}.ts`)) return main;
  if (main.endsWith(".ts") && Object.hasOwn(files, main))
    fail(`main must be a module name without ".ts": ${quote(main.slice(0, -3))}, not ${quote(main)}`);
  return fail(`main ${quote(main)} names no file: files has no ${quote(`${main}.ts`)}`);
}

function stepOf(value: unknown, index: number): ScriptStep {
  const path = `script[${index}]`;
  const obj = mustBeObject(value, path);
  mustHaveOnlyKeys(obj, STEP_KEYS, path);
  const step: ScriptStep = { at: mustBeTime(obj.at, `${path}.at`) };
  if (obj.edit !== undefined) step.edit = filesOf(obj.edit, `${path}.edit`);
  if (obj.patch !== undefined) step.patch = mustBeArray(obj.patch, `${path}.patch`).map((p, i) => patchOf(p, `${path}.patch[${i}]`));
  if (step.patch?.length === 0) fail(`${path}.patch must hold at least one patch`);
  if (obj.action !== undefined) step.action = mustBeAction(obj.action, `${path}.action`);
  if (obj.eval !== undefined) step.eval = mustBeNonEmptyString(obj.eval, `${path}.eval`);
  if (obj.say !== undefined) step.say = mustBeString(obj.say, `${path}.say`);
  if (obj.extra !== undefined) {
    if (step.action !== "upgrade") fail(`${path}.extra is only allowed with action "upgrade"`);
    step.extra = mustBeJson(obj.extra, `${path}.extra`);
  }
  if (!["edit", "patch", "action", "eval", "say"].some((key) => key in step))
    fail(`${path} does nothing: give at least one of edit, patch, action, eval, say`);
  return step;
}

function patchOf(value: unknown, path: string): Patch {
  const obj = mustBeObject(value, path);
  mustHaveOnlyKeys(obj, PATCH_KEYS, path);
  const file = mustBeString(obj.file, `${path}.file`);
  mustBeModuleFile(file, `${path}.file`);
  const find = mustBeNonEmptyString(obj.find, `${path}.find`);
  return { file, find, replace: mustBeString(obj.replace, `${path}.replace`) };
}

function checkOf(value: unknown, index: number): Check {
  const path = `checks[${index}]`;
  const obj = mustBeObject(value, path);
  mustHaveOnlyKeys(obj, CHECK_KEYS, path);
  const at = mustBeTime(obj.at, `${path}.at`);
  const evalText = mustBeNonEmptyString(obj.eval, `${path}.eval`);
  if (obj.equals === undefined) fail(`${path}.equals is required (any JSON value)`);
  const equals = mustBeJson(obj.equals, `${path}.equals`);
  return { at, eval: evalText, equals, say: mustBeString(obj.say, `${path}.say`) };
}

// ---- The mustBeX checks: each returns the value with its type, or fails naming `path`.

type Obj = Record<string, unknown>;

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function mustBeObject(value: unknown, path: string): Obj {
  return isPlainObject(value) ? value : fail(`${path} must be an object, not ${kindOf(value)}`);
}

function mustHaveOnlyKeys(obj: Obj, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(`${path}: unknown key ${quote(key)}`);
}

function mustBeArray(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(`${path} must be an array, not ${kindOf(value)}`);
}

function mustBeString(value: unknown, path: string): string {
  return typeof value === "string" ? value : fail(`${path} must be a string, not ${kindOf(value)}`);
}

function mustBeNonEmptyString(value: unknown, path: string): string {
  return typeof value === "string" && value !== "" ? value : fail(`${path} must be a non-empty string`);
}

function mustBeTime(value: unknown, path: string): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : fail(`${path} must be a non-negative number`);
}

function mustBeAction(value: unknown, path: string): Action {
  return ACTIONS.includes(value as Action) ? (value as Action) : fail(`${path} must be one of ${ACTIONS.join(", ")}`);
}

function mustBeModuleFile(name: string, path: string): void {
  if (name.endsWith(".ex")) {
    if (!ELIXIR_FILE.test(name)) fail(`${path} ${quote(name)} is not a file name: letters, digits, _, - and . (folders with /), ending in .ex`);
    return;
  }
  if (!name.endsWith(".ts")) fail(`${path} ${quote(name)} must end in ".ts" (TypeScript) or ".ex" (Elixir)`);
  if (!MODULE_FILE.test(name))
    fail(`${path} ${quote(name)} is not a module name: dot-separated parts of letters, digits and _, each starting with a letter`);
}

/** `extra` and `equals` travel in share links, so they must survive JSON.stringify unchanged. */
function mustBeJson(value: unknown, path: string, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) fail(`${path} is nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) value.forEach((item, i) => mustBeJson(item, `${path}[${i}]`, depth + 1));
  else if (isPlainObject(value)) Object.entries(value).forEach(([k, v]) => mustBeJson(v, keyPath(path, k), depth + 1));
  else fail(`${path} must be a JSON value, not ${kindOf(value)}`);
  return value;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "object") return isPlainObject(value) ? "an object" : "a non-plain object";
  return `${/^[aeiou]/.test(typeof value) ? "an" : "a"} ${typeof value}`;
}

/** `extra.step`, but `files["App.Worker.ts"]`: the path reads like the JavaScript that reaches the value. */
function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** JSON-quoted, and cut short: a `find` can be a whole function. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
