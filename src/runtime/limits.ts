/**
 * The bounds the runtime keeps user code within, in one place so the UI, the CLI, the README
 * and the tests quote the same numbers. Every bound counts something the snippet does (steps,
 * turns, messages, characters), never wall time, so the same snippet meets it at the same
 * event on a fast machine and on a slow one.
 */

/**
 * Budget checks (one per loop iteration and function entry) a process may use in one turn,
 * i.e. without waiting: as the BEAM counts reductions. 10 million spares honest bursts
 * (spawning 100,000 processes in one loop uses about 1 million) and stops `while (true) {}`
 * after some tens of ms.
 */
export const MAX_STEPS = 10_000_000;

/**
 * Turns (a process running until it waits or yields) at one virtual ms before the runtime
 * calls it a livelock: nothing waits for time, so time cannot move. A million-message ring
 * at one ms takes about 1 million.
 */
export const MAX_TURNS_PER_MS = 5_000_000;

/** Messages waiting in one mailbox: a warning at the first bound, the process killed at the second (cf. the BEAM's max_heap_size). */
export const MAILBOX_WARN = 100_000;
export const MAILBOX_MAX = 2_000_000;

/** `Process.send_after` timers one process has pending: a warning, then the process is killed. */
export const TIMERS_WARN = 100_000;
export const TIMERS_MAX = 1_000_000;

/** Characters of one log line; a longer one is cut and says how long it was. */
export const LOG_LINE_MAX = 10_000;

/** Characters `inspect` prints for one term before it stops with "…". */
export const INSPECT_MAX = 20_000;

/** Readable counts in messages: 10000000 → "10 million", 262144 → "262,144". */
export function countText(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000} million`;
  return n.toLocaleString("en-US");
}
