/** What the CLI's main thread (main.ts) and its runner thread (runner.ts) say to each other. */
import type { Snippet } from "../share/snippetTypes";

export type RunRequest = { snippet: Snippet; until: number | null; json: boolean };

/** Output lines in batches (each also tells the watchdog the runner is alive), then the status. */
export type RunnerMessage = { lines: string[]; err?: string[] } | { done: number };

/** Exit statuses (README, "The command line"). */
export const EXIT = { ok: 0, invalid: 1, checks: 2, stopped: 3 } as const;
