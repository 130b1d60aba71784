/**
 * The visible window of virtual time. While following, the window ends at "now" (the present
 * slides in from the right); once the user pans back, it stays put until they press Follow.
 */
export type TimeView = { span: number; end: number; follow: boolean };

export const MIN_SPAN = 200;
export const MAX_SPAN = 3_600_000;
/** The window before anyone zooms: 15 s of virtual time. */
export const DEFAULT_SPAN = 15_000;

/**
 * The window for a lesson that ends at `end` (virtual ms): the whole story and a little room,
 * so a short lesson is not squeezed into the left third of a 15 s axis.
 */
export function lessonSpan(end: number): number {
  return Math.min(60_000, Math.max(3000, Math.ceil((end * 1.08) / 500) * 500));
}

export function windowOf(view: TimeView, now: number): { t0: number; t1: number } {
  if (view.follow) {
    // Early on, leave a little room before t = 0 so the first dots are not cut by the edge.
    const t1 = Math.max(now + view.span * 0.04, view.span * 0.97);
    return { t0: t1 - view.span, t1 };
  }
  return { t0: view.end - view.span, t1: view.end };
}

/**
 * The widest window worth showing: the run so far and a quarter more (at least the default 15 s),
 * so zooming out stops before the data is a sliver at the left edge.
 */
export function maxSpan(now: number): number {
  return Math.min(MAX_SPAN, Math.max(DEFAULT_SPAN, Math.ceil((now * 1.25) / 1000) * 1000));
}

/** Zoom around the time under the pointer (fraction 0..1 across the track). */
export function zoom(view: TimeView, now: number, factor: number, at = 1): TimeView {
  const { t0, t1 } = windowOf(view, now);
  // Zooming in is always allowed; zooming out stops at maxSpan (a window already wider stays).
  const limit = Math.max(maxSpan(now), factor > 1 ? view.span : 0);
  const span = Math.min(limit, Math.max(MIN_SPAN, view.span * factor));
  const pivot = t0 + (t1 - t0) * at;
  const end = pivot + (t1 - pivot) * (span / view.span);
  return view.follow ? { ...view, span } : { span, end: Math.max(span, end), follow: false };
}

export function pan(view: TimeView, now: number, deltaMs: number): TimeView {
  const { t1 } = windowOf(view, now);
  const end = Math.max(view.span, t1 + deltaMs);
  // Panning to the present again resumes following.
  if (end >= now) return { ...view, end, follow: true };
  return { ...view, end, follow: false };
}

/** Axis ticks at a "nice" step giving roughly one label per 110 px. */
export function ticks(t0: number, t1: number, width: number): number[] {
  const target = ((t1 - t0) / Math.max(1, width)) * 110;
  const steps = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000];
  const step = steps.find((s) => s >= target) ?? 3_600_000;
  const out: number[] = [];
  for (let t = Math.ceil(Math.max(0, t0) / step) * step; t <= t1; t += step) out.push(t);
  return out;
}
