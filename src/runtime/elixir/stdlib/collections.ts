/**
 * Map, List, Keyword, Tuple and MapSet: the common functions, with Elixir 1.14's results and
 * errors (KeyError for `Map.fetch!`/`Keyword.fetch!`, BadMapError for a non-map).
 */
import { strictEquals } from "../compare";
import { argumentError, badMapError, badarg, functionClauseError, keyError, keyErrorRaised } from "../errors";
import { add } from "../arith";
import { Bin, Cons, EMPTY, EMap, atom, list } from "../terms";
import { toInteger, toText } from "./text";
import { type Gen, type Namespace, call, driven, isMapSet, items, listItems, mapSet, mustInt, truthy } from "./support";

const L = (xs: unknown[]) => list(xs);

function mapOf(m: unknown): EMap {
  if (m instanceof EMap) return m;
  throw badMapError(m);
}

const pairs = (e: unknown): Array<[unknown, unknown]> =>
  items(e).map((p) => {
    if (!Array.isArray(p) || p.length !== 2) throw argumentError(`expected a {key, value} tuple, got: ${String(p)}`);
    return p as [unknown, unknown];
  });

export function createMap(): Namespace {
  return {
    "new/0": () => EMap.from([]),
    "new/1": (e: unknown) => EMap.from(pairs(e)),
    "new/2": driven("Map.new", function* (e: unknown, f: unknown) {
      const out: Array<[unknown, unknown]> = [];
      for (const x of items(e)) out.push((yield* call(f, x)) as [unknown, unknown]);
      return EMap.from(out);
    }),
    "get/2": (m: unknown, k: unknown) => mapOf(m).get(k) ?? null,
    "get/3": (m: unknown, k: unknown, d: unknown) => (mapOf(m).has(k) ? mapOf(m).get(k) : d),
    "get_lazy/3": driven("Map.get_lazy", function* (m: unknown, k: unknown, f: unknown) {
      return mapOf(m).has(k) ? mapOf(m).get(k) : yield* call(f);
    }),
    "fetch/2": (m: unknown, k: unknown) => (mapOf(m).has(k) ? ["ok", mapOf(m).get(k)] : "error"),
    "fetch!/2": (m: unknown, k: unknown) => {
      if (!mapOf(m).has(k)) throw keyError(k, m);
      return mapOf(m).get(k);
    },
    "put/3": (m: unknown, k: unknown, v: unknown) => mapOf(m).put(k, v),
    "put_new/3": (m: unknown, k: unknown, v: unknown) => (mapOf(m).has(k) ? m : mapOf(m).put(k, v)),
    "delete/2": (m: unknown, k: unknown) => mapOf(m).delete(k),
    "has_key?/2": (m: unknown, k: unknown) => mapOf(m).has(k),
    "keys/1": (m: unknown) => L(mapOf(m).keys()),
    "values/1": (m: unknown) => L(mapOf(m).values()),
    "to_list/1": (m: unknown) => L(mapOf(m).entries().map(([k, v]) => [k, v])),
    "merge/2": (a: unknown, b: unknown) => mapOf(a).putAll(mapOf(b).entries()),
    "merge/3": driven("Map.merge", function* (a: unknown, b: unknown, f: unknown) {
      let out = mapOf(a);
      for (const [k, v] of mapOf(b).entries()) out = out.put(k, out.has(k) ? yield* call(f, k, out.get(k), v) : v);
      return out;
    }),
    "update/4": driven("Map.update", function* (m: unknown, k: unknown, d: unknown, f: unknown) {
      const map = mapOf(m);
      return map.put(k, map.has(k) ? yield* call(f, map.get(k)) : d);
    }),
    "update!/3": driven("Map.update!", function* (m: unknown, k: unknown, f: unknown) {
      const map = mapOf(m);
      if (!map.has(k)) throw keyErrorRaised(k, m);
      return map.put(k, yield* call(f, map.get(k)));
    }),
    "pop/2": (m: unknown, k: unknown) => [mapOf(m).get(k) ?? null, mapOf(m).delete(k)],
    "pop/3": (m: unknown, k: unknown, d: unknown) => [mapOf(m).has(k) ? mapOf(m).get(k) : d, mapOf(m).delete(k)],
    "take/2": (m: unknown, keys: unknown) => EMap.from(items(keys).filter((k) => mapOf(m).has(k)).map((k) => [k, mapOf(m).get(k)] as [unknown, unknown])),
    "drop/2": (m: unknown, keys: unknown) => items(keys).reduce((acc: EMap, k) => acc.delete(k), mapOf(m)),
    "split/2": (m: unknown, keys: unknown) => {
      const ks = items(keys);
      const take = EMap.from(ks.filter((k) => mapOf(m).has(k)).map((k) => [k, mapOf(m).get(k)] as [unknown, unknown]));
      return [take, ks.reduce((acc: EMap, k) => acc.delete(k), mapOf(m))];
    },
    "filter/2": driven("Map.filter", function* (m: unknown, f: unknown) {
      const out: Array<[unknown, unknown]> = [];
      for (const [k, v] of mapOf(m).entries()) if (truthy(yield* call(f, [k, v]))) out.push([k, v]);
      return EMap.from(out);
    }),
    "reject/2": driven("Map.reject", function* (m: unknown, f: unknown) {
      const out: Array<[unknown, unknown]> = [];
      for (const [k, v] of mapOf(m).entries()) if (!truthy(yield* call(f, [k, v]))) out.push([k, v]);
      return EMap.from(out);
    }),
    "map_size/1": (m: unknown) => mapOf(m).size,
    "from_struct/1": (m: unknown) => mapOf(m).delete("__struct__"),
    "equal?/2": (a: unknown, b: unknown) => strictEquals(mapOf(a), mapOf(b)),
  };
}

function properList(l: unknown, fun: string, arity: number): unknown[] {
  if (l !== EMPTY && !(l instanceof Cons)) throw functionClauseError("Elixir.List", fun, arity);
  return listItems(l);
}

function flatten(l: unknown, out: unknown[] = []): unknown[] {
  for (const x of listItems(l)) {
    if (x === EMPTY || x instanceof Cons) flatten(x, out);
    else out.push(x);
  }
  return out;
}

export function createList(): Namespace {
  return {
    "first/1": (l: unknown) => properList(l, "first", 2)[0] ?? null,
    "first/2": (l: unknown, d: unknown) => (l instanceof Cons ? l.head : (properList(l, "first", 2), d)),
    "last/1": (l: unknown) => {
      const xs = properList(l, "last", 2);
      return xs.length ? xs[xs.length - 1] : null;
    },
    "flatten/1": (l: unknown) => L(flatten(l)),
    "delete/2": (l: unknown, v: unknown) => {
      const xs = listItems(l);
      const i = xs.findIndex((x) => strictEquals(x, v));
      return i < 0 ? l : L([...xs.slice(0, i), ...xs.slice(i + 1)]);
    },
    "delete_at/2": (l: unknown, i: unknown) => {
      const xs = listItems(l);
      const k = mustInt(i, 2) < 0 ? xs.length + mustInt(i, 2) : mustInt(i, 2);
      return k < 0 || k >= xs.length ? l : L([...xs.slice(0, k), ...xs.slice(k + 1)]);
    },
    "insert_at/3": (l: unknown, i: unknown, v: unknown) => {
      const xs = listItems(l);
      let k = mustInt(i, 2);
      if (k < 0) k = Math.max(0, xs.length + k + 1);
      return L([...xs.slice(0, k), v, ...xs.slice(k)]);
    },
    "replace_at/3": (l: unknown, i: unknown, v: unknown) => {
      const xs = listItems(l);
      const k = mustInt(i, 2) < 0 ? xs.length + mustInt(i, 2) : mustInt(i, 2);
      return k < 0 || k >= xs.length ? l : L(xs.map((x, j) => (j === k ? v : x)));
    },
    "update_at/3": driven("List.update_at", function* (l: unknown, i: unknown, f: unknown) {
      const xs = listItems(l);
      const k = mustInt(i, 2) < 0 ? xs.length + mustInt(i, 2) : mustInt(i, 2);
      if (k < 0 || k >= xs.length) return l;
      const out = xs.slice();
      out[k] = yield* call(f, xs[k]);
      return L(out);
    }),
    "wrap/1": (t: unknown) => (t === null ? EMPTY : t === EMPTY || t instanceof Cons ? t : L([t])),
    "duplicate/2": (v: unknown, n: unknown) => L(Array.from({ length: mustInt(n, 2) }, () => v)),
    "to_tuple/1": (l: unknown) => listItems(l),
    "keyfind/3": (l: unknown, k: unknown, pos: unknown) =>
      listItems(l).find((t) => Array.isArray(t) && strictEquals(t[mustInt(pos, 3)], k)) ?? false,
    "keymember?/3": (l: unknown, k: unknown, pos: unknown) =>
      listItems(l).some((t) => Array.isArray(t) && strictEquals(t[mustInt(pos, 3)], k)),
    "keydelete/3": (l: unknown, k: unknown, pos: unknown) => {
      const xs = listItems(l);
      const i = xs.findIndex((t) => Array.isArray(t) && strictEquals(t[mustInt(pos, 3)], k));
      return i < 0 ? l : L([...xs.slice(0, i), ...xs.slice(i + 1)]);
    },
    "to_string/1": (l: unknown) => new Bin(toText(properList(l, "to_string", 1) && l)),
    "to_atom/1": (l: unknown) => atom(toText(l)),
    "to_integer/1": (l: unknown) => toInteger(toText(l)),
  };
}

function keywordItems(kw: unknown): Array<[unknown, unknown]> {
  return listItems(kw) as Array<[unknown, unknown]>;
}

export function createKeyword(): Namespace {
  return {
    "get/2": (kw: unknown, k: unknown) => keywordItems(kw).find((p) => p[0] === k)?.[1] ?? null,
    "get/3": (kw: unknown, k: unknown, d: unknown) => {
      const p = keywordItems(kw).find((q) => q[0] === k);
      return p ? p[1] : d;
    },
    "fetch/2": (kw: unknown, k: unknown) => {
      const p = keywordItems(kw).find((q) => q[0] === k);
      return p ? ["ok", p[1]] : "error";
    },
    "fetch!/2": (kw: unknown, k: unknown) => {
      const p = keywordItems(kw).find((q) => q[0] === k);
      if (!p) throw keyErrorRaised(k, kw);
      return p[1];
    },
    "get_values/2": (kw: unknown, k: unknown) => L(keywordItems(kw).filter((p) => p[0] === k).map((p) => p[1])),
    "has_key?/2": (kw: unknown, k: unknown) => keywordItems(kw).some((p) => p[0] === k),
    "keys/1": (kw: unknown) => L(keywordItems(kw).map((p) => p[0])),
    "values/1": (kw: unknown) => L(keywordItems(kw).map((p) => p[1])),
    "put/3": (kw: unknown, k: unknown, v: unknown) => L([[k, v], ...keywordItems(kw).filter((p) => p[0] !== k)]),
    "put_new/3": (kw: unknown, k: unknown, v: unknown) => (keywordItems(kw).some((p) => p[0] === k) ? kw : L([[k, v], ...keywordItems(kw)])),
    "delete/2": (kw: unknown, k: unknown) => L(keywordItems(kw).filter((p) => p[0] !== k)),
    "merge/2": (a: unknown, b: unknown) => {
      const right = keywordItems(b);
      const keys = new Set(right.map((p) => p[0]));
      return L([...keywordItems(a).filter((p) => !keys.has(p[0])), ...right]);
    },
    "new/0": () => EMPTY,
    "new/1": (e: unknown) => {
      const out: Array<[unknown, unknown]> = [];
      for (const p of pairs(e)) {
        const i = out.findIndex((q) => q[0] === p[0]);
        if (i >= 0) out.splice(i, 1);
        out.push(p);
      }
      return L(out);
    },
    "keyword?/1": (t: unknown) => {
      const xs = t === EMPTY || t instanceof Cons ? items(t) : null;
      return !!xs && xs.every((p) => Array.isArray(p) && p.length === 2 && (typeof p[0] === "string" || typeof p[0] === "boolean" || p[0] === null));
    },
    "take/2": (kw: unknown, keys: unknown) => {
      const ks = items(keys);
      return L(keywordItems(kw).filter((p) => ks.includes(p[0])));
    },
    "drop/2": (kw: unknown, keys: unknown) => {
      const ks = items(keys);
      return L(keywordItems(kw).filter((p) => !ks.includes(p[0])));
    },
    "update/4": driven("Keyword.update", function* (kw: unknown, k: unknown, d: unknown, f: unknown): Gen {
      const xs = keywordItems(kw);
      const i = xs.findIndex((p) => p[0] === k);
      if (i < 0) return L([...xs, [k, d]]);
      const v = yield* call(f, xs[i][1]);
      return L([...xs.slice(0, i), [k, v], ...xs.slice(i + 1).filter((p) => p[0] !== k)]);
    }),
  };
}

function tupleOf(t: unknown, position = 1): unknown[] {
  if (Array.isArray(t)) return t;
  throw badarg(position, "not a tuple");
}

export function createTuple(): Namespace {
  return {
    "to_list/1": (t: unknown) => L(tupleOf(t)),
    "append/2": (t: unknown, v: unknown) => [...tupleOf(t), v],
    "insert_at/3": (t: unknown, i: unknown, v: unknown) => {
      const xs = tupleOf(t);
      const k = mustInt(i, 2);
      if (k < 0 || k > xs.length) throw badarg(2, "out of range");
      return [...xs.slice(0, k), v, ...xs.slice(k)];
    },
    "delete_at/2": (t: unknown, i: unknown) => {
      const xs = tupleOf(t);
      const k = mustInt(i, 2);
      if (k < 0 || k >= xs.length) throw badarg(2, "out of range");
      return [...xs.slice(0, k), ...xs.slice(k + 1)];
    },
    "duplicate/2": (v: unknown, n: unknown) => Array.from({ length: mustInt(n, 2) }, () => v),
    "sum/1": (t: unknown) => tupleOf(t).reduce((a, b) => add(a, b), 0),
  };
}

function setOf(s: unknown): EMap {
  if (isMapSet(s)) return (s as EMap).get("map") as EMap;
  throw functionClauseError("Elixir.MapSet", "member?", 2);
}

export function createMapSet(): Namespace {
  return {
    "new/0": () => mapSet([]),
    "new/1": (e: unknown) => mapSet(items(e)),
    "put/2": (s: unknown, v: unknown) => mapSet([...setOf(s).keys(), v]),
    "delete/2": (s: unknown, v: unknown) => mapSet(setOf(s).delete(v).keys()),
    "member?/2": (s: unknown, v: unknown) => setOf(s).has(v),
    "size/1": (s: unknown) => setOf(s).size,
    "to_list/1": (s: unknown) => L(setOf(s).keys()),
    "union/2": (a: unknown, b: unknown) => mapSet([...setOf(a).keys(), ...setOf(b).keys()]),
    "intersection/2": (a: unknown, b: unknown) => mapSet(setOf(a).keys().filter((k) => setOf(b).has(k))),
    "difference/2": (a: unknown, b: unknown) => mapSet(setOf(a).keys().filter((k) => !setOf(b).has(k))),
    "subset?/2": (a: unknown, b: unknown) => setOf(a).keys().every((k) => setOf(b).has(k)),
  };
}
