/**
 * The helpers generated Elixir code calls (`require("$elixir")`, bound as `E` in every compiled
 * module): the term classes and constructors, operators with Elixir's semantics (exact integers,
 * term order, strict booleans), guard tests, the errors a failed match raises, fun calls with
 * BadArityError, captures of remote functions, `raise` and the kinds `try` catches. Terms,
 * arithmetic, comparison and exceptions come from `src/runtime/elixir/`; this file only adds
 * what compiled code needs on top (DESIGN.md "Compiler ↔ runtime interface").
 */
import { TIMEOUT, ExitError, Pid, Ref } from "../../runtime/terms";
import { add, sub, mul, fdiv, div, rem, neg, abs, pow } from "../../runtime/elixir/arith";
import { compare, equals, strictEquals } from "../../runtime/elixir/compare";
import {
  ElixirError, badArityError, badBooleanError, badFunctionError, badMapError, caseClauseError, condClauseError,
  defineException, exception, exceptionOf, functionClauseError, keyError, matchError, protocolError, runtimeError,
  argumentError, crashReasonOf, tryClauseError, undefinedFunctionError, withClauseError,
} from "../../runtime/elixir/errors";
import { formatFloat, inspect } from "../../runtime/elixir/inspect";
import { toText } from "../../runtime/elixir/stdlib/text";
import { Bin, Cons, EMPTY, EMap, Float, bin, defineStruct, keyOf, list, structInfo } from "../../runtime/elixir/terms";

type Fn = (...args: unknown[]) => unknown;
type Namespace = Record<string, unknown>;

const isInt = (x: unknown) => (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";

export function createSupport(
  require: (module: string) => Namespace,
  isLoaded: (module: string) => boolean,
  /** A caught error's stack as the dialect's term (`__STACKTRACE__`). */
  stacktraceOf: (err: unknown) => unknown = () => EMPTY,
) {
  /** A function of `arity` parameters (fn.length is a fun's arity) that runs `body(args)`. */
  function withArity(arity: number, body: (args: unknown[]) => unknown): Fn {
    switch (arity) {
      case 0: return () => body([]);
      case 1: return (a) => body([a]);
      case 2: return (a, b) => body([a, b]);
      case 3: return (a, b, c) => body([a, b, c]);
      case 4: return (a, b, c, d) => body([a, b, c, d]);
      default: {
        const f = (...args: unknown[]) => body(args);
        Object.defineProperty(f, "length", { value: arity });
        return f;
      }
    }
  }

  const E = {
    TIMEOUT, EMPTY, Cons, Bin, Float, EMap, list, bin,
    float: (v: number) => new Float(v),
    map: (entries: Array<[unknown, unknown]>) => EMap.from(entries),

    // ── operators ──
    add, sub, mul, fdiv, neg, pow, div, rem, abs,
    pos(a: unknown) {
      if (isInt(a) || a instanceof Float) return a;
      return add(a, 0);
    },
    eq: equals,
    neq: (a: unknown, b: unknown) => !equals(a, b),
    seq: strictEquals,
    sneq: (a: unknown, b: unknown) => !strictEquals(a, b),
    lt: (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? a < b : compare(a, b) < 0),
    le: (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? a <= b : compare(a, b) <= 0),
    gt: (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? a > b : compare(a, b) > 0),
    ge: (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? a >= b : compare(a, b) >= 0),
    /** `and`/`or`/`not` want a boolean on the left. */
    bool(op: string, v: unknown): boolean {
      if (v === true || v === false) return v;
      throw badBooleanError(op, v);
    },
    not(v: unknown): boolean {
      if (v === true) return false;
      if (v === false) return true;
      throw argumentError(`errors were found at the given arguments:\n\n  * 1st argument: not a boolean\n`, true);
    },
    /** `++`. */
    concat(a: unknown, b: unknown): unknown {
      const items: unknown[] = [];
      let c = a;
      while (c instanceof Cons) {
        items.push(c.head);
        c = c.tail;
      }
      if (c !== EMPTY) throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a list\n", true);
      return list(items, b);
    },
    /** `--`: removes the first occurrence of each element of `b`. */
    subtract(a: unknown, b: unknown): unknown {
      const items: unknown[] = [];
      for (let c = a; c instanceof Cons; c = c.tail) items.push(c.head);
      for (let c = b; c instanceof Cons; c = c.tail) {
        const i = items.findIndex((x) => strictEquals(x, (c as Cons).head));
        if (i >= 0) items.splice(i, 1);
      }
      return list(items);
    },
    /** `<>`. */
    binConcat(a: unknown, b: unknown): Bin {
      if (a instanceof Bin && b instanceof Bin) return new Bin(a.s + b.s);
      throw argumentError(`expected binary argument in <> operator but got: ${inspect(a instanceof Bin ? b : a)}`);
    },
    /** The text of a term for interpolation (String.Chars: `"#{String}"` is "Elixir.String", as on the BEAM). */
    str(v: unknown): string {
      return v instanceof Bin ? v.s : toText(v);
    },

    // ── guards ──
    is_integer: isInt,
    is_float: (x: unknown) => x instanceof Float,
    is_number: (x: unknown) => isInt(x) || x instanceof Float,
    is_atom: (x: unknown) => typeof x === "string" || typeof x === "boolean" || x === null,
    is_boolean: (x: unknown) => typeof x === "boolean",
    is_nil: (x: unknown) => x === null,
    is_binary: (x: unknown) => x instanceof Bin,
    is_bitstring: (x: unknown) => x instanceof Bin,
    is_list: (x: unknown) => x === EMPTY || x instanceof Cons,
    is_tuple: (x: unknown) => Array.isArray(x),
    /** `Array.isArray` for generated pattern tests: a global read from sandboxed code goes through the compartment's scope Proxy, every time. */
    isArray: Array.isArray,
    is_map: (x: unknown) => x instanceof EMap,
    is_pid: (x: unknown) => x instanceof Pid,
    is_reference: (x: unknown) => x instanceof Ref,
    is_function: (x: unknown, arity?: unknown) => typeof x === "function" && (arity === undefined || (x as Fn).length === arity),
    is_struct: (x: unknown, name?: unknown) => x instanceof EMap && x.structName !== null && (name === undefined || x.structName === name),
    is_exception: (x: unknown) => x instanceof EMap && x.get("__exception__") === true,
    is_map_key: (m: unknown, k: unknown) => (m instanceof EMap ? m.has(k) : (() => { throw badMapError(m); })()),
    tuple_size(t: unknown): number {
      if (Array.isArray(t)) return t.length;
      throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a tuple\n", true);
    },
    map_size(m: unknown): number {
      if (m instanceof EMap) return m.size;
      throw badMapError(m);
    },
    elem(t: unknown, i: unknown): unknown {
      if (Array.isArray(t) && typeof i === "number" && i >= 0 && i < t.length) return t[i];
      throw argumentError(`errors were found at the given arguments:\n\n  * 1st argument: ${Array.isArray(t) ? "out of range" : "not a tuple"}\n`, true);
    },

    hd(l: unknown): unknown {
      if (l instanceof Cons) return l.head;
      throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n", true);
    },
    tl(l: unknown): unknown {
      if (l instanceof Cons) return l.tail;
      throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n", true);
    },
    length(l: unknown): number {
      let n = 0;
      let c = l;
      while (c instanceof Cons) {
        n++;
        c = c.tail;
      }
      if (c !== EMPTY) throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a list\n", true);
      return n;
    },
    max: (a: unknown, b: unknown) => (compare(a, b) >= 0 ? a : b),
    min: (a: unknown, b: unknown) => (compare(a, b) <= 0 ? a : b),
    byte_size(b: unknown): number {
      if (b instanceof Bin) return new TextEncoder().encode(b.s).length;
      throw argumentError("errors were found at the given arguments:\n\n  * 1st argument: not a bitstring\n", true);
    },
    /** A receive's `after` time: a non-negative integer (ms). */
    timeout(t: unknown): number {
      if (typeof t === "number" && Number.isInteger(t) && t >= 0) return t;
      throw argumentError(`timeout value must be a non-negative integer or :infinity, got: ${inspect(t)}`);
    },
    throw(v: unknown): never {
      throw v;
    },

    // ── data ──
    /** `data[key]` (Access.get/2): a map's value, a keyword list's first value, or nil. */
    accessGet(data: unknown, key: unknown): unknown {
      if (data instanceof EMap) {
        if (data.structName !== null) throw undefinedFunctionError(data.structName, "fetch", 2, isLoaded);
        const v = data.get(key);
        return v === undefined ? null : v;
      }
      if (data === null) return null;
      if (data === EMPTY || data instanceof Cons) {
        if (typeof key !== "string" && key !== null && typeof key !== "boolean") throw argumentError(`the Access calls for keywords expect the key to be an atom, got: ${inspect(key)}`);
        for (let c: unknown = data; c instanceof Cons; c = c.tail) {
          const kv = c.head;
          if (Array.isArray(kv) && kv.length === 2 && kv[0] === key) return kv[1];
        }
        return null;
      }
      throw argumentError(`the Access module does not support accessing ${inspect(data)} with key ${inspect(key)}`);
    },
    /** `m.key`: a map's value, KeyError when absent. */
    dot(m: unknown, key: string): unknown {
      if (m instanceof EMap) {
        const v = m.get(key);
        if (v === undefined) throw keyError(key, m, true);
        return v;
      }
      throw badMapError(m);
    },
    /** `%{m | k: v}`: every key must exist. */
    mapUpdate(m: unknown, entries: Array<[unknown, unknown]>, inShell = false): EMap {
      if (!(m instanceof EMap)) throw badMapError(m);
      // OTP 25's map update fails with {:badkey, k}: a KeyError with no term in compiled code,
      // naming the map in the shell (erl_eval calls :maps.update), as on the BEAM.
      for (const [k] of entries) if (!m.has(k)) throw keyError(k, inShell ? m : null);
      return m.putAll(entries);
    },
    mapPut: (m: EMap, entries: Array<[unknown, unknown]>) => m.putAll(entries),
    /** `%Mod{k: v}`: the struct's defaults with the fields set; an unknown field raises KeyError. */
    struct(module: string, entries: Array<[unknown, unknown]>): EMap {
      const info = structInfo(module);
      if (!info) throw undefinedFunctionError(module, "__struct__", 1, isLoaded);
      for (const [k] of entries) if (typeof k !== "string" || !info.fields.includes(k)) throw keyError(k, info.defaults, true);
      return info.defaults.putAll(entries);
    },
    /** `%Mod{s | k: v}`. */
    structUpdate(module: string, base: unknown, entries: Array<[unknown, unknown]>): EMap {
      if (!(base instanceof EMap) || base.structName !== module) throw badStructError(module, base);
      return E.mapUpdate(base, entries);
    },
    defineStruct, defineException,
    range(first: unknown, last: unknown, step?: unknown): EMap {
      if (!isInt(first) || !isInt(last)) throw argumentError(`ranges (first..last) expect both sides to be integers, got: ${inspect(first)}..${inspect(last)}`);
      const s = step ?? (compare(last, first) >= 0 ? 1 : -1);
      return EMap.from([["__struct__", "Elixir.Range"], ["first", first], ["last", last], ["step", s]]);
    },
    /** The elements of an enumerable, for `for`: a list, a range or a map (as `{k, v}` tuples). */
    iter(e: unknown): unknown[] {
      if (e === EMPTY || e instanceof Cons) {
        const out: unknown[] = [];
        let c: unknown = e;
        while (c instanceof Cons) {
          out.push(c.head);
          c = c.tail;
        }
        return out;
      }
      if (e instanceof EMap) {
        if (e.structName === "Elixir.Range") {
          const first = Number(e.get("first")), last = Number(e.get("last")), step = Number(e.get("step"));
          const out: number[] = [];
          if (step > 0) for (let i = first; i <= last; i += step) out.push(i);
          else for (let i = first; i >= last; i += step) out.push(i);
          return out;
        }
        if (e.structName === null) return e.entries().map(([k, v]) => [k, v]);
      }
      throw protocolError("Enumerable", e);
    },
    /** `for ..., into: c`: the items put into the collectable. */
    into(c: unknown, items: unknown[]): unknown {
      if (c === EMPTY || c instanceof Cons) return E.concat(c, list(items));
      if (c instanceof EMap) {
        return c.putAll(items.map((t) => {
          if (Array.isArray(t) && t.length === 2) return [t[0], t[1]] as [unknown, unknown];
          throw argumentError(`collecting into a map requires {key, value} tuples, got: ${inspect(t)}`);
        }));
      }
      if (c instanceof Bin) return new Bin(c.s + items.map((x) => (x instanceof Bin ? x.s : E.str(x))).join(""));
      throw protocolError("Collectable", c);
    },
    keyOf,
    truthy: (v: unknown) => v !== false && v !== null,

    // ── calls ──
    /** Tags a fun with the module version that made it (null in the shell). */
    fun<F extends Fn>(version: { status: string } | null, f: F, tag?: { where?: string; capture?: string }): F {
      if (version) (f as F & { $v?: unknown }).$v = version;
      if (tag) (f as F & { elixir?: unknown }).elixir = tag;
      return f;
    },
    /** `f.(args)`: a fun of the right arity, else BadFunctionError / BadArityError (also for a fun of purged code). */
    callFun(f: unknown, args: unknown[]): unknown {
      if (typeof f !== "function" || (f as { $v?: { status: string } }).$v?.status === "purged") throw badFunctionError(f);
      if (f.length !== args.length) throw badArityError(f, args);
      return (f as Fn)(...args);
    },
    /** A remote function that is missing: UndefinedFunctionError, as the BEAM raises it. */
    undef(module: string, name: string, arity: number): never {
      throw undefinedFunctionError(module, name, arity, isLoaded);
    },
    /** `&Mod.f/2`: a fun that calls the current version each time (an external fun). */
    remoteFun(module: string, name: string, arity: number): Fn {
      const key = `${name}/${arity}`;
      const f = withArity(arity, (args) => {
        const target = require(module)[key];
        if (typeof target !== "function") return E.undef(module, name, arity);
        return (target as Fn)(...args);
      });
      const shown = module.startsWith("Elixir.") ? module.slice(7) : `:${module}`;
      (f as Fn & { elixir?: unknown }).elixir = { capture: `${shown}.${name}/${arity}` };
      return f;
    },
    withArity,

    // ── errors ──
    matchError, caseClauseError, condClauseError, withClauseError, tryClauseError, functionClauseError,
    /** `raise x` / `raise Mod, attrs`: the error to throw (a user exception's exception/1 may run code). */
    raise(x: unknown, attrs?: unknown): unknown {
      if (x instanceof Bin) return runtimeError(x.s);
      if (x instanceof EMap && x.get("__exception__") === true) return new ElixirError(x);
      if (typeof x === "string") {
        const ns = require(x);
        if (Object.hasOwn(ns, "exception/1")) return (ns["exception/1"] as Fn)(attrs === undefined ? EMPTY : attrs);
        if (!structInfo(x)) return undefinedFunctionError(x, "exception", 1, isLoaded);
        return new ElixirError(exceptionFrom(x, attrs));
      }
      return argumentError(`raise/1 and raise/2 expect a module name, string or exception as the first argument, got: ${inspect(x)}`);
    },
    /** What `exception/1` returns for a struct built by `raise`, as an error to throw. */
    toError(e: unknown): unknown {
      if (e instanceof ElixirError) return e;
      if (e instanceof EMap) return new ElixirError(e);
      return e;
    },
    exceptionFrom,
    /** `[kind, value]` of anything caught: `error` with the exception struct, `exit`, `throw`. */
    caught(err: unknown): [string, unknown] {
      if (err instanceof ExitError) return ["exit", err.reason];
      if (err instanceof Error) return ["error", exceptionOf(err)];
      return ["throw", err];
    },
    /**
     * The Erlang reason of an error, for `catch :error, reason`: the raw term as on the BEAM
     * (`{:badmatch, v}`, `:badarg`, sys's `{:callback_failed, …}`), a raised struct as itself.
     */
    erlangReason(err: unknown): unknown {
      if (err instanceof Error) return crashReasonOf(err);
      return exceptionOf(err);
    },
    stacktraceOf,
    exit(reason: unknown): never {
      throw new ExitError(reason);
    },
    inspect,
  };

  function exceptionFrom(module: string, attrs: unknown): EMap {
    if (attrs === undefined || attrs === EMPTY) return exception(module, {});
    if (attrs instanceof Bin) return exception(module, { message: attrs });
    const fields: Record<string, unknown> = {};
    for (let c: unknown = attrs; c instanceof Cons; c = c.tail) {
      const kv = c.head;
      if (Array.isArray(kv) && kv.length === 2 && typeof kv[0] === "string") fields[kv[0]] = kv[1];
    }
    const info = structInfo(module)!;
    for (const k of Object.keys(fields)) if (!info.fields.includes(k)) throw keyError(k, info.defaults, true);
    return exception(module, fields);
  }

  function badStructError(module: string, base: unknown): Error {
    return new ElixirError(exception("Elixir.BadStructError", { struct: module, term: base }), ["badstruct", module, base], `expected a struct named ${module.replace(/^Elixir\./, "")}, got: ${inspect(base)}`);
  }

  return E;
}

export type Support = ReturnType<typeof createSupport>;
