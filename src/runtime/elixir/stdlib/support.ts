/**
 * What the stdlib modules share: calling a fun handed in by user code (compiled funs are async,
 * so a call may return an Activation the stdlib must yield to the scheduler), walking an
 * enumerable (lists, maps, ranges, MapSets), and the errors of bad arguments.
 */
import { isActivation, internal } from "../../activation";
import { badArityError, badFunctionError, badarg, protocolError } from "../errors";
import { Bin, Cons, EMPTY, EMap, Float, list, structInfo, defineStruct } from "../terms";

export type Fn = (...args: unknown[]) => unknown;
export type Namespace = Record<string, unknown>;
/** A generator that the scheduler drives (it yields activations of user funs). */
export type Gen<T = unknown> = Generator<unknown, T, unknown>;

export const arityOf = (f: Fn): number => (f as { arity?: number }).arity ?? f.length;

/** Calls a user fun with `args`: BadFunctionError / BadArityError as Elixir raises them. */
export function* call(f: unknown, ...args: unknown[]): Gen {
  if (typeof f !== "function") throw badFunctionError(f);
  if (arityOf(f as Fn) !== args.length) throw badArityError(f, args);
  const r = (f as Fn)(...args);
  return isActivation(r) ? yield r : r;
}

/** A stdlib function that calls funs: its body is a generator, run as an awaitable activation. */
export const driven = <A extends unknown[]>(label: string, body: (...args: A) => Gen) => {
  const run = internal(body, label);
  // (Keep the declared arity: `&Enum.map/2` captured by user code has arity 2.)
  Object.defineProperty(run, "length", { value: body.length });
  return run;
};

export const truthy = (v: unknown): boolean => v !== false && v !== null && v !== undefined;

defineStruct("Elixir.Range", ["first", "last", "step"]);
defineStruct("Elixir.MapSet", ["map"]);

export const isRange = (t: unknown): boolean => t instanceof EMap && t.structName === "Elixir.Range";
export const isMapSet = (t: unknown): boolean => t instanceof EMap && t.structName === "Elixir.MapSet";

export function rangeItems(r: EMap): number[] {
  const first = r.get("first") as number, last = r.get("last") as number, step = r.get("step") as number;
  const out: number[] = [];
  if (step > 0) for (let i = first; i <= last; i += step) out.push(i);
  else for (let i = first; i >= last; i += step) out.push(i);
  return out;
}

/** The items of an enumerable, in Elixir's order; Protocol.UndefinedError for anything else. */
export function items(t: unknown): unknown[] {
  if (t === EMPTY) return [];
  if (t instanceof Cons) {
    const out: unknown[] = [];
    let c: unknown = t;
    while (c instanceof Cons) {
      out.push(c.head);
      c = c.tail;
    }
    if (c !== EMPTY) throw protocolError("Enumerable", t);
    return out;
  }
  if (t instanceof EMap) {
    if (isRange(t)) return rangeItems(t as EMap);
    if (isMapSet(t)) return (t.get("map") as EMap).keys();
    if (t.structName === null) return t.entries().map(([k, v]) => [k, v]);
  }
  throw protocolError("Enumerable", t);
}

/** A proper list's items; ArgumentError (`not a list`) otherwise. */
export function listItems(t: unknown, position = 1): unknown[] {
  const out: unknown[] = [];
  let c = t;
  while (c instanceof Cons) {
    out.push(c.head);
    c = c.tail;
  }
  if (c !== EMPTY) throw badarg(position, "not a list");
  return out;
}

export const mapSet = (values: unknown[]): EMap =>
  EMap.from([["__struct__", "Elixir.MapSet"], ["map", EMap.from(values.map((v) => [v, EMPTY] as [unknown, unknown]))]]);

export const range = (first: number, last: number, step: number): EMap =>
  EMap.from([["__struct__", "Elixir.Range"], ["first", first], ["last", last], ["step", step]]);

export const isInt = (x: unknown): x is number | bigint => (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";

export function mustInt(x: unknown, position = 1): number {
  if (typeof x === "number" && Number.isInteger(x)) return x;
  throw badarg(position, "not an integer");
}

export function mustBin(x: unknown, position = 1): string {
  if (x instanceof Bin) return x.s;
  throw badarg(position, "not a binary");
}

export function mustMap(x: unknown, position = 1): EMap {
  if (x instanceof EMap) return x;
  throw badarg(position, "not a map");
}

/** Merge sort driven through user funs (`Enum.sort(l, fn a, b -> … end)`), stable. */
export function* sortWith(xs: unknown[], before: (a: unknown, b: unknown) => Gen<boolean>): Gen<unknown[]> {
  if (xs.length <= 1) return xs.slice();
  const mid = xs.length >> 1;
  const left = yield* sortWith(xs.slice(0, mid), before);
  const right = yield* sortWith(xs.slice(mid), before);
  const out: unknown[] = [];
  let i = 0, j = 0;
  while (i < left.length && j < right.length) {
    // Elixir keeps the left one when `fun.(left, right)` is truthy.
    if (yield* before(left[i], right[j])) out.push(left[i++]);
    else out.push(right[j++]);
  }
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

export { list, structInfo, Float };
