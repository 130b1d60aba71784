/**
 * The values of the runtime's world: pids, refs, the TIMEOUT marker and the errors user code
 * can catch. Pids and refs are interned per runtime, so `===` compares them, as `==` does on
 * the BEAM, and they survive a message copy unchanged.
 */
import { isActivation } from "./activation";
import type { StackFrame } from "./events";

export class Pid {
  /** The printed form, made once: pids are printed in every trace event. */
  readonly text: string;
  /** The live process (the runtime's Proc) while it runs: sends skip a table lookup. */
  proc: unknown = null;
  constructor(readonly id: number) {
    this.text = `#PID<0.${id}.0>`;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.toString();
  }
}

export class Ref {
  constructor(readonly id: number) {}
  toString(): string {
    return `#Reference<0.0.0.${this.id}>`;
  }
  toJSON(): string {
    return this.toString();
  }
}

/** What `receive(match, ms)` resolves to when nothing matched in time. */
export const TIMEOUT: unique symbol = Symbol.for("otp.TIMEOUT");

/**
 * An exit raised in a process (`exit(reason)`, a `GenServer.call` that failed). Caught by
 * `try/catch` as Elixir's `catch :exit`; uncaught, it ends the process with `reason`.
 */
export class ExitError extends Error {
  constructor(readonly reason: unknown) {
    super(`exit: ${inspect(reason)}`);
    this.name = "ExitError";
  }
}

/** An external call to a function that the module's current version does not export. */
export class UndefinedFunctionError extends Error {
  constructor(readonly module: string, readonly fun: string, readonly arity: number) {
    super(`function ${module}.${fun}/${arity} is undefined or private`);
    this.name = "UndefinedFunctionError";
  }
}

/** Spawning past the process limit, as the BEAM's `system_limit`. */
export class SystemLimitError extends Error {
  constructor(limit: number) {
    super(`system_limit: the process limit (${limit}) has been reached`);
    this.name = "SystemLimitError";
  }
}

/**
 * Erlang's `error(Term)` with a term that is not an exception, as Elixir rescues it
 * (`%ErlangError{original: term}`): e.g. what `sys.replace_state` raises when its fun fails.
 */
export class ErlangError extends Error {
  constructor(readonly original: unknown) {
    super(`Erlang error: ${inspect(original)}`);
    this.name = "ErlangError";
  }
}

/** A function whose module version was purged, called (Erlang's `badfun`). */
export class BadFunctionError extends Error {
  constructor(readonly version: string) {
    super(`a function of ${version} is invalid, likely because it points to an old version of the code`);
    this.name = "BadFunctionError";
  }
}

/** A stack trace mapped to editor files; part of a crash reason `[error, stacktrace]`. */
export class Stacktrace {
  constructor(readonly frames: readonly StackFrame[]) {
    Object.freeze(this);
  }
  toString(): string {
    const top = this.frames[0];
    return top ? `#Stacktrace<${top.file}:${top.line}>` : "#Stacktrace<>";
  }
}

/** Marks a module's live namespace (see codeServer.ts); printed as the module's name, as IEx does. */
const MODULE_NAME = Symbol.for("otp.module");

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Prints a term on one line, as SPEC §3 says (`["ok", 1]`, `{count: 1}`, `#PID<0.5.0>`). */
export function inspect(term: unknown): string {
  // Integers (the commonest traced message) here, so a traced send inlines it; print is too big to.
  if (typeof term === "number" && term >= 0 && term < 1e9 && (term | 0) === term) return integerText(term);
  return print(term, 0);
}

/** "0"…"999", and the same padded to three digits, to print integers by table. */
const DIGITS = Array.from({ length: 1000 }, (_, i) => String(i));
const PADDED = DIGITS.map((d) => d.padStart(3, "0"));

/**
 * A non-negative integer below 1e9, twice as fast as String(n) (which misses V8's number-string
 * cache for most values): with every send traced, printing the message was most of the cost.
 */
function integerText(n: number): string {
  if (n < 1000) return DIGITS[n];
  if (n < 1e6) return DIGITS[(n / 1000) | 0] + PADDED[n % 1000];
  return DIGITS[(n / 1e6) | 0] + PADDED[((n / 1000) | 0) % 1000] + PADDED[n % 1000];
}

function print(term: unknown, depth: number): string {
  switch (typeof term) {
    case "string":
      return JSON.stringify(term);
    case "number":
      // (-0 prints as 0, as on the BEAM: `(-0 | 0) === 0`.)
      return term >= 0 && term < 1e9 && (term | 0) === term ? integerText(term) : String(term);
    case "bigint":
      return `${term}n`;
    case "boolean":
      return term ? "true" : "false";
    case "undefined":
      return "undefined";
    case "symbol":
      return term === TIMEOUT ? "TIMEOUT" : String(term);
    case "function":
      return `#Function<${term.name || "anonymous"}>`;
  }
  if (term === null) return "null";
  if (depth > 32) return "…";
  if (term instanceof Pid || term instanceof Ref || term instanceof Stacktrace) return term.toString();
  if (MODULE_NAME in (term as object)) return String((term as Record<symbol, unknown>)[MODULE_NAME]);
  if (isActivation(term)) return `#Pending<${term.body.name || "async"}: await it>`;
  if (Array.isArray(term)) return `[${term.map((x) => print(x, depth + 1)).join(", ")}]`;
  if (term instanceof Error) {
    const name = term.constructor?.name || "Error";
    return `%${name}{message: ${JSON.stringify(term.message)}}`;
  }
  if (term instanceof Map) {
    const parts = [...term].map(([k, v]) => `${print(k, depth + 1)} => ${print(v, depth + 1)}`);
    return `%{${parts.join(", ")}}`;
  }
  if (term instanceof Set) return `MapSet[${[...term].map((x) => print(x, depth + 1)).join(", ")}]`;
  const obj = term as Record<string, unknown>;
  const keys = Object.keys(obj);
  const body = keys.map((k) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${print(obj[k], depth + 1)}`).join(", ");
  const proto = Object.getPrototypeOf(obj);
  const className = proto && proto !== Object.prototype ? proto.constructor?.name : "";
  return className ? `%${className}{${body}}` : `{${body}}`;
}

/**
 * Erlang's exact equality (`=:=`) for terms that may have been copied: arrays and plain objects
 * by their contents, everything else (pids, refs, functions, errors) by identity. What OTP's
 * pattern matches compare, e.g. the reason `GenServer.stop` waits for.
 */
export function sameTerm(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTerm(a[i], b[i])) return false;
    return true;
  }
  const pa = Object.getPrototypeOf(a);
  if ((pa !== Object.prototype && pa !== null) || Object.getPrototypeOf(b) !== pa) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameTerm((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Copies a message so the receiver never shares a mutable object with the sender. Pids, refs,
 * functions, errors and frozen values pass as they are (they are immutable or identities).
 * Deep structures fall back to a memoised copy that also keeps cycles.
 */
export function copyTerm<T>(term: T): T {
  return copy(term, 0) as T;
}

function copy(term: unknown, depth: number): unknown {
  if (typeof term !== "object" || term === null) return term;
  if (depth > 64) return copyMemo(term, new Map());
  if (Array.isArray(term)) {
    // A builtin copy first (fast, and keeps the array packed), then deep-copy what needs it.
    const out = term.slice();
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const x = out[i];
      if (typeof x === "object" && x !== null) out[i] = copy(x, depth + 1);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(term);
  // Pids and refs, in most messages, are interned identities: shared, never copied.
  if (proto === Pid.prototype || proto === Ref.prototype) return term;
  if (Object.isFrozen(term)) return term;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
    for (const k in term as Record<string, unknown>) out[k] = copy((term as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  if (term instanceof Map) return new Map([...term].map(([k, v]) => [copy(k, depth + 1), copy(v, depth + 1)]));
  if (term instanceof Set) return new Set([...term].map((v) => copy(v, depth + 1)));
  if (term instanceof Date) return new Date(term.getTime());
  return term;
}

function copyMemo(term: unknown, seen: Map<object, unknown>): unknown {
  if (typeof term !== "object" || term === null || Object.isFrozen(term)) return term;
  if (seen.has(term)) return seen.get(term);
  if (Array.isArray(term)) {
    const out: unknown[] = [];
    seen.set(term, out);
    for (const x of term) out.push(copyMemo(x, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(term);
  if (proto !== Object.prototype && proto !== null) return term;
  const out: Record<string, unknown> = {};
  seen.set(term, out);
  for (const k in term as Record<string, unknown>) out[k] = copyMemo((term as Record<string, unknown>)[k], seen);
  return out;
}
