/**
 * The source language a runtime speaks to (DESIGN.md "Dialect hook"): how events print terms,
 * the shape of the reasons the runtime builds itself (`{GenServer, :call, [server, req, t]}`),
 * what a thrown error becomes in a crash reason, and how a module's function is found. One per
 * Runtime; the TypeScript dialect is the default and keeps the TypeScript snippets' behaviour
 * byte for byte. The Elixir one lives in src/runtime/elixir/dialect.ts.
 */
import type { StackFrame } from "./events";
import type { Runtime } from "./runtime";
import { Stacktrace, inspect } from "./terms";

export interface Dialect {
  readonly name: "typescript" | "elixir";
  /**
   * Whether the language's terms cannot be changed once made (Elixir's: tuples, lists, maps).
   * Then a message needs no copy on send, as on the BEAM's shared heap for literals; a
   * TypeScript snippet may change an array after sending it, so its messages are copied.
   */
  readonly immutableTerms: boolean;
  /** A term as events, exit reasons and the inspector print it. */
  inspect(term: unknown): string;
  /** The `{module, fun, args}` of a reason the runtime builds (a call timeout, a noproc). */
  mfa(module: string, fun: string, args: unknown[]): unknown;
  /** The first half of the crash reason `{reason, stacktrace}` of a process that threw `err`. */
  crashReason(err: unknown): unknown;
  /** The second half of that reason: the mapped frames as the dialect's term (a `Stacktrace`). */
  stacktrace(frames: StackFrame[]): unknown;
  /** A module's name as people read it (`Elixir.Foo` → `Foo`). */
  displayModule(name: string): string;
  /** `module.fun` of arity `arity`, for apply, `{M, F, A}` starts and spawn; throws when missing. */
  resolve(module: unknown, fun: string, arity: number): (...args: unknown[]) => unknown;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A callback of a module namespace or callbacks object by name and arity: `"name/arity"` (an
 * Elixir module's export) first, then the bare `name` (the TypeScript dialect's export).
 */
export function callbackOf(ns: Record<string, unknown>, name: string, arity: number): ((...a: unknown[]) => unknown) | undefined {
  const keyed = `${name}/${arity}`;
  if (own(ns, keyed)) return ns[keyed] as (...a: unknown[]) => unknown;
  if (own(ns, name)) return ns[name] as (...a: unknown[]) => unknown;
  return undefined;
}

export function typescriptDialect(rt: Runtime): Dialect {
  return {
    name: "typescript",
    immutableTerms: false,
    inspect,
    mfa: (module, fun, args) => [module, fun, args],
    crashReason: (err) => err,
    stacktrace: (frames) => new Stacktrace(frames),
    displayModule: (name) => name,
    resolve: (module, fun) => rt.code.namespace(module as string)[fun] as (...args: unknown[]) => unknown,
  };
}
