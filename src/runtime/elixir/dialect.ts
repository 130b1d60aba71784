/**
 * The Elixir dialect of the runtime (DESIGN.md "Dialect hook"): events print terms as Elixir's
 * `inspect`; reasons the runtime builds name `GenServer` and hold lists (`{:timeout,
 * {GenServer, :call, [server, req, 5000]}}`); a raised exception crashes a process with the
 * BEAM's reason; functions are found by `"name/arity"`, in a loaded user module first, then in
 * the stdlib; modules print without `Elixir.`.
 */
import type { OtpApi } from "../api";
import { type Dialect, callbackOf } from "../dialect";
import type { Runtime } from "../runtime";
import { crashReasonOf, elixirStacktrace, undefinedFunctionError } from "./errors";
import { inspect } from "./inspect";
import { createElixirStdlib, type Stdlib } from "./stdlib";
import { list, moduleName } from "./terms";

/** The runtime's own module names in reasons, as Elixir names them. */
const ELIXIR_MODULES = new Set(["GenServer", "Supervisor", "DynamicSupervisor", "Task", "Agent", "Process"]);

export type ElixirRuntime = { dialect: Dialect; stdlib: Stdlib; require(module: string): Record<string, unknown>; isLoaded(module: string): boolean };

/**
 * Makes `rt` speak Elixir: sets its dialect and builds its stdlib. The loader's `require` for an
 * Elixir snippet should be the returned `require` (user module if loaded, else stdlib, else the
 * code server's namespace so a later load is still seen).
 */
export function installElixir(rt: Runtime, api: OtpApi): ElixirRuntime {
  const isLoaded = (m: string) => rt.code.isLoaded(m) || stdlib.has(m);
  const require = (m: string): Record<string, unknown> => (!rt.code.isLoaded(m) && stdlib.has(m) ? stdlib.get(m)! : rt.code.namespace(m));
  const resolve = (module: unknown, fun: string, arity: number) => {
    if (typeof module !== "string") throw undefinedFunctionError(String(inspect(module)), fun, arity, isLoaded);
    const ns = require(module);
    const f = callbackOf(ns, fun, arity);
    if (typeof f !== "function") throw undefinedFunctionError(module, fun, arity, isLoaded);
    return f;
  };
  const stdlib: Stdlib = createElixirStdlib({ rt, api, resolve, isLoaded });
  const dialect: Dialect = {
    name: "elixir",
    immutableTerms: true,
    inspect: (t) => inspect(t),
    mfa: (module, fun, args) => [ELIXIR_MODULES.has(module) ? `Elixir.${module}` : module, fun, list(args)],
    crashReason: crashReasonOf,
    stacktrace: elixirStacktrace,
    displayModule: (name) => (name.startsWith("Elixir.") ? name.slice(7) : name),
    resolve,
  };
  rt.dialect = dialect;
  return { dialect, stdlib, require, isLoaded };
}

export { moduleName };
