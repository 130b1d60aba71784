/**
 * What the timeline shows, derived only from trace events (SPEC §8): one lane per process, the
 * swap markers with their per-process reports (kept / migrated / killed), the log, captions and
 * compile errors. The model is mutable and owned by the timeline store, which applies one batch
 * per animation frame and bumps a version; React reads it through that version. Memory is
 * bounded: the log keeps the newest MAX_LOG_LINES and at most MAX_LOG_CHARS of text (a flood of
 * 1 MB lines is bounded by bytes, not lines), each lane its newest history and labels, and a
 * label keeps only what a lane can show. A line itself arrives already cut to its limit
 * (workerMessages.ts), with a note saying so.
 */
import type { CheckEvent, CompileErrorEvent, ProcessKind, StackFrame, TraceEvent } from "../../runtime/events";

export const MAX_LOG_LINES = 100_000;
/** Text the log holds in all (about 16 MB as UTF-16); older lines go first. */
export const MAX_LOG_CHARS = 8_000_000;
/** A lane label shows a line's start; the rest is in the log. */
const MAX_LABEL_CHARS = 300;
const MAX_LANE_HISTORY = 2_000;
const MAX_LANE_LABELS = 400;
/** Messages kept for the message view: the newest ones (a chatty system sends thousands a second). */
export const MAX_SENDS = 20_000;

export type LaneStatus = "alive" | "suspended" | "dead";

export type Lane = {
  pid: string;
  /** Spawn order: siblings are shown in it, as processes are killed in it. */
  order: number;
  parent: string | null;
  name?: string;
  module?: string;
  kind: ProcessKind;
  /** The module's version current when this lane started (or last moved with a callback). */
  vsn?: string;
  spawnedAt: number;
  exitedAt?: number;
  reason?: string;
  crashed: boolean;
  stack?: StackFrame[];
  status: LaneStatus;
  state?: string;
  stateAt?: number;
  history: { t: number; state: string }[];
  labels: { t: number; text: string }[];
};

export type ReportKind = "kept" | "migrated" | "killed" | "failed";
export type SwapReport = { kind: ReportKind; detail?: string };

export type Swap = {
  id: number;
  t: number;
  action?: "recompile" | "upgrade" | "restart";
  modules: { module: string; vsn: string; previous: string | null }[];
  purged: { module: string; vsn: string }[];
  reports: Map<string, SwapReport>;
  closed: boolean;
};

export type LogLine = { seq: number; t: number; pid: string; text: string };

/** A message as the message view draws it: `from` is "system" when no process sent it. */
export type SentMessage = { t: number; from: string; to: string; msg: string; dropped?: true };

export type Model = {
  lanes: Map<string, Lane>;
  swaps: Swap[];
  logs: LogLine[];
  logSeq: number;
  logsDropped: number;
  /** Characters of text in `logs`. */
  logChars: number;
  eventsDropped: number;
  captions: { t: number; text: string }[];
  /** Sent messages, oldest first, when the worker traces sends (the message view is on). */
  sends: SentMessage[];
  sendsDropped: number;
  /** Lesson checks as they were evaluated (a snippet's `checks`). */
  checks: CheckEvent[];
  compileErrors: CompileErrorEvent[];
  /** Current and old version of each loaded module. */
  versions: Map<string, { current: string; old: string | null }>;
  now: number;
  /** Bumped when lanes are added or re-parented: the tree order must be recomputed. */
  treeVersion: number;
};

export function emptyModel(): Model {
  return {
    lanes: new Map(), swaps: [], logs: [], logSeq: 0, logsDropped: 0, logChars: 0, eventsDropped: 0,
    captions: [], sends: [], sendsDropped: 0, checks: [], compileErrors: [], versions: new Map(), now: 0, treeVersion: 0,
  };
}

/** `"normal"` as inspect prints it, or bare: exits that are not failures. */
export function isCleanExit(reason: string): boolean {
  const r = reason.replace(/^"(.*)"$/, "$1");
  return r === "normal" || r === "shutdown" || /^\["shutdown"/.test(r);
}

export function applyEvents(m: Model, events: TraceEvent[]): void {
  for (const e of events) applyEvent(m, e);
}

export function applyEvent(m: Model, e: TraceEvent): void {
  if (e.t > m.now) m.now = e.t;
  switch (e.type) {
    case "spawn": {
      const kind = e.kind ?? "process";
      m.lanes.set(e.pid, {
        pid: e.pid, order: m.lanes.size, parent: e.parent, name: e.name, module: e.module, kind,
        vsn: e.module ? m.versions.get(e.module)?.current : undefined,
        spawnedAt: e.t, crashed: false, status: "alive", history: [], labels: [],
      });
      m.treeVersion++;
      return;
    }
    case "behaviour": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.kind = e.behaviour;
      lane.module = e.module;
      lane.vsn = m.versions.get(e.module)?.current;
      if (e.supervisor && e.supervisor !== lane.parent) {
        lane.parent = e.supervisor;
        m.treeVersion++;
      }
      return;
    }
    case "runs": {
      // A plain process's loop entered a module version: its chip shows it (and "old" once replaced).
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.module = e.module;
      lane.vsn = e.vsn;
      return;
    }
    case "register": {
      const lane = m.lanes.get(e.pid);
      if (lane) lane.name = e.name;
      return;
    }
    case "exit": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.status = "dead";
      lane.exitedAt = e.t;
      lane.reason = e.reason;
      lane.crashed = !isCleanExit(e.reason);
      lane.stack = e.stack;
      return;
    }
    case "log": {
      pushLog(m, { seq: m.logSeq++, t: e.t, pid: e.pid, text: e.text });
      const lane = m.lanes.get(e.pid);
      if (lane) pushCapped(lane.labels, { t: e.t, text: e.text.length > MAX_LABEL_CHARS ? `${e.text.slice(0, MAX_LABEL_CHARS)}…` : e.text }, MAX_LANE_LABELS);
      return;
    }
    case "warning":
      // The runtime's advice about the code (a missing await) reads best beside the log lines.
      pushLog(m, { seq: m.logSeq++, t: e.t, pid: e.pid, text: `⚠ ${e.text}` });
      return;
    case "state": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.state = e.state;
      lane.stateAt = e.t;
      if (lane.module) lane.vsn = m.versions.get(lane.module)?.current ?? lane.vsn;
      pushCapped(lane.history, { t: e.t, state: e.state }, MAX_LANE_HISTORY);
      return;
    }
    case "suspend":
    case "resume": {
      const lane = m.lanes.get(e.pid);
      if (lane && lane.status !== "dead") lane.status = e.type === "suspend" ? "suspended" : "alive";
      return;
    }
    case "load": {
      // Versions are shown by label (declared vsn, else load order); a hash means nothing here.
      const current = e.label ?? e.vsn;
      const previous = e.previous === null ? null : (e.previous_label ?? e.previous);
      m.versions.set(e.module, { current, old: previous });
      openSwap(m, e.t).modules.push({ module: e.module, vsn: current, previous });
      m.compileErrors = [];
      return;
    }
    case "purge": {
      const v = m.versions.get(e.module);
      const vsn = e.label ?? e.vsn;
      if (v && v.old === vsn) v.old = null;
      const swap = openSwap(m, e.t);
      swap.purged.push({ module: e.module, vsn });
      for (const pid of e.killed) swap.reports.set(pid, { kind: "killed", detail: `ran ${e.module} v${vsn}` });
      return;
    }
    case "code_change": {
      const swap = findSwapFor(m, e.module, e.t) ?? openSwap(m, e.t);
      const ok = e.result.replace(/^"(.*)"$/, "$1") === "ok";
      const detail = e.before !== undefined && e.after !== undefined ? `${e.before} → ${e.after}` : e.result;
      swap.reports.set(e.pid, ok ? { kind: "migrated", detail } : { kind: "failed", detail: e.result });
      return;
    }
    case "action": {
      if (!e.ok) return; // a failed compile loads nothing: no marker, the errors say why
      const swap = m.swaps.at(-1);
      if (swap && !swap.closed) {
        swap.action = e.action;
        swap.closed = true;
        for (const pid of e.killed) if (!swap.reports.has(pid)) swap.reports.set(pid, { kind: "killed" });
      }
      m.compileErrors = [];
      return;
    }
    case "compile_error":
      m.compileErrors.push(e);
      return;
    case "say":
      m.captions.push({ t: e.t, text: e.text });
      return;
    case "check":
      m.checks.push(e);
      return;
    case "send":
      m.sends.push(e.dropped ? { t: e.t, from: e.from, to: e.to, msg: e.msg, dropped: true } : { t: e.t, from: e.from, to: e.to, msg: e.msg });
      if (m.sends.length > MAX_SENDS * 1.1) {
        const drop = m.sends.length - MAX_SENDS;
        m.sends.splice(0, drop);
        m.sendsDropped += drop;
      }
      return;
    case "link":
    case "unlink":
    case "monitor":
    case "down":
      return; // links and monitors are read from `inspect` when a process is selected
  }
}

/** Appends a line; drops the oldest (counted) past MAX_LOG_LINES or MAX_LOG_CHARS. */
function pushLog(m: Model, line: LogLine): void {
  m.logs.push(line);
  m.logChars += line.text.length;
  let drop = m.logs.length > MAX_LOG_LINES * 1.1 ? m.logs.length - MAX_LOG_LINES : 0;
  if (m.logChars > MAX_LOG_CHARS) {
    // Down to 90% of the budget, so a flood does not splice the array on every line.
    let chars = m.logChars;
    for (let i = 0; i < drop; i++) chars -= m.logs[i].text.length;
    while (drop < m.logs.length - 1 && chars > MAX_LOG_CHARS * 0.9) chars -= m.logs[drop++].text.length;
  }
  if (drop === 0) return;
  for (let i = 0; i < drop; i++) m.logChars -= m.logs[i].text.length;
  m.logs.splice(0, drop);
  m.logsDropped += drop;
}

function openSwap(m: Model, t: number): Swap {
  const last = m.swaps.at(-1);
  if (last && !last.closed && last.t === t) return last;
  if (last) last.closed = true;
  const swap: Swap = { id: m.swaps.length, t, modules: [], purged: [], reports: new Map(), closed: false };
  m.swaps.push(swap);
  return swap;
}

function findSwapFor(m: Model, module: string, t: number): Swap | undefined {
  for (let i = m.swaps.length - 1; i >= 0; i--) {
    const s = m.swaps[i];
    if (s.t <= t && s.modules.some((x) => x.module === module)) return s;
  }
  return undefined;
}

/** The first load of a run is not a swap: nothing was running before it. */
export function isInitialLoad(swap: Swap): boolean {
  return !swap.action && swap.purged.length === 0 && swap.modules.every((m) => m.previous === null);
}

/** The badge a swap puts on a lane: an explicit report, or "kept" for a live process of a loaded module. */
export function reportFor(swap: Swap, lane: Lane): SwapReport | undefined {
  if (isInitialLoad(swap)) return undefined;
  const explicit = swap.reports.get(lane.pid);
  if (explicit) return explicit;
  if (lane.spawnedAt >= swap.t || (lane.exitedAt !== undefined && lane.exitedAt < swap.t)) return undefined;
  // "kept" is about state: a plain process has none to show (its version chip tells the story).
  if (lane.kind === "process") return undefined;
  if (lane.module && swap.modules.some((x) => x.module === lane.module)) {
    const state = stateAt(lane, swap.t);
    return { kind: "kept", detail: state !== undefined ? state : undefined };
  }
  return undefined;
}

/** The state a lane had at time t (the last change at or before t). */
export function stateAt(lane: Lane, t: number): string | undefined {
  let found: string | undefined;
  for (const h of lane.history) {
    if (h.t > t) break;
    found = h.state;
  }
  return found;
}

function pushCapped<T>(list: T[], item: T, cap: number): void {
  list.push(item);
  if (list.length > cap * 1.25) list.splice(0, list.length - cap);
}
