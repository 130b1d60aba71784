/**
 * A copy of every trace event the page receives, kept only while a test asks for it (the test
 * hook's `recordEvents`/`recordedEvents`): end-to-end tests compare runs event for event.
 */
import type { TraceEvent } from "../../runtime/events";

let tap: TraceEvent[] | null = null;

export function tapEvents(events: TraceEvent[]): void {
  if (tap) for (const e of events) tap.push(e);
}

export function startTap(): void {
  tap = [];
}

export function tapped(): TraceEvent[] {
  return tap ?? [];
}
