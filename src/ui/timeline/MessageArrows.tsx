/**
 * The message view: each message sent in the visible window, as an arrow from the sender's lane
 * to the receiver's at the moment it was sent (a sequence chart laid on the timeline). An EXIT or
 * DOWN comes from the process whose exit made it; a message no process sent (a `send_after`
 * timer's) arrives as a short dashed arrow from above.
 * A send to oneself is a small loop. A message that reached no mailbox (its receiver was dead,
 * or a late GenServer reply) ends in an ✕ and is dashed. Only the newest arrows in view are drawn; the panel bar
 * says how many more the window holds.
 */
import type { Lane, SentMessage } from "../store/model";
import { laneTitle } from "./LaneHeader";
import { pidHue } from "../format";

/** Arrows drawn at once: beyond this, a window is unreadable anyway (and the DOM gets heavy). */
export const MAX_ARROWS = 300;
/** Where a lane's life line runs, from the top of its row. */
const LINE_Y = 17;
/** Arrows lean right a little, so a call and its reply in the same ms stay two arrows. */
const LEAN = 7;

type Props = {
  sends: SentMessage[];
  lanes: Map<string, Lane>;
  rowOf: Map<string, number>;
  rowHeight: number;
  t0: number;
  t1: number;
  left: number;
  width: number;
  height: number;
};

/** The messages sent within [t0, t1], newest last, at most `max` (the newest). */
export function messagesInView(sends: SentMessage[], t0: number, t1: number, max = MAX_ARROWS): { shown: SentMessage[]; total: number } {
  const from = firstAfter(sends, t0, false);
  const to = firstAfter(sends, t1, true);
  return { shown: sends.slice(Math.max(from, to - max), to), total: to - from };
}

/** The first index whose `t` is past t (≥ t, or with `strictly` > t); sends arrive in time order. */
function firstAfter(sends: SentMessage[], t: number, strictly: boolean): number {
  let lo = 0;
  let hi = sends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sends[mid].t < t || (strictly && sends[mid].t === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function MessageArrows({ sends, lanes, rowOf, rowHeight, t0, t1, left, width, height }: Props) {
  const nameOf = (pid: string) => {
    const lane = lanes.get(pid);
    const short = pid.replace("#PID", "");
    return lane ? `${laneTitle(lane)} ${short}` : short;
  };
  const { shown } = messagesInView(sends, t0, t1);
  return (
    <svg className="message-layer" style={{ left, width, height }} width={width} height={height}>
      {shown.map((m, i) => {
        const toRow = rowOf.get(m.to);
        if (toRow === undefined) return null;
        const x = ((m.t - t0) / (t1 - t0)) * width;
        const y2 = toRow * rowHeight + LINE_Y;
        const fromRow = rowOf.get(m.from);
        const dropped = m.dropped ? " (dropped: it reached no mailbox)" : "";
        const title = `${formatT(m.t)} · ${m.from === "system" ? "the runtime" : nameOf(m.from)} → ${nameOf(m.to)}: ${m.msg}${dropped}`;
        let d: string;
        let tip: [number, number, number, number];
        let kind: string;
        if (fromRow === undefined) {
          // From no process (a timer), or from a row not shown (hidden once exited): a stub from
          // above, short and just left of the moment, so it does not cover the dot drawn there.
          d = `M${x - 10},${y2 - 9} L${x - 3},${y2 - 2}`;
          tip = [x - 3, y2 - 2, 7, 7];
          kind = "timer";
        } else if (fromRow === toRow) {
          d = `M${x},${y2 - 3} C${x + 12},${y2 - 17} ${x + 17},${y2 - 2} ${x + 4},${y2 - 2}`;
          tip = [x + 4, y2 - 2, -13, 0];
          kind = "self";
        } else {
          const y1 = fromRow * rowHeight + LINE_Y;
          // To a row that has ended: the cross goes under its line, clear of the exit reason there.
          const ended = (lanes.get(m.to)?.exitedAt ?? Infinity) <= m.t;
          const end = ended ? y2 + 11 : y2 + (y2 > y1 ? -3 : 3);
          d = `M${x},${y1} L${x + LEAN},${end}`;
          tip = [x + LEAN, end, LEAN, end - y1];
          kind = "between";
        }
        return (
          <g
            key={`${m.t}:${i}`}
            className={`message ${kind} ${m.dropped ? "dropped" : ""}`}
            style={fromRow === undefined ? undefined : { ["--hue" as string]: pidHue(m.from) }}
            data-testid="message-arrow"
            data-from={m.from}
            data-to={m.to}
          >
            <title>{title}</title>
            <path className="hit" d={d} />
            <path className="shaft" d={d} />
            <path className="head" d={m.dropped ? cross(tip[0], tip[1]) : arrowHead(...tip)} />
          </g>
        );
      })}
    </svg>
  );
}

/** An ✕ where a dropped message would have arrived. */
function cross(x: number, y: number): string {
  return `M${x - 4},${y - 4} L${x + 4},${y + 4} M${x + 4},${y - 4} L${x - 4},${y + 4}`;
}

/** A small filled triangle with its point at (x, y), pointing along (dx, dy). */
function arrowHead(x: number, y: number, dx: number, dy: number): string {
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [bx, by] = [x - ux * 6, y - uy * 6];
  return `M${x},${y} L${bx - uy * 3},${by + ux * 3} L${bx + uy * 3},${by - ux * 3} z`;
}

function formatT(t: number): string {
  return t < 1000 ? `${t} ms` : `${+(t / 1000).toFixed(3)} s`;
}
