/**
 * Enum: the common functions over lists, maps (as `{key, value}` tuples), ranges and MapSets.
 * Functions that take a fun are driven generators (the fun may wait); the others are plain.
 * Results and errors follow Elixir 1.14 (Enum.EmptyError, Enum.OutOfBoundsError, …).
 */
import { add, mul } from "../arith";
import { compare, strictEquals } from "../compare";
import { ElixirError, argumentError, exception, protocolError } from "../errors";
import { inspect } from "../inspect";
import { Bin, Cons, EMPTY, EMap, keyOf, list } from "../terms";
import { toText } from "./text";
import { type Gen, type Namespace, call, driven, isMapSet, items, mapSet, mustInt, sortWith, truthy } from "./support";

const emptyError = () => new ElixirError(exception("Elixir.Enum.EmptyError", {}));
const outOfBounds = () => new ElixirError(exception("Elixir.Enum.OutOfBoundsError", {}));

/** `:asc`, `:desc` or a fun (`fn a, b -> a <= b end`) as a generator comparing two items. */
function sorter(how: unknown): (a: unknown, b: unknown) => Gen<boolean> {
  if (how === "asc") return function* (a, b) { return compare(a, b) <= 0; };
  if (how === "desc") return function* (a, b) { return compare(a, b) >= 0; };
  return function* (a, b) { return truthy(yield* call(how, a, b)); };
}

/** Collects into a list, a map (from `{k, v}` tuples) or a MapSet, as Enum.into does. */
export function into(values: unknown[], target: unknown): unknown {
  if (target === EMPTY || target instanceof Cons) return list([...items(target), ...values]);
  if (isMapSet(target)) return mapSet([...items(target), ...values]);
  if (target instanceof EMap && target.structName === null) {
    return target.putAll(values.map((v) => {
      if (!Array.isArray(v) || v.length !== 2) throw argumentError(`collecting into a map requires {key, value} tuples, got: ${inspect(v)}`);
      return v as [unknown, unknown];
    }));
  }
  throw protocolError("Collectable", target);
}

function at(xs: unknown[], index: number): { found: boolean; value: unknown } {
  const i = index < 0 ? xs.length + index : index;
  return i >= 0 && i < xs.length ? { found: true, value: xs[i] } : { found: false, value: null };
}

function* uniqBy(xs: unknown[], f: unknown): Gen<unknown[]> {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const x of xs) {
    const k = keyOf(f === undefined ? x : yield* call(f, x));
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

function* extreme(xs: unknown[], f: unknown, wantMax: boolean, empty: unknown): Gen {
  if (xs.length === 0) {
    if (empty === undefined) throw emptyError();
    return yield* call(empty);
  }
  let best = xs[0];
  let bestKey = f === undefined ? best : yield* call(f, best);
  for (let i = 1; i < xs.length; i++) {
    const k = f === undefined ? xs[i] : yield* call(f, xs[i]);
    const c = compare(k, bestKey);
    if (wantMax ? c > 0 : c < 0) {
      best = xs[i];
      bestKey = k;
    }
  }
  return best;
}

function chunks(xs: unknown[], count: number, step: number, leftover: unknown): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < xs.length; i += step) {
    const chunk = xs.slice(i, i + count);
    if (chunk.length < count) {
      if (leftover === "discard") break;
      if (leftover !== undefined) chunk.push(...items(leftover).slice(0, count - chunk.length));
      out.push(list(chunk));
      break;
    }
    out.push(list(chunk));
    if (i + count >= xs.length) break;
  }
  return out;
}

function join(xs: unknown[], sep: unknown): Bin {
  return new Bin(xs.map(toText).join(sep === undefined ? "" : toText(sep)));
}

function slice(xs: unknown[], start: number, amount: number): unknown[] {
  const s = start < 0 ? Math.max(0, xs.length + start) : start;
  return xs.slice(s, s + Math.max(0, amount));
}

export function createEnum(): Namespace {
  const L = (xs: unknown[]) => list(xs);
  return {
    "to_list/1": (e: unknown) => L(items(e)),
    "count/1": (e: unknown) => items(e).length,
    "count/2": driven("Enum.count", function* (e: unknown, f: unknown) {
      let n = 0;
      for (const x of items(e)) if (truthy(yield* call(f, x))) n++;
      return n;
    }),
    "empty?/1": (e: unknown) => items(e).length === 0,
    "member?/2": (e: unknown, v: unknown) => items(e).some((x) => strictEquals(x, v)),
    "reverse/1": (e: unknown) => L(items(e).reverse()),
    "reverse/2": (e: unknown, tail: unknown) => list(items(e).reverse(), tail),
    "sum/1": (e: unknown) => items(e).reduce((a, b) => add(a, b), 0),
    "product/1": (e: unknown) => items(e).reduce((a, b) => mul(a, b), 1),
    "sort/1": (e: unknown) => L(items(e).sort(compare)),
    "sort/2": driven("Enum.sort", function* (e: unknown, how: unknown) {
      return L(yield* sortWith(items(e), sorter(how)));
    }),
    "sort_by/2": driven("Enum.sort_by", function* (e: unknown, f: unknown) {
      return yield* sortBy(items(e), f, "asc");
    }),
    "sort_by/3": driven("Enum.sort_by", function* (e: unknown, f: unknown, how: unknown) {
      return yield* sortBy(items(e), f, how);
    }),
    "uniq/1": (e: unknown) => {
      const seen = new Set<string>();
      return L(items(e).filter((x) => !seen.has(keyOf(x)) && !!seen.add(keyOf(x))));
    },
    "uniq_by/2": driven("Enum.uniq_by", function* (e: unknown, f: unknown) {
      return L(yield* uniqBy(items(e), f));
    }),
    "dedup/1": (e: unknown) => L(items(e).filter((x, i, xs) => i === 0 || !strictEquals(x, xs[i - 1]))),
    "take/2": (e: unknown, n: unknown) => {
      const xs = items(e), k = mustInt(n, 2);
      return L(k >= 0 ? xs.slice(0, k) : xs.slice(Math.max(0, xs.length + k)));
    },
    "drop/2": (e: unknown, n: unknown) => {
      const xs = items(e), k = mustInt(n, 2);
      return L(k >= 0 ? xs.slice(k) : xs.slice(0, Math.max(0, xs.length + k)));
    },
    "split/2": (e: unknown, n: unknown) => {
      const xs = items(e), k = mustInt(n, 2);
      const cut = k >= 0 ? k : Math.max(0, xs.length + k);
      return [L(xs.slice(0, cut)), L(xs.slice(cut))];
    },
    "slice/3": (e: unknown, start: unknown, amount: unknown) => L(slice(items(e), mustInt(start, 2), mustInt(amount, 3))),
    "slice/2": (e: unknown, r: unknown) => {
      const xs = items(e);
      const m = r as EMap;
      let first = m.get("first") as number, last = m.get("last") as number;
      if (first < 0) first += xs.length;
      if (last < 0) last += xs.length;
      return L(xs.slice(first, last + 1));
    },
    "at/2": (e: unknown, i: unknown) => at(items(e), mustInt(i, 2)).value,
    "at/3": (e: unknown, i: unknown, d: unknown) => {
      const r = at(items(e), mustInt(i, 2));
      return r.found ? r.value : d;
    },
    "fetch/2": (e: unknown, i: unknown) => {
      const r = at(items(e), mustInt(i, 2));
      return r.found ? ["ok", r.value] : "error";
    },
    "fetch!/2": (e: unknown, i: unknown) => {
      const r = at(items(e), mustInt(i, 2));
      if (!r.found) throw outOfBounds();
      return r.value;
    },
    "min/1": driven("Enum.min", function* (e: unknown) { return yield* extreme(items(e), undefined, false, undefined); }),
    "max/1": driven("Enum.max", function* (e: unknown) { return yield* extreme(items(e), undefined, true, undefined); }),
    "min_by/2": driven("Enum.min_by", function* (e: unknown, f: unknown) { return yield* extreme(items(e), f, false, undefined); }),
    "max_by/2": driven("Enum.max_by", function* (e: unknown, f: unknown) { return yield* extreme(items(e), f, true, undefined); }),
    "join/1": (e: unknown) => join(items(e), undefined),
    "join/2": (e: unknown, sep: unknown) => join(items(e), sep),
    "concat/1": (e: unknown) => L(items(e).flatMap((x) => items(x))),
    "concat/2": (a: unknown, b: unknown) => L([...items(a), ...items(b)]),
    "into/2": (e: unknown, target: unknown) => into(items(e), target),
    "into/3": driven("Enum.into", function* (e: unknown, target: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) out.push(yield* call(f, x));
      return into(out, target);
    }),
    "zip/2": (a: unknown, b: unknown) => {
      const xs = items(a), ys = items(b);
      return L(xs.slice(0, Math.min(xs.length, ys.length)).map((x, i) => [x, ys[i]]));
    },
    "unzip/1": (e: unknown) => {
      const pairs = items(e) as unknown[][];
      return [L(pairs.map((p) => p[0])), L(pairs.map((p) => p[1]))];
    },
    "with_index/1": (e: unknown) => L(items(e).map((x, i) => [x, i])),
    "with_index/2": driven("Enum.with_index", function* (e: unknown, offsetOrFun: unknown) {
      const xs = items(e);
      if (typeof offsetOrFun !== "function") return L(xs.map((x, i) => [x, i + mustInt(offsetOrFun, 2)]));
      const out: unknown[] = [];
      for (let i = 0; i < xs.length; i++) out.push(yield* call(offsetOrFun, xs[i], i));
      return L(out);
    }),
    "chunk_every/2": (e: unknown, n: unknown) => L(chunks(items(e), mustInt(n, 2), mustInt(n, 2), undefined)),
    "chunk_every/3": (e: unknown, n: unknown, step: unknown) => L(chunks(items(e), mustInt(n, 2), mustInt(step, 3), undefined)),
    "chunk_every/4": (e: unknown, n: unknown, step: unknown, leftover: unknown) => L(chunks(items(e), mustInt(n, 2), mustInt(step, 3), leftover)),
    "frequencies/1": (e: unknown) => {
      let m = EMap.from([]);
      for (const x of items(e)) m = m.put(x, add((m.get(x) as number | undefined) ?? 0, 1));
      return m;
    },
    "intersperse/2": (e: unknown, sep: unknown) => L(items(e).flatMap((x, i) => (i === 0 ? [x] : [sep, x]))),

    // ── with funs ──
    "map/2": driven("Enum.map", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) out.push(yield* call(f, x));
      return L(out);
    }),
    "each/2": driven("Enum.each", function* (e: unknown, f: unknown) {
      for (const x of items(e)) yield* call(f, x);
      return "ok";
    }),
    "filter/2": driven("Enum.filter", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) if (truthy(yield* call(f, x))) out.push(x);
      return L(out);
    }),
    "reject/2": driven("Enum.reject", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) if (!truthy(yield* call(f, x))) out.push(x);
      return L(out);
    }),
    "split_with/2": driven("Enum.split_with", function* (e: unknown, f: unknown) {
      const yes: unknown[] = [], no: unknown[] = [];
      for (const x of items(e)) (truthy(yield* call(f, x)) ? yes : no).push(x);
      return [L(yes), L(no)];
    }),
    "reduce/2": driven("Enum.reduce", function* (e: unknown, f: unknown) {
      const xs = items(e);
      if (xs.length === 0) throw emptyError();
      let acc = xs[0];
      for (let i = 1; i < xs.length; i++) acc = yield* call(f, xs[i], acc);
      return acc;
    }),
    "reduce/3": driven("Enum.reduce", function* (e: unknown, acc: unknown, f: unknown) {
      for (const x of items(e)) acc = yield* call(f, x, acc);
      return acc;
    }),
    "reduce_while/3": driven("Enum.reduce_while", function* (e: unknown, acc: unknown, f: unknown) {
      for (const x of items(e)) {
        const r = (yield* call(f, x, acc)) as unknown[];
        acc = r[1];
        if (r[0] === "halt") break;
      }
      return acc;
    }),
    "map_reduce/3": driven("Enum.map_reduce", function* (e: unknown, acc: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) {
        const r = (yield* call(f, x, acc)) as unknown[];
        out.push(r[0]);
        acc = r[1];
      }
      return [L(out), acc];
    }),
    "scan/2": driven("Enum.scan", function* (e: unknown, f: unknown) {
      const xs = items(e);
      const out: unknown[] = [];
      let acc: unknown;
      for (let i = 0; i < xs.length; i++) out.push((acc = i === 0 ? xs[0] : yield* call(f, xs[i], acc)));
      return L(out);
    }),
    "find/2": driven("Enum.find", function* (e: unknown, f: unknown) {
      for (const x of items(e)) if (truthy(yield* call(f, x))) return x;
      return null;
    }),
    "find/3": driven("Enum.find", function* (e: unknown, d: unknown, f: unknown) {
      for (const x of items(e)) if (truthy(yield* call(f, x))) return x;
      return d;
    }),
    "find_index/2": driven("Enum.find_index", function* (e: unknown, f: unknown) {
      const xs = items(e);
      for (let i = 0; i < xs.length; i++) if (truthy(yield* call(f, xs[i]))) return i;
      return null;
    }),
    "find_value/2": driven("Enum.find_value", function* (e: unknown, f: unknown) {
      for (const x of items(e)) {
        const v = yield* call(f, x);
        if (truthy(v)) return v;
      }
      return null;
    }),
    "any?/1": (e: unknown) => items(e).some(truthy),
    "any?/2": driven("Enum.any?", function* (e: unknown, f: unknown) {
      for (const x of items(e)) if (truthy(yield* call(f, x))) return true;
      return false;
    }),
    "all?/1": (e: unknown) => items(e).every(truthy),
    "all?/2": driven("Enum.all?", function* (e: unknown, f: unknown) {
      for (const x of items(e)) if (!truthy(yield* call(f, x))) return false;
      return true;
    }),
    "flat_map/2": driven("Enum.flat_map", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) out.push(...items(yield* call(f, x)));
      return L(out);
    }),
    "map_join/2": driven("Enum.map_join", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) out.push(yield* call(f, x));
      return join(out, undefined);
    }),
    "map_join/3": driven("Enum.map_join", function* (e: unknown, sep: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) out.push(yield* call(f, x));
      return join(out, sep);
    }),
    "group_by/2": driven("Enum.group_by", function* (e: unknown, f: unknown) {
      return yield* groupBy(items(e), f, undefined);
    }),
    "group_by/3": driven("Enum.group_by", function* (e: unknown, f: unknown, v: unknown) {
      return yield* groupBy(items(e), f, v);
    }),
    "take_while/2": driven("Enum.take_while", function* (e: unknown, f: unknown) {
      const out: unknown[] = [];
      for (const x of items(e)) {
        if (!truthy(yield* call(f, x))) break;
        out.push(x);
      }
      return L(out);
    }),
    "drop_while/2": driven("Enum.drop_while", function* (e: unknown, f: unknown) {
      const xs = items(e);
      let i = 0;
      while (i < xs.length && truthy(yield* call(f, xs[i]))) i++;
      return L(xs.slice(i));
    }),
    "zip_with/3": driven("Enum.zip_with", function* (a: unknown, b: unknown, f: unknown) {
      const xs = items(a), ys = items(b);
      const out: unknown[] = [];
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) out.push(yield* call(f, xs[i], ys[i]));
      return L(out);
    }),
    "min_max/1": (e: unknown) => {
      const xs = items(e);
      if (!xs.length) throw emptyError();
      const sorted = xs.slice().sort(compare);
      return [sorted[0], sorted[sorted.length - 1]];
    },
  };
}

function* sortBy(xs: unknown[], f: unknown, how: unknown): Gen {
  const keyed: Array<[unknown, unknown]> = [];
  for (const x of xs) keyed.push([yield* call(f, x), x]);
  const cmp = sorter(how);
  const sorted = yield* sortWith(keyed, function* (a, b) { return yield* cmp((a as unknown[])[0], (b as unknown[])[0]); });
  return list(sorted.map((p) => (p as unknown[])[1]));
}

function* groupBy(xs: unknown[], f: unknown, v: unknown): Gen {
  const groups = new Map<string, [unknown, unknown[]]>();
  for (const x of xs) {
    const k = yield* call(f, x);
    const value = v === undefined ? x : yield* call(v, x);
    const g = groups.get(keyOf(k));
    if (g) g[1].push(value);
    else groups.set(keyOf(k), [k, [value]]);
  }
  return EMap.from([...groups.values()].map(([k, vs]) => [k, list(vs)] as [unknown, unknown]));
}
