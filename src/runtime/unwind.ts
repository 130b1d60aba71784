/**
 * Uncatchable unwinding. When a process is killed while its own code runs (it exited itself
 * with a signal, a linked death took it, the runaway guard fired), the runtime throws one of
 * these through user code. The compiler makes every `catch` re-throw them first and skips
 * `finally` bodies while one is in flight, so user code cannot swallow a kill.
 */
import { countText } from "./limits";

export class RunawayError extends Error {
  constructor(steps: number) {
    super(runawayText(steps));
    this.name = "RunawayError";
  }
}

/** The runaway guard's verdict, in the words the UI and the CLI show. */
export function runawayText(steps: number): string {
  return `runaway: ran ${countText(steps)} steps without waiting`;
}

/** Thrown through the code of a process that is already dead. */
export const UNWIND: { readonly unwind: true } = Object.freeze({ unwind: true });

export function isUnwinding(err: unknown): boolean {
  return err === UNWIND || err instanceof RunawayError;
}
