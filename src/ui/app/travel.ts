/**
 * Moving through time: the scrubber, the axis, the keys (←/→ between the moments a row changed,
 * Home/End, Esc for the present). Only the view travels; the running system goes on (or stays
 * paused) and the present is one click away.
 */
import { appStore } from "../store/appStore";
import { timelineStore } from "../store/timelineStore";
import { justBefore, nextStop, prevStop } from "../store/travel";
import type { Swap } from "../store/model";

/** Shows the system at virtual time t (clamped to what has happened), or the present (null). */
export function travelTo(t: number | null): void {
  const now = timelineStore.getState().model.now;
  appStore.setState({ travelT: t === null || t >= now ? null : Math.max(0, t) });
}

export function backToPresent(): void {
  appStore.setState({ travelT: null });
}

/** ←/→: to the previous or next moment a row changed; from the present, ← goes to the last one. */
export function travelStep(direction: -1 | 1): void {
  const model = timelineStore.getState().model;
  const at = appStore.getState().travelT;
  if (direction < 0) {
    const t = prevStop(model, at ?? model.now + 1);
    if (t !== null) travelTo(t);
    return;
  }
  if (at === null) return;
  const t = nextStop(model, at);
  // Past the last recorded change: the present.
  travelTo(t === null ? null : t);
}

/** Home: the first moment (t = 0). */
export function travelHome(): void {
  travelTo(0);
}

/** The moment just before a swap (one → later is just after it). */
export function travelBeforeSwap(swap: Swap): void {
  travelTo(justBefore(timelineStore.getState().model, swap));
}
