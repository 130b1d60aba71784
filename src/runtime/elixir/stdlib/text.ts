/**
 * Text: `to_string` (the String.Chars protocol for the built-in types), and the String,
 * Integer and Atom modules. Strings are counted and sliced by grapheme, as Elixir does.
 */
import { add, div, rem, sub } from "../arith";
import { argumentError, badarg, protocolError } from "../errors";
import { formatFloat } from "../inspect";
import { Bin, Cons, EMPTY, EMap, Float, atom, list, normInt } from "../terms";
import { type Namespace, isInt, items, mustBin, mustInt } from "./support";

/** String.Chars.to_string for the built-in types; Protocol.UndefinedError for the rest. */
export function toText(t: unknown): string {
  if (t instanceof Bin) return t.s;
  if (typeof t === "string") return t;
  if (t === null) return "";
  if (typeof t === "boolean") return String(t);
  if (typeof t === "number" || typeof t === "bigint") return t.toString();
  if (t instanceof Float) return formatFloat(t.v);
  if (t === EMPTY || t instanceof Cons) return chardata(t);
  throw protocolError("String.Chars", t);
}

/** List.to_string: code points, binaries and nested lists of them. */
function chardata(t: unknown): string {
  let out = "";
  for (const x of items(t)) {
    if (typeof x === "number") out += String.fromCodePoint(x);
    else if (x instanceof Bin) out += x.s;
    else if (x === EMPTY || x instanceof Cons) out += chardata(x);
    else throw argumentError(`cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only contain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list representation, got:\n\n${String(x)}\n`);
  }
  return out;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
export const graphemes = (s: string): string[] => [...segmenter.segment(s)].map((g) => g.segment);

const B = (s: string) => new Bin(s);
const L = (xs: unknown[]) => list(xs);
const opt = (opts: unknown, key: string): unknown => {
  for (const pair of opts === undefined ? [] : items(opts)) if (Array.isArray(pair) && pair[0] === key) return pair[1];
  return undefined;
};

const WHITESPACE = /^[\s\u0085]+|[\s\u0085]+$/gu;

function split(s: string, pattern: unknown, opts: unknown): Bin[] {
  const trim = opt(opts, "trim") === true;
  const parts = opt(opts, "parts");
  const limit = typeof parts === "number" ? parts : Infinity;
  const seps = pattern instanceof Bin ? [pattern.s] : items(pattern).map((p) => mustBin(p, 2));
  let pieces: string[];
  if (seps.length === 1 && seps[0] === "") pieces = ["", ...graphemes(s), ""];
  else {
    pieces = [];
    let rest = s;
    while (pieces.length < limit - 1) {
      let at = -1, len = 0;
      for (const sep of seps) {
        const i = rest.indexOf(sep);
        if (i >= 0 && (at < 0 || i < at)) [at, len] = [i, sep.length];
      }
      if (at < 0) break;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at + len);
    }
    pieces.push(rest);
  }
  return (trim ? pieces.filter((p) => p !== "") : pieces).map(B);
}

function slice(s: string, start: number, len: number): Bin {
  const g = graphemes(s);
  const from = start < 0 ? g.length + start : start;
  if (from < 0 || from > g.length || len < 0) return B("");
  return B(g.slice(from, from + len).join(""));
}

function pad(s: string, count: number, padding: string, leading: boolean): Bin {
  const missing = count - graphemes(s).length;
  if (missing <= 0 || padding === "") return B(s);
  const fill = Array.from({ length: missing }, (_, i) => graphemes(padding)[i % graphemes(padding).length]).join("");
  return B(leading ? fill + s : s + fill);
}

/** Integer.parse's scan: the integer at the start of `s` in `base`, and the rest. */
function parseInt(s: string, base: number): [number | bigint, string] | null {
  const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base);
  let i = s[0] === "-" || s[0] === "+" ? 1 : 0;
  const start = i;
  while (i < s.length && digits.includes(s[i].toLowerCase())) i++;
  if (i === start) return null;
  let n = 0n;
  for (const ch of s.slice(start, i).toLowerCase()) n = n * BigInt(base) + BigInt(digits.indexOf(ch));
  return [normInt(s[0] === "-" ? -n : n), s.slice(i)];
}

export function toInteger(s: string, base = 10): number | bigint {
  const r = parseInt(s, base);
  if (!r || r[1] !== "") throw badarg(1, "not a textual representation of an integer");
  return r[0];
}

function intToString(n: unknown, base = 10): string {
  if (!isInt(n)) throw badarg(1, "not an integer");
  return n.toString(base).toUpperCase();
}

export function createString(): Namespace {
  const str = (x: unknown) => mustBin(x, 1);
  return {
    "length/1": (s: unknown) => graphemes(str(s)).length,
    "upcase/1": (s: unknown) => B(str(s).toUpperCase()),
    "downcase/1": (s: unknown) => B(str(s).toLowerCase()),
    "capitalize/1": (s: unknown) => {
      const g = graphemes(str(s));
      return B(g.length ? g[0].toUpperCase() + g.slice(1).join("").toLowerCase() : "");
    },
    "reverse/1": (s: unknown) => B(graphemes(str(s)).reverse().join("")),
    "trim/1": (s: unknown) => B(str(s).replace(WHITESPACE, "")),
    "trim/2": (s: unknown, chars: unknown) => {
      const t = str(s), c = mustBin(chars, 2);
      let a = 0, b = t.length;
      while (c && t.startsWith(c, a)) a += c.length;
      while (c && b - c.length >= a && t.slice(b - c.length, b) === c) b -= c.length;
      return B(t.slice(a, b));
    },
    "trim_leading/1": (s: unknown) => B(str(s).replace(/^[\s\u0085]+/u, "")),
    "trim_trailing/1": (s: unknown) => B(str(s).replace(/[\s\u0085]+$/u, "")),
    "split/1": (s: unknown) => L(str(s).split(/[\s\u0085]+/u).filter((p) => p !== "").map(B)),
    "split/2": (s: unknown, p: unknown) => L(split(str(s), p, undefined)),
    "split/3": (s: unknown, p: unknown, o: unknown) => L(split(str(s), p, o)),
    "replace/3": (s: unknown, p: unknown, r: unknown) => B(str(s).split(mustBin(p, 2)).join(mustBin(r, 3))),
    "contains?/2": (s: unknown, p: unknown) => (p instanceof Bin ? [p] : items(p)).some((x) => str(s).includes(mustBin(x, 2))),
    "starts_with?/2": (s: unknown, p: unknown) => (p instanceof Bin ? [p] : items(p)).some((x) => str(s).startsWith(mustBin(x, 2))),
    "ends_with?/2": (s: unknown, p: unknown) => (p instanceof Bin ? [p] : items(p)).some((x) => str(s).endsWith(mustBin(x, 2))),
    "to_integer/1": (s: unknown) => toInteger(str(s)),
    "to_integer/2": (s: unknown, base: unknown) => toInteger(str(s), mustInt(base, 2)),
    "to_float/1": (s: unknown) => {
      const t = str(s);
      if (!/^[+-]?\d+\.\d+([eE][+-]?\d+)?$/.test(t)) throw badarg(1, "not a textual representation of a float");
      return new Float(Number(t));
    },
    "to_atom/1": (s: unknown) => atom(str(s)),
    "to_existing_atom/1": (s: unknown) => atom(str(s)),
    "to_charlist/1": (s: unknown) => L([...str(s)].map((c) => c.codePointAt(0)!)),
    "slice/3": (s: unknown, start: unknown, len: unknown) => slice(str(s), mustInt(start, 2), mustInt(len, 3)),
    "slice/2": (s: unknown, r: unknown) => {
      const g = graphemes(str(s));
      const m = r as EMap;
      let first = m.get("first") as number, last = m.get("last") as number;
      if (first < 0) first += g.length;
      if (last < 0) last += g.length;
      return B(g.slice(first, last + 1).join(""));
    },
    "at/2": (s: unknown, i: unknown) => {
      const g = graphemes(str(s));
      const k = mustInt(i, 2);
      const idx = k < 0 ? g.length + k : k;
      return idx >= 0 && idx < g.length ? B(g[idx]) : null;
    },
    "first/1": (s: unknown) => (graphemes(str(s))[0] !== undefined ? B(graphemes(str(s))[0]) : null),
    "last/1": (s: unknown) => {
      const g = graphemes(str(s));
      return g.length ? B(g[g.length - 1]) : null;
    },
    "graphemes/1": (s: unknown) => L(graphemes(str(s)).map(B)),
    "codepoints/1": (s: unknown) => L([...str(s)].map(B)),
    "duplicate/2": (s: unknown, n: unknown) => B(str(s).repeat(mustInt(n, 2))),
    "pad_leading/2": (s: unknown, n: unknown) => pad(str(s), mustInt(n, 2), " ", true),
    "pad_leading/3": (s: unknown, n: unknown, p: unknown) => pad(str(s), mustInt(n, 2), mustBin(p, 3), true),
    "pad_trailing/2": (s: unknown, n: unknown) => pad(str(s), mustInt(n, 2), " ", false),
    "pad_trailing/3": (s: unknown, n: unknown, p: unknown) => pad(str(s), mustInt(n, 2), mustBin(p, 3), false),
    "byte_size/1": (s: unknown) => new TextEncoder().encode(str(s)).length,
    "valid?/1": (s: unknown) => s instanceof Bin,
    "equivalent?/2": (a: unknown, b: unknown) => str(a).normalize("NFD") === mustBin(b, 2).normalize("NFD"),
    "to_string/1": (s: unknown) => B(toText(s)),
  };
}

export function createInteger(): Namespace {
  return {
    "to_string/1": (n: unknown) => B(intToString(n)),
    "to_string/2": (n: unknown, base: unknown) => B(intToString(n, mustInt(base, 2))),
    "parse/1": (s: unknown) => {
      const r = parseInt(mustBin(s, 1), 10);
      return r ? [r[0], B(r[1])] : "error";
    },
    "parse/2": (s: unknown, base: unknown) => {
      const r = parseInt(mustBin(s, 1), mustInt(base, 2));
      return r ? [r[0], B(r[1])] : "error";
    },
    "digits/1": (n: unknown) => L(intToString(n).replace("-", "").split("").map(Number)),
    "pow/2": (a: unknown, b: unknown) => normInt(BigInt(mustInt(a, 1)) ** BigInt(mustInt(b, 2))),
    "is_even/1": (n: unknown) => mustInt(n) % 2 === 0,
    "is_odd/1": (n: unknown) => Math.abs(mustInt(n) % 2) === 1,
    "gcd/2": (a: unknown, b: unknown) => {
      let x = Math.abs(mustInt(a, 1)), y = Math.abs(mustInt(b, 2));
      while (y) [x, y] = [y, x % y];
      return x;
    },
    "to_charlist/1": (n: unknown) => L([...intToString(n)].map((c) => c.charCodeAt(0))),
    // Rounded toward negative infinity (rem/div round toward zero): the result takes the divisor's sign.
    "mod/2": (a: unknown, b: unknown) => {
      const r = rem(a, b);
      return r !== 0 && r !== 0n && (r < 0) !== ((b as number | bigint) < 0) ? add(r, b) : r;
    },
    "floor_div/2": (a: unknown, b: unknown) => {
      const q = div(a, b);
      const r = rem(a, b);
      return r !== 0 && r !== 0n && (r < 0) !== ((b as number | bigint) < 0) ? sub(q, 1) : q;
    },
  };
}

export function createAtom(): Namespace {
  return {
    "to_string/1": (a: unknown) => {
      if (!(typeof a === "string" || typeof a === "boolean" || a === null)) throw badarg(1, "not an atom");
      return B(toText(a) || "nil");
    },
    "to_charlist/1": (a: unknown) => L([...(a === null ? "nil" : String(a))].map((c) => c.codePointAt(0)!)),
  };
}
