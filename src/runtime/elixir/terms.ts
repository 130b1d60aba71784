/**
 * Elixir's data model on the runtime (DESIGN.md "Terms"): atoms are JS strings, `true`/`false`/
 * `nil` are JS `true`/`false`/`null`, tuples are JS arrays, and these classes hold the rest:
 * lists (`Cons` cells ending in `EMPTY`), binaries (`Bin`), floats (`Float`) and maps (`EMap`,
 * keyed structurally). Integers are JS numbers while safe, bigints beyond. Every term is
 * immutable, so a message copy hands them over as they are.
 */
import { Pid, Ref } from "../terms";
// (A cycle: compare.ts imports these classes; both use each other only inside functions.)
import { compareExact } from "./compare";

/** The empty list `[]` (one instance; `null` is `nil`). */
export class EmptyList {
  toString(): string {
    return "[]";
  }
}
export const EMPTY: EmptyList = Object.freeze(new EmptyList()) as EmptyList;

/** A list cell `[head | tail]`; a proper list's last tail is `EMPTY`. */
export class Cons {
  constructor(readonly head: unknown, readonly tail: unknown) {}
}

export type List = Cons | EmptyList;

/** A binary (an Elixir string): a JS string of its characters. */
export class Bin {
  constructor(readonly s: string) {}
  toString(): string {
    return this.s;
  }
}

/** A float: `1.0` is not the integer `1` (`===` tells them apart, `==` does not). */
export class Float {
  constructor(readonly v: number) {}
}

export const bin = (s: string): Bin => new Bin(s);
export const float = (v: number): Float => new Float(v);

/** An atom from its text: `:true`, `:false`, `:nil` are the JS values `true`, `false`, `null`. */
export function atom(text: string): string | boolean | null {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "nil") return null;
  return text;
}

export const isAtom = (t: unknown): t is string | boolean | null => typeof t === "string" || typeof t === "boolean" || t === null;
/** The text of an atom (`nil` → "nil"). */
export const atomText = (t: string | boolean | null): string => (t === null ? "nil" : String(t));
export const isList = (t: unknown): t is List => t === EMPTY || t instanceof Cons;
export const isTuple = (t: unknown): t is unknown[] => Array.isArray(t);
export const isInteger = (t: unknown): t is number | bigint => (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
export const isNumber = (t: unknown): boolean => isInteger(t) || t instanceof Float;
export const isBinary = (t: unknown): t is Bin => t instanceof Bin;
export const isMap = (t: unknown): t is EMap => t instanceof EMap;
export const isPid = (t: unknown): t is Pid => t instanceof Pid;
export const isRef = (t: unknown): t is Ref => t instanceof Ref;
export const isFunction = (t: unknown): t is (...a: unknown[]) => unknown => typeof t === "function";

/** A bigint back to a number when it is a safe integer (so `==` and keys see one integer). */
export function normInt(n: number | bigint): number | bigint {
  if (typeof n === "bigint" && n >= -9007199254740991n && n <= 9007199254740991n) return Number(n);
  return n;
}

// ── lists ────────────────────────────────────────────────────────────────────────────────

/** A proper list of the items, in order (`tail` for an improper end). */
export function list(items: readonly unknown[], tail: unknown = EMPTY): List {
  let out = tail;
  for (let i = items.length - 1; i >= 0; i--) out = new Cons(items[i], out);
  return out as List;
}

/** The items of a proper list; throws ArgumentError-worthy `null` on an improper one (see `toArrayOrNull`). */
export function toArray(l: unknown): unknown[] {
  const out = toArrayOrNull(l);
  if (out === null) throw new TypeError("not a proper list");
  return out;
}

export function toArrayOrNull(l: unknown): unknown[] | null {
  const out: unknown[] = [];
  let c = l;
  while (c instanceof Cons) {
    out.push(c.head);
    c = c.tail;
  }
  return c === EMPTY ? out : null;
}

export function isProperList(l: unknown): boolean {
  let c = l;
  while (c instanceof Cons) c = c.tail;
  return c === EMPTY;
}

export function listLength(l: unknown): number {
  let n = 0;
  let c = l;
  while (c instanceof Cons) {
    n++;
    c = c.tail;
  }
  return c === EMPTY ? n : -1;
}

/** A charlist's text, or null when it is not a list of printable code points. */
export function charlistText(l: unknown): string | null {
  let c = l;
  let s = "";
  while (c instanceof Cons) {
    const h = c.head;
    if (typeof h !== "number" || !Number.isInteger(h) || h < 0 || h > 0x10ffff) return null;
    s += String.fromCodePoint(h);
    c = c.tail;
  }
  return c === EMPTY ? s : null;
}

/** A list of the string's code points (`'hi'`). */
export const charlist = (s: string): List => list([...s].map((ch) => ch.codePointAt(0)!));

// ── maps ─────────────────────────────────────────────────────────────────────────────────

let nextFunId = 1;
const funIds = new WeakMap<object, number>();

/**
 * The structural key of a term: equal (`===` in Elixir) terms, and only they, share a key.
 * `1`, `1.0`, `"a"` and `:a` are four keys, as on the BEAM.
 */
export function keyOf(t: unknown): string {
  switch (typeof t) {
    case "string":
      return "a" + t;
    case "number":
      return "i" + t;
    case "bigint":
      return "i" + t;
    case "boolean":
      return t ? "atrue" : "afalse";
    case "function": {
      let id = funIds.get(t);
      if (id === undefined) funIds.set(t, (id = nextFunId++));
      return "F" + id;
    }
  }
  if (t === null || t === undefined) return "anil";
  if (t instanceof Bin) return "b" + JSON.stringify(t.s);
  if (t instanceof Float) return "f" + (t.v === 0 ? 0 : t.v);
  if (t instanceof Pid) return "p" + t.id;
  if (t instanceof Ref) return "r" + t.id;
  if (Array.isArray(t)) return "{" + t.map(keyOf).join(",") + "}";
  if (t === EMPTY || t instanceof Cons) {
    const parts: string[] = [];
    let c: unknown = t;
    while (c instanceof Cons) {
      parts.push(keyOf(c.head));
      c = c.tail;
    }
    return "[" + parts.join(",") + (c === EMPTY ? "" : "|" + keyOf(c)) + "]";
  }
  if (t instanceof EMap) return "%{" + t.entries().map(([k, v]) => keyOf(k) + "=>" + keyOf(v)).join(",") + "}";
  let id = funIds.get(t as object);
  if (id === undefined) funIds.set(t as object, (id = nextFunId++));
  return "o" + id;
}


/**
 * An immutable Elixir map. Lookups go through the structural key; iteration is in Erlang term
 * order of the keys (what the BEAM does for maps of up to 32 keys, and what `inspect` prints).
 */
export class EMap {
  private sorted: Array<[unknown, unknown]> | null = null;
  constructor(private readonly table: Map<string, [unknown, unknown]> = new Map()) {}

  static from(entries: Iterable<readonly [unknown, unknown]>): EMap {
    const table = new Map<string, [unknown, unknown]>();
    for (const [k, v] of entries) table.set(keyOf(k), [k, v]);
    return new EMap(table);
  }

  /** A map with atom keys from a plain object (`{a: 1}` → `%{a: 1}`). */
  static of(obj: Record<string, unknown>): EMap {
    return EMap.from(Object.entries(obj).map(([k, v]) => [atom(k), v] as const));
  }

  get size(): number {
    return this.table.size;
  }

  has(k: unknown): boolean {
    return this.table.has(keyOf(k));
  }

  /** The value at `k`, or `undefined` when absent (no Elixir term is `undefined`). */
  get(k: unknown): unknown {
    return this.table.get(keyOf(k))?.[1];
  }

  put(k: unknown, v: unknown): EMap {
    const table = new Map(this.table);
    table.set(keyOf(k), [k, v]);
    return new EMap(table);
  }

  /** Several puts in one copy. */
  putAll(entries: Iterable<readonly [unknown, unknown]>): EMap {
    const table = new Map(this.table);
    for (const [k, v] of entries) table.set(keyOf(k), [k, v]);
    return new EMap(table);
  }

  delete(k: unknown): EMap {
    const key = keyOf(k);
    if (!this.table.has(key)) return this;
    const table = new Map(this.table);
    table.delete(key);
    return new EMap(table);
  }

  /** `[key, value]` pairs in term order of the keys. */
  entries(): Array<[unknown, unknown]> {
    if (this.sorted === null) {
      const out = [...this.table.values()];
      out.sort((p, q) => compareExact(p[0], q[0]));
      this.sorted = out;
    }
    return this.sorted;
  }

  keys(): unknown[] {
    return this.entries().map((e) => e[0]);
  }

  values(): unknown[] {
    return this.entries().map((e) => e[1]);
  }

  /** The struct's module when this map is a struct (`__struct__` holds an atom), else null. */
  get structName(): string | null {
    const s = this.table.get("a__struct__")?.[1];
    return typeof s === "string" ? s : null;
  }
}

export const EMPTY_MAP = new EMap();

// ── structs ──────────────────────────────────────────────────────────────────────────────

/**
 * Each struct module's fields in definition order (`defstruct [:key, :term, :message]`), for
 * `inspect`, which prints a struct's fields in that order, and for `%Mod{}` defaults.
 */
const structs = new Map<string, { fields: string[]; defaults: EMap }>();

/** Declares a struct (the compiler calls it for `defstruct`; `exception`: for `defexception`). */
export function defineStruct(module: string, fields: ReadonlyArray<string | readonly [string, unknown]>, exception = false): void {
  const names = fields.map((f) => (typeof f === "string" ? f : f[0]));
  const pairs: Array<[unknown, unknown]> = [["__struct__", module]];
  if (exception) pairs.push(["__exception__", true]);
  for (const f of fields) pairs.push(typeof f === "string" ? [f, null] : [f[0], f[1]]);
  structs.set(module, { fields: names, defaults: EMap.from(pairs) });
}

export function structInfo(module: string): { fields: string[]; defaults: EMap } | undefined {
  return structs.get(module);
}

/** `%Mod{k: v}`: the defaults with the given fields put (unknown fields are the caller's check). */
export function struct(module: string, fields: Record<string, unknown> = {}): EMap {
  const base = structs.get(module)?.defaults ?? EMap.from([["__struct__", module]]);
  return base.putAll(Object.entries(fields).map(([k, v]) => [k, v] as const));
}

/** The module's name as people write it: `Elixir.Foo.Bar` → `Foo.Bar`, `sys` → `:sys`. */
export function moduleName(m: string): string {
  return m.startsWith("Elixir.") ? m.slice(7) : `:${m}`;
}
