/**
 * Elixir's exceptions on the runtime (DESIGN.md "Errors"). `raise` throws an `ElixirError`
 * that carries the exception struct; an error the BEAM itself raises (a failed match, bad
 * arithmetic) also carries its Erlang reason (`{:badmatch, v}`, `:badarith`), which is what a
 * crashed process exits with, as on the BEAM. Messages are Elixir 1.14's `Exception.message/1`.
 */
import type { StackFrame } from "../events";
import { SystemLimitError as RuntimeSystemLimit, UndefinedFunctionError as RuntimeUndefined, brandStacktrace } from "../terms";
import { inspect } from "./inspect";
import { Bin, Cons, EMPTY, EMap, Float, charlist, defineStruct, list, moduleName, struct } from "./terms";

const EXCEPTIONS: Array<[string, Array<string | [string, unknown]>]> = [
  ["RuntimeError", [["message", new Bin("runtime error")]]],
  ["ArgumentError", [["message", new Bin("argument error")]]],
  ["ArithmeticError", [["message", new Bin("bad argument in arithmetic expression")]]],
  ["SystemLimitError", [["message", new Bin("a system limit has been reached")]]],
  ["MatchError", ["term"]],
  ["CaseClauseError", ["term"]],
  ["CondClauseError", []],
  ["WithClauseError", ["term"]],
  ["TryClauseError", ["term"]],
  ["FunctionClauseError", ["module", "function", "arity", "kind", "args", "clauses"]],
  ["KeyError", ["key", "term", "message"]],
  ["UndefinedFunctionError", ["module", "function", "arity", "reason", "message"]],
  ["BadArityError", ["function", "args"]],
  ["BadFunctionError", ["term"]],
  ["BadMapError", ["term"]],
  ["BadBooleanError", ["term", "operator"]],
  ["Protocol.UndefinedError", ["protocol", "value", ["description", new Bin("")]]],
  ["ErlangError", ["original", "reason"]],
  ["Enum.EmptyError", [["message", new Bin("empty error")]]],
  ["Enum.OutOfBoundsError", [["message", new Bin("out of bounds error")]]],
];
for (const [name, fields] of EXCEPTIONS) defineException(`Elixir.${name}`, fields);

/** Declares an exception struct (`defexception`): its fields plus the hidden `__exception__: true`. */
export function defineException(module: string, fields: ReadonlyArray<string | readonly [string, unknown]>): void {
  defineStruct(module, fields, true);
}

/** A thrown Elixir exception: the struct, and the reason a process that does not rescue it exits with. */
export class ElixirError extends Error {
  constructor(readonly exception: EMap, readonly erlangReason: unknown = exception, message?: string) {
    super(message ?? exceptionMessage(exception));
    this.name = moduleName(exception.structName ?? "Elixir.RuntimeError");
  }
}

export const isException = (t: unknown): t is EMap => t instanceof EMap && t.get("__exception__") === true;

/** `raise Mod, fields` / `raise "text"`: the struct of `module` with `fields` set. */
export function exception(module: string, fields: Record<string, unknown> = {}): EMap {
  return struct(module, fields);
}

const text = (s: unknown): string => (s instanceof Bin ? s.s : typeof s === "string" ? s : inspect(s));

/**
 * What a consolidated protocol lists in its Protocol.UndefinedError, as in a Mix project on
 * Elixir 1.14 (protocols are consolidated there; a learner's code runs in one).
 */
const PROTOCOL_IMPLEMENTATIONS: Record<string, string> = {
  "Elixir.String.Chars": "Atom, BitString, Date, DateTime, Float, Integer, List, NaiveDateTime, Time, URI, Version, Version.Requirement",
  "Elixir.Enumerable": "Date.Range, File.Stream, Function, GenEvent.Stream, HashDict, HashSet, IO.Stream, List, Map, MapSet, Range, Stream",
  "Elixir.Collectable": "BitString, File.Stream, HashDict, HashSet, IO.Stream, List, Map, MapSet, Mix.Shell",
};

/** The exception's kind of term for Protocol.UndefinedError ("Integer", "Tuple", "Foo (a struct)"). */
export function typeName(t: unknown): string {
  if (typeof t === "number" || typeof t === "bigint") return "Integer";
  if (t instanceof Float) return "Float";
  if (typeof t === "string" || typeof t === "boolean" || t === null) return "Atom";
  if (t instanceof Bin) return "BitString";
  if (t === EMPTY || t instanceof Cons) return "List";
  if (Array.isArray(t)) return "Tuple";
  if (typeof t === "function") return "Function";
  if (t instanceof EMap) return t.structName ? `${moduleName(t.structName)} (a struct)` : "Map";
  const name = (t as object)?.constructor?.name;
  return name === "Pid" ? "PID" : name === "Ref" ? "Reference" : "Term";
}

/**
 * Exception.message/1 for the built-in exceptions; a user exception's `message` field otherwise
 * (the stdlib's Exception.message calls the module's own message/1 first). `isLoaded` tells
 * UndefinedFunctionError whether the module exists, as Elixir asks the code server.
 */
export function exceptionMessage(e: EMap, isLoaded: (m: string) => boolean = () => true): string {
  const f = (k: string) => e.get(k);
  switch (e.structName) {
    case "Elixir.MatchError":
      return `no match of right hand side value: ${inspect(f("term"))}`;
    case "Elixir.CaseClauseError":
      return `no case clause matching: ${inspect(f("term"))}`;
    case "Elixir.CondClauseError":
      return "no cond clause evaluated to a truthy value";
    case "Elixir.WithClauseError":
      return `no with clause matching: ${inspect(f("term"))}`;
    case "Elixir.TryClauseError":
      return `no try clause matching: ${inspect(f("term"))}`;
    case "Elixir.FunctionClauseError": {
      if (f("module") === null && f("function") === null) return "no function clause matches";
      return `no function clause matching in ${functionName(f("module"), f("function"), f("arity"))}`;
    }
    case "Elixir.KeyError": {
      if (f("message") !== null && f("message") !== undefined) return text(f("message"));
      const base = `key ${inspect(f("key"))} not found`;
      return f("term") === null ? base : `${base} in: ${inspect(f("term"))}`;
    }
    case "Elixir.UndefinedFunctionError": {
      if (f("message") !== null && f("message") !== undefined) return text(f("message"));
      const m = f("module"), fun = f("function"), arity = f("arity");
      if (m === null && fun === null) return "undefined function";
      const name = `function ${functionName(m, fun, arity)}`;
      return typeof m === "string" && !isLoaded(m) ? `${name} is undefined (module ${moduleName(m)} is not available)` : `${name} is undefined or private`;
    }
    case "Elixir.BadArityError": {
      const args = f("args");
      const items = args instanceof Cons ? listItems(args) : [];
      const fun = f("function") as (...a: unknown[]) => unknown;
      const arity = typeof fun === "function" ? ((fun as { arity?: number }).arity ?? fun.length) : 0;
      const said = items.length === 0 ? "no arguments" : `${items.length} argument${items.length === 1 ? "" : "s"} (${items.map((x) => inspect(x)).join(", ")})`;
      return `${inspect(fun)} with arity ${arity} called with ${said}`;
    }
    case "Elixir.BadFunctionError":
      return `expected a function, got: ${inspect(f("term"))}`;
    case "Elixir.BadMapError":
      return `expected a map, got: ${inspect(f("term"))}`;
    case "Elixir.BadBooleanError":
      return `expected a boolean on left-side of "${text(f("operator"))}", got: ${inspect(f("term"))}`;
    case "Elixir.Protocol.UndefinedError": {
      const desc = text(f("description"));
      const v = f("value");
      const impls = PROTOCOL_IMPLEMENTATIONS[String(f("protocol"))];
      const available = impls ? `. This protocol is implemented for the following type(s): ${impls}` : "";
      return `protocol ${inspect(f("protocol"))} not implemented for ${inspect(v)} of type ${typeName(v)}${desc ? `, ${desc}` : ""}${available}`;
    }
    case "Elixir.ErlangError":
      return `Erlang error: ${inspect(f("original"))}`;
  }
  const msg = f("message");
  return msg === undefined ? inspect(e) : text(msg);
}

function listItems(l: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = l; c instanceof Cons; c = c.tail) out.push(c.head);
  return out;
}

/** `Foo.bar/1` (Elixir spelling: `:sys.get_state/1` for an Erlang module). */
/** A function's name after `Mod.` as Elixir writes it: quoted unless an identifier or operator. */
function remoteName(fun: string): string {
  if (/^[a-z_][a-zA-Z0-9_]*[?!]?$/.test(fun) || /^[-+*/<>=!&|^~@.\\]+$|^(?:not|and|or|in)$/.test(fun)) return fun;
  return JSON.stringify(fun);
}

export function functionName(module: unknown, fun: unknown, arity: unknown): string {
  const m = typeof module === "string" ? moduleName(module) : inspect(module);
  // A fun's compiled name, `-run/0-fun-0-`: Elixir says "anonymous fn/1 in Mod.run/0".
  const anonymous = typeof fun === "string" ? /^-(.+)\/(\d+)-fun-\d+-$/.exec(fun) : null;
  if (anonymous) return `anonymous fn/${inspect(arity)} in ${m}.${anonymous[1]}/${anonymous[2]}`;
  const f = typeof fun === "string" ? remoteName(fun) : inspect(fun);
  return `${m}.${f}/${inspect(arity)}`;
}

// ── the errors the compiler and the stdlib raise ────────────────────────────────────────────

const raised = (module: string, fields: Record<string, unknown>, reason?: unknown) => {
  const e = exception(`Elixir.${module}`, fields);
  return new ElixirError(e, reason === undefined ? e : reason);
};

/** `raise "text"` / `raise ArgumentError, "text"`. */
export const runtimeError = (message: string) => raised("RuntimeError", { message: new Bin(message) });
export const argumentError = (message: string, viaBif = false) => raised("ArgumentError", { message: new Bin(message) }, viaBif ? "badarg" : undefined);
/** The BEAM's badarg from a BIF: `errors were found at the given arguments: * 1st argument: …`. */
export const badarg = (position: number, why: string) =>
  argumentError(`errors were found at the given arguments:\n\n  * ${ordinal(position)} argument: ${why}\n`, true);
export const arithmeticError = () => raised("ArithmeticError", {}, "badarith");
export const matchError = (term: unknown) => raised("MatchError", { term }, ["badmatch", term]);
export const caseClauseError = (term: unknown) => raised("CaseClauseError", { term }, ["case_clause", term]);
export const condClauseError = () => raised("CondClauseError", {}, "cond_clause");
export const withClauseError = (term: unknown) => raised("WithClauseError", { term }, ["with_clause", term]);
export const tryClauseError = (term: unknown) => raised("TryClauseError", { term }, ["try_clause", term]);
/** No clause of `Mod.fun/arity` matched (`module` the atom, e.g. "Elixir.Counter"). */
export const functionClauseError = (module: string, fun: string, arity: number) =>
  raised("FunctionClauseError", { module, function: fun, arity }, "function_clause");
/** A missing key: `map.key` (reason `{:badkey, k, map}`) or `Map.fetch!` (`{:badkey, k}`). */
export const keyError = (key: unknown, term: unknown, dotAccess = false) =>
  raised("KeyError", { key, term }, dotAccess ? ["badkey", key, term] : ["badkey", key]);
/** KeyError raised by Elixir code (Keyword.fetch!): the struct is the reason. */
export const keyErrorRaised = (key: unknown, term: unknown) => raised("KeyError", { key, term });
export const undefinedFunctionError = (module: string, fun: string, arity: number, isLoaded: (m: string) => boolean = () => true) => {
  const e = exception("Elixir.UndefinedFunctionError", { module, function: fun, arity });
  return new ElixirError(e, "undef", exceptionMessage(e, isLoaded));
};
export const badArityError = (fun: unknown, args: unknown[]) =>
  raised("BadArityError", { function: fun, args: list(args) }, ["badarity", [fun, list(args)]]);
export const badFunctionError = (term: unknown) => raised("BadFunctionError", { term }, ["badfun", term]);
export const badMapError = (term: unknown) => raised("BadMapError", { term }, ["badmap", term]);
export const badBooleanError = (operator: string, term: unknown) =>
  raised("BadBooleanError", { term, operator }, ["badbool", operator, term]);
export const protocolError = (protocol: string, value: unknown) =>
  raised("Protocol.UndefinedError", { protocol: `Elixir.${protocol}`, value });
export const erlangError = (original: unknown) => raised("ErlangError", { original }, original);

function ordinal(n: number): string {
  return n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}

/**
 * The exception struct of anything thrown, as `rescue e` sees it: an ElixirError's struct; the
 * runtime's own errors in Elixir's terms (`badarg: …` → ArgumentError, a missing function →
 * UndefinedFunctionError); any other JS error as a RuntimeError with its message.
 */
export function exceptionOf(err: unknown): EMap {
  if (err instanceof ElixirError) return err.exception;
  if (err instanceof RuntimeUndefined) {
    return exception("Elixir.UndefinedFunctionError", { module: err.module, function: err.fun, arity: err.arity });
  }
  if (err instanceof RuntimeSystemLimit) return exception("Elixir.SystemLimitError", {});
  // The runtime's Erlang-level errors (`error(term)`, e.g. sys's callback_failed) by their shape.
  if (err instanceof Error && err.name === "ErlangError" && "original" in err) return exception("Elixir.ErlangError", { original: err.original });
  if (err instanceof Error) {
    if (err.message.startsWith("badarg")) return exception("Elixir.ArgumentError", { message: new Bin(err.message) });
    if (err.message.startsWith("noproc:")) return exception("Elixir.ErlangError", { original: "noproc" });
    if (err instanceof RangeError && /call stack/i.test(err.message)) return exception("Elixir.SystemLimitError", {});
    return exception("Elixir.RuntimeError", { message: new Bin(err.message) });
  }
  return exception("Elixir.ErlangError", { original: err });
}

/**
 * A crash's stack trace as Elixir code sees it: a list of `{module, fun, arity, [file: 'x.ex',
 * line: n]}` (so `{reason, [{_, _, _, _} | _]}` matches, as on the BEAM). The loader names a
 * compiled function's frame `name/arity`; what a frame does not tell (its module, when the loader gives none) is nil.
 * Branded as the runtime's Stacktrace, so a crash event still carries the mapped frames.
 */
export function elixirStacktrace(frames: readonly StackFrame[]): Cons {
  const entries = frames.length ? frames.map(frameTerm) : [[null, null, null, EMPTY]];
  return brandStacktrace(list(entries) as Cons, frames);
}

function frameTerm(f: StackFrame): unknown[] {
  const named = /^(.*)\/(\d+)$/.exec(f.fn ?? "");
  const location = list([["file", charlist(f.file)], ["line", f.line]]);
  return [f.module ?? null, named ? named[1] : (f.fn ?? null), named ? Number(named[2]) : null, location];
}

/** The reason a process exits with when `err` ends it (`{reason, stacktrace}`'s first half). */
export function crashReasonOf(err: unknown): unknown {
  if (err instanceof ElixirError) return err.erlangReason;
  if (err instanceof RuntimeUndefined) return "undef";
  if (err instanceof RuntimeSystemLimit) return "system_limit";
  if (err instanceof Error && err.name === "ErlangError" && "original" in err) return err.original;
  if (err instanceof Error) {
    const tag = RUNTIME_REASON.exec(err.message);
    return tag ? tag[1] : exceptionOf(err);
  }
  // `throw v` nobody caught: the BEAM's {:nocatch, v}.
  return ["nocatch", err];
}

/** The runtime's own errors say their Erlang reason first ("badarg: …", "noproc: …"). */
const RUNTIME_REASON = /^(badarg|noproc):/;
