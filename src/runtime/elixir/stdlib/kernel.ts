/**
 * Kernel: the functions the compiler does not inline (DESIGN.md lists which it calls without
 * await: those never wait). Process functions go through the runtime's own `otp` API, so
 * Elixir code and TypeScript code share one engine.
 */
import { ReceiveToken, SleepToken, internal } from "../../activation";
import type { OtpApi } from "../../api";
import type { Runtime } from "../../runtime";
import { ExitError, Pid, Ref } from "../../terms";
import { abs, div, rem } from "../arith";
import { compare } from "../compare";
import { ElixirError, argumentError, badarg, exception, exceptionMessage, isException, keyErrorRaised, runtimeError, undefinedFunctionError } from "../errors";
import { inspect } from "../inspect";
import { Bin, Cons, EMPTY, EMap, Float, list, structInfo } from "../terms";
import { type Gen, type Namespace, call, driven, isInt, items, listItems, mustInt, truthy } from "./support";
import { toText } from "./text";

export type Context = {
  rt: Runtime;
  api: OtpApi;
  /** `module.fun/arity` of a user module or the stdlib; raises UndefinedFunctionError. */
  resolve(module: unknown, fun: string, arity: number): (...args: unknown[]) => unknown;
  /** Whether a module exists (user module loaded, or a stdlib one). */
  isLoaded(module: string): boolean;
};

const B = (s: string) => new Bin(s);
const isAtom = (t: unknown) => typeof t === "string" || typeof t === "boolean" || t === null;

type Opts = { limit?: number; charlists?: "infer" | "as_lists"; label?: string; width?: number; pretty?: boolean };

/** Inspect options from a keyword list (`limit:`, `charlists:`, `pretty:`, `width:`, `label:`). */
export function inspectOpts(opts: unknown): Opts {
  const out: Opts = {};
  for (const p of opts === undefined ? [] : items(opts)) {
    if (!Array.isArray(p)) continue;
    if (p[0] === "limit") out.limit = p[1] === "infinity" ? Infinity : (p[1] as number);
    if (p[0] === "charlists") out.charlists = p[1] === "as_lists" || p[1] === "as_list" ? "as_lists" : "infer";
    if (p[0] === "label") out.label = toText(p[1]);
    if (p[0] === "width") out.width = p[1] === "infinity" ? Infinity : (p[1] as number);
    if (p[0] === "pretty") out.pretty = p[1] === true;
  }
  return out;
}

/** Kernel.inspect/2 lays out in `width` columns only when `pretty: true`; IO.inspect always does (80). */
const kernelInspect = (t: unknown, o: Opts) => inspect(t, { ...o, width: o.pretty ? (o.width ?? 80) : Infinity });

function elem(t: unknown, i: unknown): unknown {
  if (!Array.isArray(t)) throw badarg(2, "not a tuple");
  const k = mustInt(i, 1);
  if (k < 0 || k >= t.length) throw badarg(1, "out of range");
  return t[k];
}

function length(l: unknown): number {
  return listItems(l).length;
}

/** get_in / put_in / update_in over maps and keyword lists. */
function getIn(data: unknown, keys: unknown[]): unknown {
  let cur = data;
  for (const k of keys) {
    if (cur === null) return null;
    if (cur instanceof EMap) cur = cur.get(k) ?? null;
    else if (cur === EMPTY || cur instanceof Cons) cur = (items(cur).find((p) => Array.isArray(p) && p[0] === k) as unknown[] | undefined)?.[1] ?? null;
    else throw argumentError(`could not access key ${inspect(k)} in ${inspect(cur)}`);
  }
  return cur;
}

function* updateIn(data: unknown, keys: unknown[], f: (old: unknown) => Gen): Gen {
  if (keys.length === 0) return yield* f(data);
  const [k, ...rest] = keys;
  if (data instanceof EMap) {
    if (!data.has(k) && data.structName === null && rest.length > 0) throw keyErrorRaised(k, data);
    return data.put(k, yield* updateIn(data.get(k) ?? null, rest, f));
  }
  if (data === EMPTY || data instanceof Cons) {
    const pairs = items(data) as unknown[][];
    const i = pairs.findIndex((p) => p[0] === k);
    const value = yield* updateIn(i >= 0 ? pairs[i][1] : null, rest, f);
    return i >= 0 ? list(pairs.map((p, j) => (j === i ? [k, value] : p))) : list([...pairs, [k, value]]);
  }
  throw argumentError(`could not put/update key ${inspect(k)} on a nil value`);
}

function round(x: unknown): number | bigint {
  if (isInt(x)) return x;
  if (x instanceof Float) return Math.sign(x.v) * Math.round(Math.abs(x.v));
  throw badarg(1, "not a number");
}

export function createKernel(ctx: Context): Namespace {
  const { api, rt } = ctx;
  const spawnMfa = (m: unknown, f: unknown, a: unknown) => {
    const args = listItems(a, 3);
    const fn = ctx.resolve(m, f as string, args.length);
    return () => fn(...args);
  };
  const self = () => api.self();
  const kernel: Namespace = {
    "self/0": self,
    "send/2": (dest: unknown, msg: unknown) => send(ctx, dest, msg),
    "spawn/1": (f: unknown) => api.spawn(f),
    "spawn/3": (m: unknown, f: unknown, a: unknown) => api.spawn(spawnMfa(m, f, a)),
    "spawn_link/1": (f: unknown) => api.spawn_link(f),
    "spawn_link/3": (m: unknown, f: unknown, a: unknown) => api.spawn_link(spawnMfa(m, f, a)),
    "spawn_monitor/1": (f: unknown) => api.spawn_monitor(f),
    "spawn_monitor/3": (m: unknown, f: unknown, a: unknown) => api.spawn_monitor(spawnMfa(m, f, a)),
    "make_ref/0": () => rt.makeRef(),
    "node/0": () => "nonode@nohost",
    "node/1": () => "nonode@nohost",
    "inspect/1": (t: unknown) => B(inspect(t)),
    "inspect/2": (t: unknown, opts: unknown) => B(kernelInspect(t, inspectOpts(opts))),
    "to_string/1": (t: unknown) => B(toText(t)),
    "to_charlist/1": (t: unknown) => list([...toText(t)].map((c) => c.codePointAt(0)!)),
    "elem/2": elem,
    "put_elem/3": (t: unknown, i: unknown, v: unknown) => {
      elem(t, i);
      const out = (t as unknown[]).slice();
      out[i as number] = v;
      return out;
    },
    "hd/1": (l: unknown) => {
      if (!(l instanceof Cons)) throw badarg(1, "not a nonempty list");
      return l.head;
    },
    "tl/1": (l: unknown) => {
      if (!(l instanceof Cons)) throw badarg(1, "not a nonempty list");
      return l.tail;
    },
    "length/1": length,
    "tuple_size/1": (t: unknown) => {
      if (!Array.isArray(t)) throw badarg(1, "not a tuple");
      return t.length;
    },
    "map_size/1": (m: unknown) => {
      if (!(m instanceof EMap)) throw badarg(1, "not a map");
      return m.size;
    },
    "byte_size/1": (b: unknown) => {
      if (!(b instanceof Bin)) throw badarg(1, "not a bitstring");
      return new TextEncoder().encode(b.s).length;
    },
    "is_atom/1": isAtom,
    "is_binary/1": (t: unknown) => t instanceof Bin,
    "is_bitstring/1": (t: unknown) => t instanceof Bin,
    "is_boolean/1": (t: unknown) => t === true || t === false,
    "is_float/1": (t: unknown) => t instanceof Float,
    "is_function/1": (t: unknown) => typeof t === "function",
    "is_function/2": (t: unknown, n: unknown) => typeof t === "function" && ((t as { arity?: number }).arity ?? t.length) === n,
    "is_integer/1": isInt,
    "is_list/1": (t: unknown) => t === EMPTY || t instanceof Cons,
    "is_map/1": (t: unknown) => t instanceof EMap,
    "is_map_key/2": (m: unknown, k: unknown) => {
      if (!(m instanceof EMap)) throw badarg(2, "not a map");
      return m.has(k);
    },
    "is_nil/1": (t: unknown) => t === null,
    "is_number/1": (t: unknown) => isInt(t) || t instanceof Float,
    "is_pid/1": (t: unknown) => t instanceof Pid,
    "is_reference/1": (t: unknown) => t instanceof Ref,
    "is_tuple/1": (t: unknown) => Array.isArray(t),
    "is_struct/1": (t: unknown) => t instanceof EMap && t.structName !== null,
    "is_struct/2": (t: unknown, name: unknown) => t instanceof EMap && t.structName === name,
    "is_exception/1": isException,
    "div/2": div,
    "rem/2": rem,
    "abs/1": abs,
    "min/2": (a: unknown, b: unknown) => (compare(a, b) <= 0 ? a : b),
    "max/2": (a: unknown, b: unknown) => (compare(a, b) >= 0 ? a : b),
    "round/1": round,
    "trunc/1": (x: unknown) => (x instanceof Float ? Math.trunc(x.v) + 0 : round(x)),
    "floor/1": (x: unknown) => (x instanceof Float ? Math.floor(x.v) : round(x)),
    "ceil/1": (x: unknown) => (x instanceof Float ? Math.ceil(x.v) + 0 : round(x)),
    "apply/2": driven("apply", function* (f: unknown, args: unknown) {
      return yield* call(f, ...listItems(args, 2));
    }),
    "apply/3": (m: unknown, f: unknown, args: unknown) => {
      const a = listItems(args, 3);
      return ctx.resolve(m, f as string, a.length)(...a);
    },
    "function_exported?/3": (m: unknown, f: unknown, arity: unknown) => {
      try {
        ctx.resolve(m, f as string, arity as number);
        return true;
      } catch {
        return false;
      }
    },
    "exit/1": (reason: unknown) => {
      throw new ExitError(reason);
    },
    "throw/1": (value: unknown) => {
      throw value;
    },
    "raise/1": (what: unknown) => {
      if (what instanceof Bin) throw runtimeError(what.s);
      if (isException(what)) throw new ElixirError(what as EMap);
      if (typeof what === "string") throw raiseModule(ctx, what, EMPTY);
      throw argumentError(`raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: ${inspect(what)}`);
    },
    "raise/2": (module: unknown, fields: unknown) => {
      throw raiseModule(ctx, module as string, fields);
    },
    "get_in/2": (data: unknown, keys: unknown) => getIn(data, listItems(keys, 2)),
    // (Called without await by compiled code: nothing here waits, so the generator runs at once.)
    "put_in/3": (data: unknown, keys: unknown, value: unknown) =>
      runNow(updateIn(data, listItems(keys, 2), function* () { return value; })),
    "get_and_update_in/3": driven("get_and_update_in", function* (data: unknown, keys: unknown, f: unknown) {
      let got: unknown = null;
      const out = yield* updateIn(data, listItems(keys, 2), function* (old) {
        const r = (yield* call(f, old)) as unknown[];
        got = r[0];
        return r[1];
      });
      return [got, out];
    }),
    "pop_in/2": driven("pop_in", function* (data: unknown, keys: unknown) {
      const ks = listItems(keys, 2);
      const got = getIn(data, ks);
      const parent = ks.slice(0, -1);
      const last = ks[ks.length - 1];
      const out = yield* updateIn(data, parent, function* (container) {
        if (container instanceof EMap) return container.delete(last);
        return list(items(container).filter((p) => !(Array.isArray(p) && p[0] === last)));
      });
      return [got, out];
    }),
    "struct/1": (m: unknown) => makeStruct(ctx, m, EMPTY, false),
    "struct/2": (m: unknown, fields: unknown) => makeStruct(ctx, m, fields, false),
    "struct!/1": (m: unknown) => makeStruct(ctx, m, EMPTY, true),
    "struct!/2": (m: unknown, fields: unknown) => makeStruct(ctx, m, fields, true),
    "binary_part/3": (bin: unknown, start: unknown, len: unknown) => {
      if (!(bin instanceof Bin)) throw badarg(1, "not a binary");
      const bytes = new TextEncoder().encode(bin.s);
      const s0 = mustInt(start, 2), n = mustInt(len, 3);
      const [from, to] = n >= 0 ? [s0, s0 + n] : [s0 + n, s0];
      if (from < 0 || to > bytes.length) throw badarg(2, "out of range");
      return B(new TextDecoder().decode(bytes.slice(from, to)));
    },
    "update_in/3": driven("update_in", function* (data: unknown, keys: unknown, f: unknown) {
      return yield* updateIn(data, listItems(keys, 2), function* (old) { return yield* call(f, old); });
    }),
    "then/2": driven("then", function* (v: unknown, f: unknown) { return yield* call(f, v); }),
    "tap/2": driven("tap", function* (v: unknown, f: unknown) {
      yield* call(f, v);
      return v;
    }),
    "binding/0": () => EMPTY,
  };
  return kernel;
}

/**
 * `send/2`: to a pid, a registered name or `{name, node}`; an unregistered name raises the BEAM's
 * badarg ("invalid destination").
 */
export function send(ctx: Context, dest: unknown, msg: unknown): unknown {
  const to = Array.isArray(dest) && dest.length === 2 && typeof dest[0] === "string" ? dest[0] : dest;
  if (typeof to === "string" && !ctx.rt.registry.has(to)) throw badarg(1, "invalid destination");
  if (typeof to !== "string" && !(to instanceof Pid)) throw badarg(1, "invalid destination");
  ctx.api.send(to, msg);
  return msg;
}

/** Runs a generator that never waits to its end (a stdlib helper called without await). */
function runNow<T>(g: Gen<T>): T {
  const r = g.next();
  if (!r.done) throw new Error("internal: a synchronous Kernel function tried to wait");
  return r.value;
}

/** `struct(Mod, fields)`: the module's defaults with the known fields set (`struct!` rejects unknown ones). */
function makeStruct(ctx: Context, m: unknown, fields: unknown, strict: boolean): EMap {
  let base: EMap;
  if (m instanceof EMap && m.structName) base = m;
  else if (typeof m === "string") {
    const info = structInfo(m);
    if (!info) throw undefinedFunctionError(m, "__struct__", strict ? 1 : 0, ctx.isLoaded);
    base = info.defaults;
  } else throw argumentError(`expected a struct name or a struct, got: ${inspect(m)}`);
  const pairs = fields instanceof EMap ? fields.entries() : (items(fields) as Array<[unknown, unknown]>);
  for (const [k, v] of pairs) {
    if (k === "__struct__" || !base.has(k)) {
      if (strict) throw keyErrorRaised(k, base);
      continue;
    }
    base = base.put(k, v);
  }
  return base;
}

/** `raise Mod` / `raise Mod, "msg"` / `raise Mod, key: v`: the module's exception/1 when it has one. */
function raiseModule(ctx: Context, module: string, fields: unknown): ElixirError {
  const given = fields instanceof Bin ? [["message", fields]] : (items(fields) as unknown[][]);
  let e = exception(module, {});
  for (const [k, v] of given) e = e.put(k, v);
  return new ElixirError(e, e, exceptionMessage(e, ctx.isLoaded));
}

/** Waits forever (Process.sleep(:infinity)): a receive nothing matches. */
export const forever = () => new ReceiveToken(() => false, undefined);

/** Process.sleep/1 answers :ok once the time has passed, as Elixir's does. */
const sleepThenOk = internal(function* (ms: number) {
  yield new SleepToken(ms);
  return "ok";
}, "Process.sleep");

export function sleep(ms: unknown): unknown {
  if (ms === "infinity") return forever();
  if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0) throw argumentError(`expected a non-negative integer or :infinity, got: ${inspect(ms)}`);
  return sleepThenOk(ms);
}

export { truthy };
