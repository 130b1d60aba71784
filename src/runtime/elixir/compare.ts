/**
 * Erlang term order, for `<`, `==`, `===`, sorting and map key order:
 * number < atom < reference < fun < port < pid < tuple < map < list < bitstring.
 * Numbers compare by value (`1 == 1.0`); `===` also tells integers from floats. Tuples
 * compare by size first, maps by size, then keys, then values; lists element by element.
 * Lists are walked in a loop, so a 100,000-element list compares without deep recursion.
 */
import { Pid, Ref } from "../terms";
import { Bin, Cons, EMPTY, EMap, Float, keyOf } from "./terms";

const NUMBER = 0, ATOM = 1, REF = 2, FUN = 3, PID = 5, TUPLE = 6, MAP = 7, LIST = 8, BITSTRING = 9, OTHER = 10;

function rank(t: unknown): number {
  switch (typeof t) {
    case "number":
    case "bigint":
      return NUMBER;
    case "string":
    case "boolean":
      return ATOM;
    case "function":
      return FUN;
  }
  if (t === null) return ATOM;
  if (t instanceof Float) return NUMBER;
  if (Array.isArray(t)) return TUPLE;
  if (t === EMPTY || t instanceof Cons) return LIST;
  if (t instanceof Bin) return BITSTRING;
  if (t instanceof EMap) return MAP;
  if (t instanceof Pid) return PID;
  if (t instanceof Ref) return REF;
  return OTHER;
}

const atomText = (t: unknown): string => (t === null ? "nil" : String(t));

/** Compares two strings by code point (the order of their UTF-8 bytes), not by UTF-16 unit. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (an astral code point) sorts after every BMP code point, as in UTF-8.
    const xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function numberValue(t: unknown): number | bigint {
  return t instanceof Float ? t.v : (t as number | bigint);
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = numberValue(a), y = numberValue(b);
  if (typeof x === typeof y) return x < y ? -1 : x > y ? 1 : 0;
  // A bigint against a float: compare exactly where the float is integral.
  const big = typeof x === "bigint" ? x : (y as bigint);
  const num = typeof x === "bigint" ? (y as number) : (x as number);
  let r: number;
  if (!Number.isFinite(num)) r = num > 0 ? -1 : 1;
  else if (Number.isInteger(num)) {
    const n = BigInt(num);
    r = big < n ? -1 : big > n ? 1 : 0;
  } else r = Number(big) < num ? -1 : 1;
  return typeof x === "bigint" ? r : -r;
}

/** -1, 0 or 1: `a` before, equal to (`==`), or after `b` in term order. */
export function compare(a: unknown, b: unknown): number {
  return cmp(a, b, false);
}

/** Elixir's `==` (1 == 1.0). */
export function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return cmp(a, b, false) === 0;
}

/** Elixir's `===` (1 === 1.0 is false); also how `^pin` and map keys match. */
export function strictEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return cmp(a, b, true) === 0;
}

function cmp(a: unknown, b: unknown, exact: boolean): number {
  if (a === b) return 0;
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case NUMBER: {
      const r = compareNumbers(a, b);
      if (r !== 0 || !exact) return r;
      // Equal in value: an integer sorts before the float (only `===` asks).
      const fa = a instanceof Float, fb = b instanceof Float;
      return fa === fb ? 0 : fa ? 1 : -1;
    }
    case ATOM:
      return compareText(atomText(a), atomText(b));
    case BITSTRING:
      return compareText((a as Bin).s, (b as Bin).s);
    case PID:
      return Math.sign((a as Pid).id - (b as Pid).id);
    case REF:
      return Math.sign((a as Ref).id - (b as Ref).id);
    case FUN:
    case OTHER: {
      const ka = keyOf(a), kb = keyOf(b);
      return ka === kb ? 0 : ka < kb ? -1 : 1;
    }
    case TUPLE: {
      const x = a as unknown[], y = b as unknown[];
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      for (let i = 0; i < x.length; i++) {
        const r = cmp(x[i], y[i], exact);
        if (r !== 0) return r;
      }
      return 0;
    }
    case MAP: {
      const x = a as EMap, y = b as EMap;
      if (x.size !== y.size) return x.size < y.size ? -1 : 1;
      const ex = x.entries(), ey = y.entries();
      // Keys first (exactly: map keys are `===`-distinct), then the values in key order.
      for (let i = 0; i < ex.length; i++) {
        const r = cmp(ex[i][0], ey[i][0], true);
        if (r !== 0) return r;
      }
      for (let i = 0; i < ex.length; i++) {
        const r = cmp(ex[i][1], ey[i][1], exact);
        if (r !== 0) return r;
      }
      return 0;
    }
    case LIST: {
      let x = a, y = b;
      for (;;) {
        if (x === y) return 0;
        if (!(x instanceof Cons) || !(y instanceof Cons)) {
          // [] before any cell; an improper tail compares as the term it is ([1 | 2] < [1]).
          if (x === EMPTY && y instanceof Cons) return -1;
          if (y === EMPTY && x instanceof Cons) return 1;
          return cmp(x, y, exact);
        }
        const r = cmp(x.head, y.head, exact);
        if (r !== 0) return r;
        x = x.tail;
        y = y.tail;
      }
    }
  }
  return 0;
}

/** Sorts in place by term order; stable, as Enum.sort is. */
export function sortTerms<T>(items: T[]): T[] {
  return items.sort(compare);
}

/** Term order that also puts an integer before an equal float (map keys' order). */
export function compareExact(a: unknown, b: unknown): number {
  return cmp(a, b, true);
}
