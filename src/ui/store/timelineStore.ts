/**
 * The timeline's store: a zustand vanilla store fed only by the worker's `events` batches. Batches
 * are queued as they arrive and applied once per animation frame, so a burst of messages costs
 * one render. The model itself is mutable (see model.ts); React subscribes to `version` (bumped
 * when events were applied) or to `clock` (bumped when only virtual time moved, every frame while
 * the clock runs): the panels that show no time (log, inspector, tree, editor) re-render only
 * when something happened, not sixty times a second.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import type { TraceEvent } from "../../runtime/events";
import { applyEvents, emptyModel, type Model } from "./model";
import { appStore } from "./appStore";

export type TimelineState = { model: Model; version: number; clock: number };

export const timelineStore = createStore<TimelineState>(() => ({ model: emptyModel(), version: 0, clock: 0 }));

let queue: { events: TraceEvent[]; now: number; dropped: number }[] = [];
let queued = 0;
let frame: number | null = null;
/**
 * Events waiting for the next frame. A worker that posts faster than the page draws (or a tab
 * whose frames stopped) would otherwise grow the queue without end: past this, the chatty kinds
 * (log, state, send) are dropped and counted, as the worker itself does.
 */
export const MAX_QUEUED_EVENTS = 100_000;
const DROPPABLE = new Set<TraceEvent["type"]>(["log", "state", "send"]);

function schedule(): void {
  if (frame !== null) return;
  const run = () => {
    frame = null;
    flushNow();
  };
  // rAF does not fire in hidden tabs; a timeout keeps the queue bounded there.
  frame = typeof requestAnimationFrame === "function" && !document.hidden ? requestAnimationFrame(run) : (setTimeout(run, 100) as unknown as number);
}

/** Applies everything queued now (tests and the frame callback). */
export function flushNow(): void {
  if (queue.length === 0) return;
  const { model, version, clock } = timelineStore.getState();
  const before = model.now;
  let happened = false;
  for (const batch of queue) {
    if (batch.events.length || batch.dropped) happened = true;
    applyEvents(model, batch.events);
    if (batch.now > model.now) model.now = batch.now;
    model.eventsDropped += batch.dropped;
  }
  queue = [];
  queued = 0;
  if (happened) timelineStore.setState({ version: version + 1, clock: clock + 1 });
  else if (model.now !== before) timelineStore.setState({ clock: clock + 1 });
}

export function enqueueEvents(events: TraceEvent[], now: number, dropped = 0): void {
  if (queued + events.length > MAX_QUEUED_EVENTS) {
    const kept = events.filter((e) => !DROPPABLE.has(e.type));
    dropped += events.length - kept.length;
    events = kept;
  }
  queued += events.length;
  queue.push({ events, now, dropped });
  schedule();
}

/** A new run: forget everything shown. */
export function resetTimeline(now = 0): void {
  queue = [];
  // A new run has no past to look at yet.
  if (appStore.getState().travelT !== null) appStore.setState({ travelT: null });
  queued = 0;
  const model = emptyModel();
  model.now = now;
  const { version, clock } = timelineStore.getState();
  timelineStore.setState({ model, version: version + 1, clock: clock + 1 });
}

export function useTimelineVersion(): number {
  return useStore(timelineStore, (s) => s.version);
}

/** The model, re-rendering when events were applied (not when only virtual time moved). */
export function useModel(): Model {
  useTimelineVersion();
  return timelineStore.getState().model;
}

/** The model, re-rendering every time virtual time moves too: for what draws the present. */
export function useModelAndClock(): Model {
  useTimelineVersion();
  useStore(timelineStore, (s) => s.clock);
  return timelineStore.getState().model;
}

/** Virtual time as the page last heard it. */
export function useVirtualNow(): number {
  return useStore(timelineStore, (s) => s.model.now);
}
