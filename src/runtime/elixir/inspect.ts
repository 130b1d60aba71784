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
import { type Doc, concat, containerDoc, format, group, tailDoc } from "./pretty";
import { Bin, Cons, EMPTY, EMap, Float, list, structInfo } from "./terms";

/** `width`: lay out in that many columns, as `IO.inspect` (80) and `inspect(t, pretty: true)` do. */
export type InspectOptions = { limit?: number; charlists?: "infer" | "as_lists"; width?: number };

export function inspect(term: unknown, opts: InspectOptions = {}): string {
  if (typeof term === "number" && Number.isInteger(term) && !Object.is(term, -0)) return String(term);
  if (typeof term === "string") return inspectAtom(term);
  return format(group(toDoc(term, opts.limit ?? 50, opts.charlists ?? "infer", 0)), opts.width ?? Infinity);
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

/**
 * Inspect.Algebra.container_each: at most `limit` items then "...", each item printed with the
 * limit left after it (so nested collections share the budget, as in Elixir).
 */
function each<T>(xs: readonly T[], limit: number, doc: (x: T, limit: number) => Doc): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (limit - i <= 0) {
      out.push("...");
      break;
    }
    out.push(doc(xs[i], limit - i - 1));
  }
  return out;
}

/** The term as an algebra document (Inspect protocol of Elixir 1.14 for the built-in types). */
function toDoc(t: unknown, limit: number, cl: CharlistMode, depth: number): Doc {
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
  if (Array.isArray(t)) return containerDoc("{", each(t, limit, (x, l) => toDoc(x, l, cl, depth + 1)), "}", "flex");
  if (t === EMPTY) return "[]";
  if (t instanceof Cons) return listDoc(t, limit, cl, depth);
  if (t instanceof EMap) return mapDoc(t, limit, cl, depth);
  if (t instanceof Pid || t instanceof Ref || t instanceof Stacktrace) return t.toString();
  if (isActivation(t)) return `#Pending<${t.name}>`;
  if (t instanceof Error) return `%${t.name}{message: ${inspectString(t.message)}}`;
  // A runtime record with no Elixir term of its own (a supervisor's state): its fields as a map,
  // rather than JavaScript's "[object Object]".
  if (Object.getPrototypeOf(t) === Object.prototype) {
    const fields = Object.entries(t as Record<string, unknown>);
    return containerDoc("%{", each(fields, limit, ([k, v], l) => concat(keywordKey(k) ?? `${inspectString(k)}:`, " ", toDoc(v, l, cl, depth + 1))), "}", "flex");
  }
  return String(t);
}

function listDoc(l: Cons, limit: number, cl: CharlistMode, depth: number): Doc {
  const elems: unknown[] = [];
  let c: unknown = l;
  while (c instanceof Cons) {
    elems.push(c.head);
    c = c.tail;
  }
  if (c !== EMPTY) {
    // An improper list: [1, 2 | 3] (the last cell prints as `2 | 3`).
    const docs = each(elems.slice(0, -1), limit, (x, lim) => toDoc(x, lim, cl, depth + 1));
    if (docs.length === elems.length - 1 && docs[docs.length - 1] !== "...") {
      const lim = limit - elems.length;
      docs.push(lim < 0 ? "..." : tailDoc(toDoc(elems[elems.length - 1], lim, cl, depth + 1), toDoc(c, lim, cl, depth + 1)));
    }
    return containerDoc("[", docs, "]", "maybe");
  }
  if (cl === "infer" && asciiPrintable(elems)) return `'${escape(String.fromCharCode(...(elems as number[])), "'")}'`;
  if (isKeyword(elems)) {
    return containerDoc("[", each(elems as Array<[string, unknown]>, limit, ([k, v], lim) => concat(keywordKey(k)!, " ", toDoc(v, lim, cl, depth + 1))), "]", "strict");
  }
  return containerDoc("[", each(elems, limit, (x, lim) => toDoc(x, lim, cl, depth + 1)), "]", "maybe");
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

function mapDoc(m: EMap, limit: number, cl: CharlistMode, depth: number): Doc {
  const struct = m.structName;
  if (struct !== null) return structDoc(m, struct, limit, cl, depth);
  const entries = m.entries();
  const atomKeys = entries.every(([k]) => (typeof k === "string" || typeof k === "boolean" || k === null) && keywordKey(k) !== null);
  const docs = each(entries, limit, ([k, v], lim) =>
    atomKeys
      ? concat(keywordKey(k as string)!, " ", toDoc(v, lim, cl, depth + 1))
      : concat(toDoc(k, lim, cl, depth + 1), " => ", toDoc(v, lim, cl, depth + 1)),
  );
  return containerDoc("%{", docs, "}", "strict");
}

function structDoc(m: EMap, struct: string, limit: number, cl: CharlistMode, depth: number): Doc {
  const name = inspectAtom(struct);
  if (struct === "Elixir.Range" && m.size === 4) {
    const [first, last, step] = [m.get("first"), m.get("last"), m.get("step")];
    const range = `${inspect(first)}..${inspect(last)}`;
    const defaultStep = step === 1 && (first as number) <= (last as number);
    return defaultStep ? range : `${range}//${inspect(step)}`;
  }
  if (struct === "Elixir.MapSet" && m.get("map") instanceof EMap) {
    const keys = (m.get("map") as EMap).keys();
    return concat("MapSet.new(", keys.length ? listDoc(list(keys) as Cons, limit, cl, depth + 1) : "[]", ")");
  }
  const declared = structInfo(struct)?.fields;
  const hidden = m.get("__exception__") === true ? 2 : 1;
  const fields = declared && declared.every((f) => m.has(f)) && m.size === declared.length + hidden
    ? declared
    : m.keys().filter((k) => k !== "__struct__" && k !== "__exception__") as string[];
  const docs = each(fields, limit, (f, lim) => concat(keywordKey(f)!, " ", toDoc(m.get(f), lim, cl, depth + 1)));
  return containerDoc(`%${name}{`, docs, "}", "strict");
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
