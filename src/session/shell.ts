/**
 * The shell process, as IEx's evaluator: it runs one job at a time (an eval, or `main`'s
 * `start()`), awaits what the job returns and prints `inspect(result)` unless it is undefined.
 * An exception is printed, not fatal; an exit signal from a linked process kills the shell, and
 * the session starts a new one for later jobs.
 */
import { Activation, isActivation, ReceiveToken } from "../runtime/activation";
import type { Proc } from "../runtime/process";
import type { Runtime } from "../runtime/runtime";
import { ExitError, inspect } from "../runtime/terms";
import { isUnwinding } from "../runtime/unwind";
import { exceptionMessage, exceptionOf } from "../runtime/elixir/errors";
import { inspect as inspectElixir } from "../runtime/elixir/inspect";
import { moduleName } from "../runtime/elixir/terms";

export type ShellJob = {
  run: () => unknown;
  print: boolean;
  /** Turns the awaited result into the value (an Elixir eval returns `[value, bindings]`). */
  after?: (result: unknown) => unknown;
  /** Told the job's outcome (a lesson check compares it). */
  done?: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void;
};

const JOB = "$shell_job";

export type ShellLanguage = { show: (term: unknown) => string; describe: (err: unknown) => string };
const TYPESCRIPT: ShellLanguage = { show: inspect, describe: (err) => describeError(err) };

export function spawnShell(rt: Runtime, log: (text: string) => void, lang: ShellLanguage = TYPESCRIPT): Proc {
  function* loop() {
    for (;;) {
      const msg = (yield new ReceiveToken((m) => Array.isArray(m) && m[0] === JOB, undefined)) as [string, ShellJob];
      const job = msg[1];
      try {
        let result = job.run();
        if (isActivation(result)) result = yield result;
        if (job.after) result = job.after(result);
        if (job.print && result !== undefined) log(lang.show(result));
        job.done?.({ ok: true, value: result });
      } catch (err) {
        if (isUnwinding(err)) throw err;
        log(lang.describe(err));
        job.done?.({ ok: false, error: err });
      }
    }
  }
  return rt.spawn(() => new Activation(loop as never, null, [], null), { kind: "shell", module: null, parent: null });
}

/** Hands a job to the shell without copying it (it holds a function). */
export function sendJob(rt: Runtime, shell: Proc, job: ShellJob): void {
  rt.deliverQuietly(shell, [JOB, job]);
}

/** How IEx prints an exception that reached the prompt: `** (ArgumentError) bad input`. */
export function describeElixirError(err: unknown, isLoaded: (module: string) => boolean): string {
  if (err instanceof ExitError) return `** (exit) ${inspectElixir(err.reason)}`;
  if (err instanceof Error) {
    const e = exceptionOf(err);
    return `** (${moduleName(e.structName ?? "Elixir.RuntimeError")}) ${exceptionMessage(e, isLoaded)}`;
  }
  return `** (throw) ${inspectElixir(err)}`;
}

/** How the shell prints an exception that reached the prompt. */
export function describeError(err: unknown, show: (term: unknown) => string = inspect): string {
  if (err instanceof ExitError) return `** (exit) ${show(err.reason)}`;
  if (err instanceof Error) return `** (${err.name || err.constructor?.name || "Error"}) ${err.message}`;
  return `** (throw) ${show(err)}`;
}
