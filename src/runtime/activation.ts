/**
 * How process code runs. The compiler lowers every `async` function to a generator (esbuild's
 * `supported: {"async-await": false}`) and gives each module version its own `__async` helper,
 * which returns an Activation instead of a Promise. The scheduler drives activations itself,
 * synchronously: `await x` becomes `yield x`, and the yielded value says what to do next
 * (start a callee, wait for a message, sleep). So `self()` is always right, no microtasks
 * are involved, and a killed process is simply never resumed.
 *
 * An activation is a frame of an async function body. Its `version` is the module version the
 * code belongs to (null for the runtime's own code): a process "is in" a version while any
 * activation of its chain belongs to it. `return X.f()` finishes the body and hands the
 * caller's continuation to the callee (a tail call: no frame is left, memory stays flat).
 */
import type { ModuleVersion } from "./codeServer";

export type GeneratorBody = (this: unknown, ...args: any[]) => Generator<unknown, unknown, unknown>;

/**
 * Activations made during the running process's turn. JavaScript would run an async function
 * that nobody awaits; here it cannot run at all (a process runs one chain of calls), so the
 * scheduler looks at this list after each turn and warns about any that never started.
 * Module-level, not per runtime: only one process of one runtime runs at a time.
 */
export const madeThisTurn = {
  /** True while a process's turn runs (set by the scheduler). */
  collecting: false,
  count: 0,
};
/** Slots reused turn after turn (truncating an array each turn costs more than the turn's work). */
const made: Array<Activation | null> = [];

/**
 * The activations made since the last call that are still unstarted, or null when every one
 * started (the usual case, as in a tail-call loop: no array is made); clears the list.
 */
export function takeUnstarted(): Activation[] | null {
  let out: Activation[] | null = null;
  for (let i = 0; i < madeThisTurn.count; i++) {
    const a = made[i]!;
    if (a.gen === null) (out ??= []).push(a);
    made[i] = null;
  }
  madeThisTurn.count = 0;
  return out;
}

/**
 * What a yielded value asks of the scheduler, read from a symbol on each token class's
 * prototype. Not `instanceof`: tools that keep class names (tsx, esbuild's keepNames) give
 * every class a static block that redefines its `name`, and V8's instanceof on such a class
 * leaves its fast path; that cost a third of a message hop.
 */
const STEP = Symbol("otp.step");
export const CALL = 1;
export const RECEIVE = 2;
export const SLEEP = 3;
type Branded = { [STEP]?: number };

/** CALL, RECEIVE or SLEEP for the runtime's own tokens; undefined for any other value. */
export function stepOf(value: unknown): number | undefined {
  return typeof value === "object" && value !== null ? (value as Branded)[STEP] : undefined;
}

export function isActivation(value: unknown): value is Activation {
  return stepOf(value) === CALL;
}

export class Activation {
  gen: Generator<unknown, unknown, unknown> | null = null;
  parent: Activation | null = null;
  constructor(
    readonly body: GeneratorBody,
    readonly thisArg: unknown,
    readonly args: ArrayLike<unknown> | null,
    readonly version: ModuleVersion | null,
  ) {
    if (madeThisTurn.collecting) made[madeThisTurn.count++] = this;
  }

  /** For the runtime's own calls: the API name the user called, like "GenServer.call". */
  label: string | null = null;

  /** The function's name as the user wrote it (hoisted bodies are named `f__async0`). */
  get name(): string {
    if (this.label) return this.label;
    const n = this.body.name.replace(/__async\d+$/, "");
    return n && !n.startsWith("__gen") ? n : "an async function";
  }

  /** Makes activations usable where a Promise is expected only by mistake, with a clear message. */
  then(): never {
    throw new Error(
      "process code is driven by the runtime: `await` it inside a process instead of using it as a Promise",
    );
  }
}

/** Wraps a runtime-internal generator function so it can be awaited by process code. */
export function internal<A extends unknown[]>(body: (...args: A) => Generator<unknown, unknown, unknown>, label: string | null = null) {
  return (...args: A): Activation => {
    const act = new Activation(body as GeneratorBody, null, args, null);
    act.label = label;
    return act;
  };
}

/** The per-version `__async` helper that the compiler's output calls. */
export function asyncHelperFor(version: ModuleVersion | null) {
  return (thisArg: unknown, args: ArrayLike<unknown> | null, body: GeneratorBody): Activation =>
    new Activation(body, thisArg, args, version);
}

/** `await receive(match, after)`: wait for the oldest message for which `match` is true. */
export class ReceiveToken {
  /** How many mailbox messages were already checked against `match` (a later wake-up skips them). */
  scanned = 0;
  /** Its `after` ran out; the process still takes a message that arrived before it runs. */
  timedOut = false;
  constructor(
    readonly match: ((msg: unknown) => unknown) | undefined,
    readonly after: number | undefined,
  ) {}
}

/** `await Process.sleep(ms)`. */
export class SleepToken {
  constructor(readonly ms: number) {}
}

Object.defineProperty(Activation.prototype, STEP, { value: CALL });
Object.defineProperty(ReceiveToken.prototype, STEP, { value: RECEIVE });
Object.defineProperty(SleepToken.prototype, STEP, { value: SLEEP });
