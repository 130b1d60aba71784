/**
 * Time travel, read from the recorded events: the system as it was at virtual time `t`. Every
 * lane keeps, besides its state history, when the version it runs changed, its suspensions, and
 * its links and monitors (model.ts); the swaps are all kept. So any past moment is a handful of
 * binary searches per visible row, which is what lets a scrubber answer within one frame, and
 * works the same across recompiles, upgrades and restarts (old pids keep their lanes). What the
 * model no longer holds (a lane's history beyond its cap) is said, not guessed: `recorded` is
 * false before a lane's oldest kept state.
 */
import { isInitialLoad, lastAtOrBefore, type Lane, type LaneStatus, type Model, type Swap } from "./model";

export type LaneAt = {
  /** "unborn": not spawned yet at that moment. */
  status: LaneStatus | "unborn";
  state?: string;
  /** When that state was set. */
  stateAt?: number;
  /** The module version it ran then, and whether a newer one was loaded by then. */
  vsn?: string;
  old: boolean;
  crashed: boolean;
  reason?: string;
  /** False when the moment is older than the oldest state the lane still holds. */
  recorded: boolean;
  /** Messages waiting in its mailbox then; undefined when older than the lengths the lane still holds. */
  mailbox?: number;
};

/** The current version of `module` at time t (the last load at or before t). */
export function versionAt(swaps: readonly Swap[], module: string, t: number): string | undefined {
  for (let i = swaps.length - 1; i >= 0; i--) {
    const s = swaps[i];
    if (s.t > t) continue;
    const m = s.modules.find((x) => x.module === module);
    if (m) return m.vsn;
  }
  return undefined;
}

export function laneAt(model: Model, lane: Lane, t: number): LaneAt {
  if (t < lane.spawnedAt) return { status: "unborn", old: false, crashed: false, recorded: true };
  if (lane.exitedAt !== undefined && lane.exitedAt <= t) {
    return { status: "dead", old: false, crashed: lane.crashed, reason: lane.reason, state: lane.state, stateAt: lane.stateAt, vsn: vsnAt(model, lane, t), recorded: true };
  }
  const i = lastAtOrBefore(lane.history, t);
  const recorded = i >= 0 || lane.history.length === 0 || lane.history[0].t <= lane.spawnedAt;
  const s = lastAtOrBefore(lane.suspensions, t);
  const suspended = s >= 0 && lane.suspensions[s].on;
  const vsn = vsnAt(model, lane, t);
  const m = lastAtOrBefore(lane.mailboxes, t);
  // Before its first recorded change the mailbox was empty, unless older lengths were let go (capped).
  const mailbox = m >= 0 ? lane.mailboxes[m].length : lane.mailboxesCut ? undefined : 0;
  const current = lane.module ? versionAt(model.swaps, lane.module, t) : undefined;
  return {
    status: suspended ? "suspended" : "alive",
    state: i >= 0 ? lane.history[i].state : undefined,
    stateAt: i >= 0 ? lane.history[i].t : undefined,
    vsn,
    // A GenServer runs the current version at its next callback; a plain process stays in the one its loop is in.
    old: lane.kind === "process" && !!vsn && !!current && vsn !== current,
    crashed: false,
    recorded,
    mailbox,
  };
}

/** The version a lane ran at t: a behaviour's module is called at its current version; a plain process's from its `runs`. */
function vsnAt(model: Model, lane: Lane, t: number): string | undefined {
  if (lane.kind !== "process" && lane.kind !== "shell" && lane.module) return versionAt(model.swaps, lane.module, t) ?? lane.vsn;
  const i = lastAtOrBefore(lane.vsns, t);
  return i >= 0 ? lane.vsns[i].vsn : undefined;
}

/** Pids linked to the lane at t (both ends alive then), from the recorded link and unlink events. */
export function linksAt(model: Model, lane: Lane, t: number): string[] {
  const on = new Set<string>();
  for (const l of lane.linkLog) {
    if (l.t > t) break;
    if (l.on) on.add(l.other);
    else on.delete(l.other);
  }
  return [...on].filter((pid) => {
    const other = model.lanes.get(pid);
    return !other || other.exitedAt === undefined || other.exitedAt > t;
  });
}

/** Pids the lane monitored at t (a DOWN ends a monitor). */
export function monitorsAt(model: Model, lane: Lane, t: number): string[] {
  const on = new Map<string, string>();
  for (const m of lane.monitorLog) {
    if (m.t > t) break;
    if (m.on) on.set(m.ref, m.other);
    else on.delete(m.ref);
  }
  return [...on.values()].filter((pid) => {
    const other = model.lanes.get(pid);
    return !other || other.exitedAt === undefined || other.exitedAt > t;
  });
}

/** The swaps that had happened by t (the first load of a run is not one). */
export function swapsBy(swaps: readonly Swap[], t: number): Swap[] {
  return swaps.filter((s) => s.t <= t && !isInitialLoad(s));
}

/**
 * The moments ←/→ step between: when some row changed (a state, a spawn, an exit). A swap is not
 * a stop of its own, so the stop before it and the stop after it are one key apart: "11, v1" then
 * "21, v2" on the same pid. Each lane's lists are sorted, so this is a binary search per lane.
 */
export function nextStop(model: Model, t: number): number | null {
  let best = Infinity;
  for (const lane of model.lanes.values()) {
    if (lane.spawnedAt > t && lane.spawnedAt < best) best = lane.spawnedAt;
    if (lane.exitedAt !== undefined && lane.exitedAt > t && lane.exitedAt < best) best = lane.exitedAt;
    const i = lastAtOrBefore(lane.history, t) + 1;
    if (i < lane.history.length && lane.history[i].t < best) best = lane.history[i].t;
  }
  return best === Infinity || best > model.now ? null : best;
}

export function prevStop(model: Model, t: number): number | null {
  let best = -Infinity;
  for (const lane of model.lanes.values()) {
    if (lane.spawnedAt < t && lane.spawnedAt > best) best = lane.spawnedAt;
    if (lane.exitedAt !== undefined && lane.exitedAt < t && lane.exitedAt > best) best = lane.exitedAt;
    const i = lastAtOrBefore(lane.history, t - 1e-9);
    if (i >= 0 && lane.history[i].t > best) best = lane.history[i].t;
  }
  return best === -Infinity ? null : best;
}

/** The last stop strictly before a swap: "just before" it (the next stop is "just after"). */
export function justBefore(model: Model, swap: Swap): number {
  return prevStop(model, swap.t) ?? Math.max(0, swap.t - 1);
}
