/**
 * Reading pauses for guided demos. A script's captions are timed in virtual time, and two of them
 * can come less than a second apart: at 1× the first would vanish before anyone read it. So when
 * a caption appears and the script's next caption would replace it before it can be read, virtual
 * time is held until the reading time has passed (or the viewer presses Continue). It is held
 * soon after the caption's own moment, not just before the next one: what the next caption is
 * about must not be on screen while this one is read. The events are the same as without the
 * pause; only the playback waits.
 * Pauses apply at reading speeds (2× and below); faster than that, the viewer chose to skim.
 */
import { appStore } from "../store/appStore";
import { timelineStore } from "../store/timelineStore";
import { holdUntilRead, liftHold } from "./controller";

export const READING_SPEED_MAX = 2;
/** Virtual ms a reading pause lets pass after its caption: the caption's own step shows, little more. */
const HOLD_AFTER_MS = 200;

/** Wall time to read a caption: about 210 words a minute plus a moment to find what it names. */
export function readingMs(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.min(9000, Math.max(2500, 1200 + words * 285));
}

/** The script's next caption after virtual time `t`, if any. */
export function nextCaptionAt(script: { at: number; say?: string }[] | undefined, t: number): number | null {
  let best: number | null = null;
  for (const step of script ?? []) if (step.say !== undefined && step.at > t && (best === null || step.at < best)) best = step.at;
  return best;
}

let seen = 0;

export function startPacer(): void {
  timelineStore.subscribe((state) => {
    const captions = state.model.captions;
    if (captions.length < seen) {
      // A new run (or a cleared timeline): nothing to wait for.
      seen = captions.length;
      liftHold();
      return;
    }
    if (captions.length === seen) return;
    seen = captions.length;
    const caption = captions[captions.length - 1];
    const app = appStore.getState();
    const next = nextCaptionAt(app.script, caption.t);
    if (next === null || app.speed > READING_SPEED_MAX) return;
    const need = readingMs(caption.text);
    const wallGap = (next - caption.t) / app.speed;
    if (wallGap >= need) return;
    holdUntilRead(Math.min(caption.t + HOLD_AFTER_MS, next - 1), need);
  });
}
