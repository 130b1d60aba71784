/**
 * Lesson checks: "did it happen?" as a value. A check's expression is evaluated in the shell at
 * its time and its value, as JSON (pids and refs print as `#PID<…>`), is compared with `equals`.
 */
import { isActivation } from "../runtime/activation";
import { inspect } from "../runtime/terms";
import { inspect as inspectElixir } from "../runtime/elixir/inspect";
import { Bin, Cons, EMPTY, EMap, Float } from "../runtime/elixir/terms";

/**
 * The value as JSON would carry it: what a check's `equals` can be compared with. An Elixir
 * term maps as it reads: atoms and strings → strings, nil → null, lists and tuples → arrays,
 * maps → objects (atom or string keys), floats → numbers; pids, refs and funs → inspect's text.
 */
export function asJson(value: unknown, elixir = false): unknown {
  if (elixir) return elixirJson(value);
  if (value === undefined) return null;
  try {
    // Functions and un-awaited async results print as the shell prints them, not as their insides.
    return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "function" || isActivation(v) ? inspect(v) : v)));
  } catch {
    return inspect(value);
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function elixirJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean" || typeof v === "number") return v;
  if (typeof v === "string") return v.startsWith("Elixir.") ? v.slice(7) : v;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Bin) return v.s;
  if (v instanceof Float) return v.v;
  if (v === EMPTY || v instanceof Cons) {
    const out: unknown[] = [];
    let c: unknown = v;
    while (c instanceof Cons) {
      out.push(elixirJson(c.head));
      c = c.tail;
    }
    return out;
  }
  if (Array.isArray(v)) return v.map(elixirJson);
  if (v instanceof EMap) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) out[typeof k === "string" ? k : k instanceof Bin ? k.s : inspectElixir(k)] = elixirJson(x);
    return out;
  }
  return inspectElixir(v);
}
