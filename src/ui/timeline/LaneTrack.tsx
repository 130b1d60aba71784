/**
 * The time part of one lane: its life line from spawn to exit, a dot per state change, short log
 * labels, the badge each code swap left on it (kept / migrated / killed) and the end cap with the
 * exit reason (red for crashes). Only what falls inside the visible window is rendered, and dots
 * and labels are thinned so a chatty process costs a bounded number of elements.
 * Memoised on `rev`, the timeline's event version: lanes are mutated in place (model.ts), and
 * only an events batch changes them, so a scrub or a hover elsewhere redraws no track.
 */
import { memo } from "react";
import type { Lane, Poke, Swap } from "../store/model";
import { reportFor } from "../store/model";
import { appStore } from "../store/appStore";
import { formatTerm, readableReason, stripQuotes } from "../format";
import { badgeText } from "./badges";
import { shortLabel } from "./labels";

type Props = { lane: Lane; swaps: Swap[]; t0: number; t1: number; width: number; now: number; hue: number; pokes?: Poke[]; rev: number };

const LABEL_GAP_PX = 96;
/** The widest a log label gets when nothing follows it closely. */
const LABEL_MAX_PX = 220;
const DOT_GAP_PX = 7;
/** Approximate widths of a character in a dot's value (10px mono) and in a badge (10.5px). */
const VALUE_CHAR_PX = 6.1;
const BADGE_CHAR_PX = 6.4;
/** A log label's characters (10.5px sans): a generous average, so a label is never cut short. */
const LOG_CHAR_PX = 6.4;
/** Room right of an end cap below which its exit reason goes to the left instead (about 10 characters). */
const REASON_MIN_PX = 64;

export const LaneTrack = memo(LaneTrackView);

function LaneTrackView({ lane, swaps, t0, t1, width, now, hue, pokes }: Props) {
  const x = (t: number) => ((t - t0) / (t1 - t0)) * width;
  const start = Math.max(lane.spawnedAt, t0);
  const end = Math.min(lane.exitedAt ?? now, t1);
  const items: React.ReactNode[] = [];

  if (end >= start) {
    items.push(<div key="life" className={`life ${lane.status}`} style={{ left: x(start), width: Math.max(1, x(end) - x(start)), ["--hue" as string]: hue }} />);
  }

  // State dots, thinned to one per few pixels (the newest in each bucket wins).
  let lastDotX = -Infinity;
  const dots: { t: number; state: string; x: number; prev?: string }[] = [];
  for (let i = 0; i < lane.history.length; i++) {
    const h = lane.history[i];
    if (h.t < t0 || h.t > t1) continue;
    const px = x(h.t);
    if (px - lastDotX < DOT_GAP_PX && dots.length) dots.pop();
    dots.push({ t: h.t, state: h.state, x: px, prev: lane.history[i - 1]?.state });
    lastDotX = px;
  }
  for (const d of dots) {
    items.push(
      <button
        key={`d${d.t}-${d.x}`}
        className="dot"
        tabIndex={-1}
        style={{ left: d.x, ["--hue" as string]: hue }}
        aria-label={`${showValuesLabel(lane) ? `state ${formatTerm(d.state, "state")}` : "state changed"} at ${d.t} ms`}
        title={`${formatTerm(d.state, "state")}   at ${d.t}ms${d.prev !== undefined ? `  (was ${formatTerm(d.prev, "state")})` : ""}`}
        onClick={(e) => {
          e.stopPropagation();
          appStore.setState({ selectedPid: lane.pid });
        }}
      />,
    );
  }
  // The state value itself beside the newest dots, where there is room: the lesson is readable on
  // the lane. Short values ("6", "16") need less room than long ones, so most ticks keep theirs.
  let lastLabelX = Infinity;
  let lastHalf = 0;
  const showValues = lane.kind !== "supervisor" && lane.kind !== "dynamic_supervisor";
  for (let i = dots.length - 1; showValues && i >= 0 && items.length < 400; i--) {
    const d = dots[i];
    // As long as the room up to the next value allows (at least 10 characters, at most 28).
    const room = Math.min(width, lastLabelX) - lastHalf - 6 - d.x;
    const text = clipValue(formatTerm(d.state, "state"), Math.max(10, Math.min(28, Math.floor((2 * room) / VALUE_CHAR_PX))));
    const half = (text.length * VALUE_CHAR_PX) / 2;
    if (lastLabelX - d.x < lastHalf + half + 6) continue;
    lastLabelX = d.x;
    lastHalf = half;
    // Centred on its dot, but kept inside the track (a value at t = 0 would lose its first half).
    const centre = Math.max(half, Math.min(width - half, d.x));
    items.push(<span key={`v${d.t}-${d.x}`} className="dot-value mono" style={{ left: centre }}>{text}</span>);
  }

  // The exit's end cap, and the swap badges: a badge and the exit reason must not cover each
  // other (a lane killed at a purge, or crashing right after a swap).
  const exitX = lane.exitedAt !== undefined && lane.exitedAt >= t0 && lane.exitedAt <= t1 ? x(lane.exitedAt) : null;
  // Near the right edge (a crash a moment ago) the reason goes left of the cap, clipped to the
  // room there; the cap's tooltip always has it in full.
  const fullReason = readableReason(stripQuotes(lane.reason ?? ""));
  const roomRight = exitX === null ? 0 : width - exitX - 12;
  // Left of the cap only when the right has almost no room: on the left it covers the row's own life.
  const reasonLeft = exitX !== null && roomRight < REASON_MIN_PX && fullReason.length * BADGE_CHAR_PX > roomRight && exitX - 12 > roomRight;
  const room = reasonLeft ? exitX! - 12 : roomRight;
  const reason = clipWords(fullReason, Math.max(6, Math.min(48, Math.floor(room / BADGE_CHAR_PX))));
  let reasonPlace: "mid" | "high" | "none" = "mid";
  const badges: React.ReactNode[] = [];
  const badgeSpans: [number, number][] = [];
  const shown = swaps.filter((swap) => swap.t >= t0 && swap.t <= t1 && reportFor(swap, lane));
  for (let k = 0; k < shown.length; k++) {
    const swap = shown[k];
    const report = reportFor(swap, lane)!;
    // A badge's detail stops short of the next badge on this lane (two swaps seconds apart).
    const nextX = k + 1 < shown.length ? x(shown[k + 1].t) : Infinity;
    // Up to the next badge, and up to the track's end (beyond it, the badge turns to the marker's left).
    const room = Math.min(nextX - x(swap.t) - 22, Math.max(width - x(swap.t), x(swap.t)) - 22);
    const { label: kindLabel, detail, full } = badgeText(report, Math.floor(room / BADGE_CHAR_PX));
    const bw = (kindLabel.length + (detail ? detail.length + 1 : 0)) * BADGE_CHAR_PX + 14;
    // At the present (the right edge), the badge hangs left of its marker rather than be cut.
    const flip = x(swap.t) + 6 + bw > width && x(swap.t) - bw - 6 >= 0;
    const bx = flip ? x(swap.t) - bw - 6 : x(swap.t) + 6;
    badgeSpans.push([bx - 2, bx + bw]);
    const [ra, rb] = reasonSpan(exitX, reason, reasonLeft);
    if (exitX !== null && rb >= bx - 4 && ra <= bx + bw + 4) {
      // Killed by this very swap: the badge already says so. Otherwise the reason goes up a line.
      reasonPlace = report.kind === "killed" && Math.abs(lane.exitedAt! - swap.t) <= 1 ? "none" : "high";
    }
    badges.push(
      <span key={`s${swap.id}`} className={`badge badge-${report.kind} ${flip ? "flip" : ""}`} style={{ left: x(swap.t) }} title={full} data-testid="swap-badge" data-kind={report.kind}>
        {kindLabel}
        {detail ? <span className="badge-detail mono"> {detail}</span> : null}
      </span>,
    );
  }
  // Log labels give way to the badges (they share the line under the life line) and to the exit reason.
  const taken: [number, number][] = badgeSpans.slice();
  if (exitX !== null && reasonPlace === "mid") taken.push(reasonSpan(exitX, reason, reasonLeft));

  // Log labels: greedy from the newest backwards, skipping those that would overlap. A short
  // label ("…v2") needs less room than a long one, so close lines keep more of theirs.
  let labelRight = Infinity;
  for (let i = lane.labels.length - 1; i >= 0; i--) {
    const l = lane.labels[i];
    if (l.t > t1) continue;
    if (l.t < t0) break;
    const px = x(l.t);
    const text = shortLabel(l.text, lane.labels[i - 1]?.text);
    // (+12: the label's left padding and border, and the width of an ellipsis.)
    const full = text.length * LOG_CHAR_PX + 12;
    const usual = Math.min(LABEL_GAP_PX - 6, full);
    const gap = labelRight - px - 6;
    if (gap < usual) continue;
    // Wider than usual, up to its whole text, where the room before the next label (and the
    // track's end) allows: a lone line is read whole.
    const w = Math.max(usual, Math.min(full, gap, width - px - 2, LABEL_MAX_PX));
    if (taken.some(([a, b]) => px < b && px + w > a)) continue;
    labelRight = px;
    items.push(<span key={`l${i}`} className="lane-log" style={{ left: px, maxWidth: w }} title={l.text}>{text}</span>);
  }

  items.push(...badges);

  // Actions from outside (the inspector, a script's poke): a bolt where the signal or message came in.
  for (const p of pokes ?? []) {
    if (p.t < t0 || p.t > t1) continue;
    items.push(<span key={`p${p.t}-${p.what}`} className={`poke poke-${p.what}`} style={{ left: x(p.t) }} title={`${p.text} at ${p.t}ms`} data-testid="poke-mark">⚡</span>);
  }

  if (exitX !== null) {
    items.push(
      <span key="cap" className={`endcap ${lane.crashed ? "crash" : ""} ${reasonPlace} ${reasonLeft ? "left" : ""}`} style={{ left: exitX }} title={`exited at ${lane.exitedAt}ms: ${fullReason}${fullReason !== stripQuotes(lane.reason ?? "") ? `\n${formatTerm(lane.reason ?? "", "reason")}` : ""}`} data-testid="exit-reason">
        <span className="endcap-bar" />
        {reasonPlace !== "none" && <span className="endcap-reason mono">{reason}</span>}
      </span>,
    );
  }

  return <div className="track">{items}</div>;
}

/** Where the exit reason's text sits, in pixels: right of the cap, or left of it. */
function reasonSpan(exitX: number | null, reason: string, left: boolean): [number, number] {
  if (exitX === null) return [0, 0];
  const w = reason.length * BADGE_CHAR_PX + 7;
  return left ? [exitX - w, exitX + 4] : [exitX - 4, exitX + w];
}

/** Cut to n characters at a word's end where one is near (never "runaway: ran 1000 ms withou…"). */
export function clipWords(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n - 1);
  const space = cut.search(/[\s,:;][^\s,:;]*$/);
  return `${space > n * 0.5 ? cut.slice(0, space).replace(/[\s,:;]+$/, "") : cut}…`;
}

const showValuesLabel = (lane: Lane) => lane.kind !== "supervisor" && lane.kind !== "dynamic_supervisor";

/** A clipped value never ends in part of a number: "{count: 13, …" cut in "13" reads as 1. */
export function clipValue(s: string, n: number): string {
  if (s.length <= n) return s;
  let cut = n - 1;
  if (/[\d.]/.test(s[cut - 1] ?? "") && /[\d.]/.test(s[cut])) {
    while (cut > 0 && /[\d.\-]/.test(s[cut - 1])) cut--;
  }
  return `${s.slice(0, cut)}…`;
}
