/**
 * The box user code runs in, the same in the browser's worker and in the CLI: Hardened
 * JavaScript (`ses`). Contract:
 *
 * - `lockDownRealm()` (once per JavaScript realm, before any user code) freezes every shared
 *   intrinsic (Object.prototype, Array.prototype, Function.prototype…) and makes
 *   `Function.prototype.constructor` and its async/generator cousins inert. So no object a
 *   snippet can touch leads back to a function constructor, to the host's global, or to a
 *   prototype the runtime relies on; and nothing one Run does to a prototype survives into the
 *   next. It also hardens the runtime's classes whose instances user code holds (pids, refs,
 *   activations, receive tokens, errors).
 * - `new Sandbox()` is a fresh Compartment: its global has only the language's own
 *   intrinsics (no `fetch`, `import()`, `postMessage`, `setTimeout`, `queueMicrotask`,
 *   `process`, `require`, `navigator`…), `eval`/`Function` refuse (their code would escape
 *   the runaway guard's instrumentation), and `Math.random`/`Date.now` throw, which keeps runs
 *   deterministic. A session makes one per Run, so a Run starts from a clean global.
 * - `evaluate(source, url)` runs instrumented code (postpass.ts) there, as a function
 *   expression; the guard's helpers come in as constants (`const __budget = …`), which user
 *   code cannot reassign, and the post-pass refuses code that names them.
 *
 * Why SES and not a list of names to delete: a list misses what it does not name (FontFace,
 * WebSocketStream, `import()`, the next API a browser adds) and cannot stop
 * `(function(){}).constructor("return this")()`. SES gives the other guarantee: user code
 * reaches exactly what it is handed. It costs one `lockdown()` per worker/process (~70 ms) and
 * a Proxy lookup for each *global* name user code reads (module-local names, the otp API and
 * the guard's helpers are lexical and as fast as before).
 */
import "ses";
import { Activation, ReceiveToken, SleepToken } from "../runtime/activation";
import { ExitError, Pid, Ref, Stacktrace, SystemLimitError, UndefinedFunctionError } from "../runtime/terms";
import { RunawayError } from "../runtime/unwind";

const LOCKDOWN_OPTIONS = {
  // Keep V8's stacks: a crash reason points at the editor's file and line.
  errorTaming: "unsafe",
  stackFiltering: "verbose",
  consoleTaming: "unsafe",
  localeTaming: "unsafe",
  domainTaming: "unsafe",
  overrideTaming: "moderate",
  // The host (worker, CLI, test runner) handles its own errors.
  errorTrapping: "none",
  unhandledRejectionTrapping: "none",
  reporting: "none",
} as const;

let locked = false;
/** Set only by `bench/sandbox.ts` (see `unsandboxedForBenchmarks`). */
let unsandboxed = false;

/**
 * Benchmarks only (`bench/sandbox.ts`, to measure what the sandbox costs): from here on, this
 * process evaluates user code with the realm's plain indirect eval, and nothing is locked down
 * or hardened. The app and the CLI never call it; it refuses once the realm is locked down.
 */
export function unsandboxedForBenchmarks(): void {
  if (locked) throw new Error("the realm is locked down already: call this before any session");
  unsandboxed = true;
}

/** Freezes the realm's intrinsics and the runtime's shared classes; idempotent. */
export function lockDownRealm(): void {
  if (locked || unsandboxed) return;
  locked = true;
  const g = globalThis as unknown as { lockdown(o: object): void; harden<T>(x: T): T };
  g.lockdown(LOCKDOWN_OPTIONS);
  for (const shared of [Activation, ReceiveToken, SleepToken, Pid, Ref, Stacktrace, ExitError, UndefinedFunctionError, SystemLimitError, RunawayError]) {
    g.harden(shared);
  }
}

/** Makes a value (an API object, a helper) immutable for user code: it and all it reaches. */
export function harden<T>(value: T): T {
  if (unsandboxed) return value;
  lockDownRealm();
  return (globalThis as unknown as { harden<U>(x: U): U }).harden(value);
}

function refusal(name: string, why: string) {
  return function refused(): never {
    throw new Error(`${name} is not available in the playground: ${why}`);
  };
}

/** Globals of every compartment that replace or hide the compartment's defaults. */
function shadowedGlobals(): Record<string, unknown> {
  const uncompiled = "code made from a string at run time would escape the runaway guard; write it in a module";
  return {
    eval: refusal("eval", uncompiled),
    Function: refusal("the Function constructor", uncompiled),
    Compartment: refusal("Compartment", "user code runs in the playground's own sandbox"),
    lockdown: undefined,
    harden: undefined,
    // Not in the box at all; named here only so that code reaching for them reads why.
    ...Object.fromEntries(
      ["fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "WebTransport", "EventSource"].map((n) => [n, refusal(n, "user code cannot reach the network")]),
    ),
    ...Object.fromEntries(
      ["setTimeout", "setInterval", "queueMicrotask", "requestAnimationFrame"].map((n) => [n, refusal(n, "time is virtual here: use Process.send_after or Process.sleep")]),
    ),
  };
}

type CompartmentLike = { evaluate(code: string, options?: object): unknown; globalThis: Record<string, unknown> };

export class Sandbox {
  private readonly compartment: CompartmentLike;

  constructor() {
    if (unsandboxed) {
      this.compartment = { evaluate: (code: string) => (0, eval)(code), globalThis: globalThis as unknown as Record<string, unknown> };
      return;
    }
    lockDownRealm();
    const Compartment = (globalThis as unknown as { Compartment: new (o: object) => CompartmentLike }).Compartment;
    this.compartment = new Compartment({ __options__: true, globals: shadowedGlobals(), name: "snippet" });
  }

  /**
   * Evaluates `source` (an expression) in this sandbox and returns its value. `url` names the
   * code in stack traces (`//# sourceURL`).
   */
  evaluate(source: string, url: string): unknown {
    // SES refuses text that looks like an HTML comment or `import(`; the post-pass already
    // escaped such text in literals and refused real import expressions.
    return this.compartment.evaluate(`${source}\n//# sourceURL=${url}`, { __rejectSomeDirectEvalExpressions__: false });
  }
}
