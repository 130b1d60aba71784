/**
 * Lesson checks: "did it happen?" as a value. A check's expression is evaluated in the shell at
 * its time and its value, as JSON (pids and refs print as `#PID<…>`), is compared with `equals`.
 */
import { isActivation } from "../runtime/activation";
import { inspect } from "../runtime/terms";

/** The value as JSON would carry it: what a check's `equals` can be compared with. */
export function asJson(value: unknown): unknown {
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
