/**
 * `inspect` as Elixir 1.14 prints terms on one line (`Kernel.inspect/1`): `:ok`, `Foo.Bar`,
 * `"text"` with escapes, `'hi'` for printable ASCII charlists, `[a: 1]`, `%{a: 1}` /
 * `%{"a" => 1}` with keys in term order, `%Mod{…}` with fields in definition order,
 * `1.0e20`, `#PID<0.102.0>`, `1..3`, `MapSet.new([1, 2])`. Collections show at most `limit`
 * items (50, as Elixir's default) then `...`. The cases are recorded from the real Elixir in
 * inspect.fixture.json.
 */
import { Pid, Ref, Stacktrace } from "../terms";
import { isActivation } from "../activation";
import { Bin, Cons, EMPTY, EMap, Float, structInfo } from "./terms";

export type InspectOptions = { limit?: number; charlists?: "infer" | "as_lists" };

export function inspect(term: unknown, opts: InspectOptions = {}): string {
  return show(term, opts.limit ?? 50, opts.charlists ?? "infer", 0);
}

// ── atoms ────────────────────────────────────────────────────────────────────────────────

const IDENTIFIER = /^[\p{Ll}_][\p{L}\p{N}_@]*[?!]?$/u;
const ALIAS_SEGMENT = /^[A-Z][A-Za-z0-9_]*$/;
const UPPER_ATOM = /^[\p{Lu}][\p{L}\p{N}_@]*[?!]?$/u;
/** Atoms Elixir prints bare after `:` because they are operators or special forms. */
const OPERATORS = new Set([
  "+", "-", "*", "/", "++", "--", "+++", "---", "<>", "..", "...", "..//", "!", "^", "&", "&&", "&&&", "||", "|||",
  "==", "!=", "===", "!==", "=~", "<", ">", "<=", ">=", "=", "|>", "<<<", ">>>", "<<~", "~>>", "<~", "~>", "<~>",
  "<|>", "~~~", "^^^", "@", "\\\\", "->", "<-", "%", "%{}", "{}", "<<>>", "::", "|", ".", "when", "in", "not", "and", "or",
]);

/** Elixir's spelling of an atom's text when it needs no quotes (`foo?`, `Foo`, `+`), else null. */
function bareAtom(text: string): string | null {
  if (IDENTIFIER.test(text) || UPPER_ATOM.test(text)) return text;
  if (OPERATORS.has(text) && text !== "//" && text !== "::" && text !== "|" && text !== ".") return text;
  return null;
}

/** The alias an `Elixir.`-prefixed atom prints as (`Foo.Bar`), or null. */
function aliasOf(text: string): string | null {
  if (text === "Elixir") return "Elixir";
  if (!text.startsWith("Elixir.")) return null;
  const rest = text.slice(7);
  return rest.split(".").every((s) => ALIAS_SEGMENT.test(s)) ? rest : null;
}

export function inspectAtom(a: string | boolean | null): string {
  if (a === null) return "nil";
  if (typeof a === "boolean") return a ? "true" : "false";
  const alias = aliasOf(a);
  if (alias) return alias;
  const bare = bareAtom(a);
  return bare !== null ? `:${bare}` : `:"${escape(a, '"')}"`;
}

/** A keyword key (`a:`, `"a b":`), or null when the atom cannot be one (an alias). */
function keywordKey(a: string | boolean | null): string | null {
  const text = a === null ? "nil" : String(a);
  if (text.startsWith("Elixir.")) return null;
  const bare = bareAtom(text);
  return bare !== null ? `${bare}:` : `"${escape(text, '"')}":`;
}

// ── strings ──────────────────────────────────────────────────────────────────────────────

const ESCAPES: Record<number, string> = { 10: "\\n", 9: "\\t", 13: "\\r", 11: "\\v", 8: "\\b", 12: "\\f", 27: "\\e", 7: "\\a", 127: "\\d" };

/** Escapes text for inside `quote` quotes, as Elixir does (`\n`, `\e`, `\#{`, `\uFEFF`). */
function escape(s: string, quote: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (s[i] === quote || s[i] === "\\") out += "\\" + s[i];
    else if (s[i] === "#" && s[i + 1] === "{") out += "\\#";
    else if (c === 0xfeff) out += "\\uFEFF";
    else out += s[i];
  }
  return out;
}

/** String.printable? of Elixir 1.14. */
function printable(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c < 0x7f) continue;
    if (ESCAPES[c]) continue;
    if (c >= 0xa0 && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff) continue;
    return false;
  }
  return true;
}

export function utf8Bytes(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

export function inspectString(s: string): string {
  if (printable(s)) return `"${escape(s, '"')}"`;
  return `<<${utf8Bytes(s).join(", ")}>>`;
}

/** List.ascii_printable? (1.14): a charlist prints as 'text' only when all of it is. */
function asciiPrintable(items: unknown[]): boolean {
  for (const c of items) {
    if (typeof c !== "number") return false;
    if ((c >= 0x20 && c < 0x7f) || (ESCAPES[c] && c !== 127)) continue;
    return false;
  }
  return true;
}

// ── numbers ──────────────────────────────────────────────────────────────────────────────

/** A float as Erlang's shortest round-trip form: `1.0`, `0.1`, `1.0e20`, `1.0e-5`. */
export function formatFloat(v: number): string {
  if (Object.is(v, -0)) return "-0.0";
  if (v === 0) return "0.0";
  const [mant, expPart] = Math.abs(v).toExponential().split("e");
  const exp = Number(expPart);
  const digits = mant.replace(".", "");
  const sign = v < 0 ? "-" : "";
  if (exp >= -4 && exp < 16) {
    let text: string;
    if (exp >= 0) {
      const whole = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1) || "0";
      text = `${whole}.${frac}`;
    } else text = `0.${"0".repeat(-exp - 1)}${digits}`;
    return sign + text;
  }
  const frac = digits.slice(1) || "0";
  return `${sign}${digits[0]}.${frac}e${exp}`;
}

// ── terms ────────────────────────────────────────────────────────────────────────────────

type CharlistMode = "infer" | "as_lists";

function items(shown: string[], total: number, limit: number): string {
  return total > limit ? [...shown, "..."].join(", ") : shown.join(", ");
}

function show(t: unknown, limit: number, cl: CharlistMode, depth: number): string {
  switch (typeof t) {
    case "number":
      return Object.is(t, -0) ? "0" : String(t);
    case "bigint":
      return t.toString();
    case "string":
    case "boolean":
      return inspectAtom(t);
    case "undefined":
      return "nil";
    case "function":
      return inspectFun(t as (...a: unknown[]) => unknown);
  }
  if (t === null) return "nil";
  if (depth > 100) return "...";
  if (t instanceof Bin) return inspectString(t.s);
  if (t instanceof Float) return formatFloat(t.v);
  if (Array.isArray(t)) {
    const shown = t.slice(0, limit).map((x) => show(x, limit, cl, depth + 1));
    return `{${items(shown, t.length, limit)}}`;
  }
  if (t === EMPTY) return "[]";
  if (t instanceof Cons) return showList(t, limit, cl, depth);
  if (t instanceof EMap) return showMap(t, limit, cl, depth);
  if (t instanceof Pid || t instanceof Ref || t instanceof Stacktrace) return t.toString();
  if (isActivation(t)) return `#Pending<${t.name}>`;
  if (t instanceof Error) return `%${t.name}{message: ${inspectString(t.message)}}`;
  return String(t);
}

function showList(l: Cons, limit: number, cl: CharlistMode, depth: number): string {
  const elems: unknown[] = [];
  let c: unknown = l;
  while (c instanceof Cons) {
    elems.push(c.head);
    c = c.tail;
  }
  if (c !== EMPTY) {
    // An improper list: [1, 2 | 3].
    const shown = elems.slice(0, limit).map((x) => show(x, limit, cl, depth + 1));
    return elems.length > limit ? `[${items(shown, elems.length, limit)}]` : `[${shown.join(", ")} | ${show(c, limit, cl, depth + 1)}]`;
  }
  if (cl === "infer" && asciiPrintable(elems)) return `'${escape(String.fromCharCode(...(elems as number[])), "'")}'`;
  if (isKeyword(elems)) {
    const shown = elems.slice(0, limit).map((e) => {
      const [k, v] = e as [string, unknown];
      return `${keywordKey(k)} ${show(v, limit, cl, depth + 1)}`;
    });
    return `[${items(shown, elems.length, limit)}]`;
  }
  const shown = elems.slice(0, limit).map((x) => show(x, limit, cl, depth + 1));
  return `[${items(shown, elems.length, limit)}]`;
}

/** A list of `{atom, value}` pairs whose keys can be written `key:` (Inspect.List.keyword?). */
function isKeyword(elems: unknown[]): boolean {
  if (elems.length === 0) return false;
  for (const e of elems) {
    if (!Array.isArray(e) || e.length !== 2) return false;
    const k = e[0];
    if (!(typeof k === "string" || typeof k === "boolean" || k === null)) return false;
    if (typeof k === "string" && k.startsWith("Elixir.")) return false;
  }
  return true;
}

function showMap(m: EMap, limit: number, cl: CharlistMode, depth: number): string {
  const struct = m.structName;
  if (struct !== null) return showStruct(m, struct, limit, cl, depth);
  const entries = m.entries();
  const atomKeys = entries.every(([k]) => (typeof k === "string" || typeof k === "boolean" || k === null) && keywordKey(k) !== null);
  const shown = entries.slice(0, limit).map(([k, v]) =>
    atomKeys ? `${keywordKey(k as string)} ${show(v, limit, cl, depth + 1)}` : `${show(k, limit, cl, depth + 1)} => ${show(v, limit, cl, depth + 1)}`,
  );
  return `%{${items(shown, entries.length, limit)}}`;
}

function showStruct(m: EMap, struct: string, limit: number, cl: CharlistMode, depth: number): string {
  const name = show(struct, limit, cl, depth);
  if (struct === "Elixir.Range" && m.size === 4) {
    const [first, last, step] = [m.get("first"), m.get("last"), m.get("step")];
    const range = `${show(first, limit, cl, depth)}..${show(last, limit, cl, depth)}`;
    const defaultStep = step === 1 && (first as number) <= (last as number);
    return defaultStep ? range : `${range}//${show(step, limit, cl, depth)}`;
  }
  if (struct === "Elixir.MapSet" && m.get("map") instanceof EMap) {
    const keys = (m.get("map") as EMap).keys();
    const shown = keys.slice(0, limit).map((x) => show(x, limit, cl, depth + 1));
    return `MapSet.new([${items(shown, keys.length, limit)}])`;
  }
  const declared = structInfo(struct)?.fields;
  const hidden = m.get("__exception__") === true ? 2 : 1;
  const fields = declared && declared.every((f) => m.has(f)) && m.size === declared.length + hidden
    ? declared
    : m.keys().filter((k) => k !== "__struct__" && k !== "__exception__") as string[];
  const shown = fields.slice(0, limit).map((f) => `${keywordKey(f)} ${show(m.get(f), limit, cl, depth + 1)}`);
  return `%${name}{${items(shown, fields.length, limit)}}`;
}

/**
 * A fun: `&Mod.fun/arity` for a capture the compiler tagged (`fn.elixir = {capture: "Enum.map/2"}`),
 * else `#Function<fn/arity in Mod.f/1>`. The BEAM's numbers (`0.1234`) are left out: they name
 * code on the BEAM and would only make runs differ here.
 */
export function inspectFun(f: (...a: unknown[]) => unknown): string {
  const tag = (f as { elixir?: { capture?: string; where?: string } }).elixir;
  if (tag?.capture) return `&${tag.capture}`;
  const arity = (f as { arity?: number }).arity ?? f.length;
  return `#Function<fn/${arity}${tag?.where ? ` in ${tag.where}` : ""}>`;
}
