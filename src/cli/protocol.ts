/** What the CLI's main thread (main.ts) and its runner thread (runner.ts) say to each other. */
import type { Snippet } from "../share/snippetTypes";

/**
 * `written`: a shared counter of the output batches the main thread has written (slot 0). The
 * runner waits while too many of its batches are still unwritten, so a flood of output cannot
 * pile up in the message queue (memory) nor outlive the wall-time limit while it drains.
 */
export type RunRequest = { snippet: Snippet; until: number | null; json: boolean; written: SharedArrayBuffer };

/** Output batches the runner may have posted and the main thread not yet written. */
export const BATCHES_IN_FLIGHT = 8;
/** A batch is posted at this many lines or characters, whichever comes first. */
export const BATCH_LINES = 1000;
export const BATCH_CHARS = 1_000_000;

/** Output lines in batches (each also tells the watchdog the runner is alive), then the status. */
export type RunnerMessage = { lines: string[]; err?: string[] } | { done: number };

/** Exit statuses (README, "The command line"). */
export const EXIT = { ok: 0, invalid: 1, checks: 2, stopped: 3 } as const;
