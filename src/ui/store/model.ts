/**
 * What the timeline shows, derived only from trace events (SPEC §8): one lane per process, the
 * swap markers with their per-process reports (kept / migrated / killed), the log, captions and
 * compile errors. The model is mutable and owned by the timeline store, which applies one batch
 * per animation frame and bumps a version; React reads it through that version. Memory is
 * bounded: the log keeps the newest MAX_LOG_LINES and at most MAX_LOG_CHARS of text (a flood of
 * 1 MB lines is bounded by bytes, not lines), each lane its newest history and labels, and a
 * label keeps only what a lane can show. A line itself arrives already cut to its limit
 * (workerMessages.ts), with a note saying so. Lanes are bounded too (MAX_LANES): past the bound
 * the oldest exited process gives up its lane, and when every lane is alive a new process gets
 * none (counted): a fork bomb's 262,144 processes froze the page for minutes in the tree order.
 */
import type { CheckEvent, CompileErrorEvent, PokeEvent, ProcessKind, StackFrame, TraceEvent } from "../../runtime/events";
import { exitReport, failedWords, pokeText } from "./reports";
import { displayModule } from "../format";

export const MAX_LOG_LINES = 100_000;
/** Text the log holds in all (about 16 MB as UTF-16); older lines go first. */
export const MAX_LOG_CHARS = 8_000_000;
/** A lane label shows a line's start; the rest is in the log. */
const MAX_LABEL_CHARS = 300;
const MAX_LANE_HISTORY = 2_000;
const MAX_LANE_LABELS = 400;
/** Messages kept for the message view: the newest ones (a chatty system sends thousands a second). */
export const MAX_SENDS = 20_000;
/** Lanes the model holds: more than anyone can read, few enough to order within a frame. */
export const MAX_LANES = 10_000;

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
  /** Time travel (see travel.ts): when the version it runs changed, suspensions, links, monitors. */
  vsns: { t: number; vsn: string }[];
  suspensions: { t: number; on: boolean }[];
  linkLog: { t: number; other: string; on: boolean }[];
  monitorLog: { t: number; other: string; ref: string; on: boolean }[];
  /** Its mailbox's length at the end of each ms it changed (the worker's `mailbox` events); empty: never held a message. */
  mailboxes: { t: number; length: number }[];
  /** Older lengths were let go (the list is capped like the state history). */
  mailboxesCut?: boolean;
  /** A supervisor that stopped because its children crashed too often (OTP's reached_max_restart_intensity). */
  gaveUp?: boolean;
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

/** `level`: "error" for the runtime's own reports (a crash report, a supervisor giving up), "info" for its notes. */
/** `prompt`: a console line the shell echoed (`iex(3)>`), shown with its prompt. */
export type LogLine = { seq: number; t: number; pid: string; text: string; level?: "error" | "info"; prompt?: string };

/** A message as the message view draws it: `from` is "system" when no process sent it. */
export type SentMessage = { t: number; from: string; to: string; msg: string; dropped?: true };

/** An action on a process from outside (the inspector, a script step): drawn on its lane. */
export type Poke = { t: number; pid: string; what: PokeEvent["what"]; text: string };
const MAX_POKES = 2_000;

export type Model = {
  lanes: Map<string, Lane>;
  pokes: Poke[];
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
  /** Events applied so far (benchmarks and tests read it from the timeline's data-events). */
  events: number;
  /** Bumped when lanes are added or re-parented: the tree order must be recomputed. */
  treeVersion: number;
  /** Lanes made so far (the next lane's `order`). */
  laneSeq: number;
  /** Exited processes' pids in exit order: the first to give up their lanes past MAX_LANES. */
  exited: string[];
  exitedHead: number;
  /** Processes past MAX_LANES: exited ones whose lanes were dropped, and ones never given one. */
  lanesDropped: number;
};

export function emptyModel(): Model {
  return {
    lanes: new Map(), pokes: [], swaps: [], logs: [], logSeq: 0, logsDropped: 0, logChars: 0, eventsDropped: 0,
    captions: [], sends: [], sendsDropped: 0, checks: [], compileErrors: [], versions: new Map(), now: 0, events: 0, treeVersion: 0,
    laneSeq: 0, exited: [], exitedHead: 0, lanesDropped: 0,
  };
}

/** `"normal"` as inspect prints it, or bare: exits that are not failures. */
export function isCleanExit(reason: string): boolean {
  const r = reason.replace(/^"(.*)"$/, "$1");
  // Elixir prints them as atoms: `:normal`, `:shutdown`, `{:shutdown, :bye}`.
  return r === "normal" || r === "shutdown" || /^\["shutdown"/.test(r) || r === ":normal" || r === ":shutdown" || /^\{:shutdown, /.test(r);
}

/** An event with its module and registered names as people read them (`Elixir.Counter` → `Counter`). */
function withDisplayNames(e: TraceEvent): TraceEvent {
  const named = e as { module?: unknown; name?: unknown };
  const module = typeof named.module === "string" && named.module.startsWith("Elixir.");
  const name = typeof named.name === "string" && named.name.startsWith("Elixir.");
  if (!module && !name) return e;
  return { ...e, ...(module ? { module: displayModule(named.module as string) } : {}), ...(name ? { name: displayModule(named.name as string) } : {}) } as TraceEvent;
}

export function applyEvents(m: Model, events: TraceEvent[]): void {
  m.events += events.length;
  for (const e of events) applyEvent(m, e);
}

export function applyEvent(m: Model, event: TraceEvent): void {
  const e = withDisplayNames(event);
  if (e.t > m.now) m.now = e.t;
  switch (e.type) {
    case "spawn": {
      if (m.lanes.size >= MAX_LANES && !dropOldestExited(m)) {
        m.lanesDropped++;
        return;
      }
      const kind = e.kind ?? "process";
      m.lanes.set(e.pid, {
        pid: e.pid, order: m.laneSeq++, parent: e.parent, name: e.name, module: e.module, kind,
        vsn: e.module ? m.versions.get(e.module)?.current : undefined,
        spawnedAt: e.t, crashed: false, status: "alive", history: [], labels: [],
        vsns: [], suspensions: [], linkLog: [], monitorLog: [], mailboxes: [],
      });
      noteVsn(m.lanes.get(e.pid)!, e.t);
      m.treeVersion++;
      return;
    }
    case "behaviour": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.kind = e.behaviour;
      lane.module = e.module;
      lane.vsn = m.versions.get(e.module)?.current;
      noteVsn(lane, e.t);
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
      noteVsn(lane, e.t);
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
      m.exited.push(e.pid);
      lane.reason = e.reason;
      lane.crashed = !isCleanExit(e.reason);
      lane.stack = e.stack;
      for (const line of exitReport(m, lane)) pushLog(m, { t: e.t, pid: e.pid, text: line, level: "error" });
      return;
    }
    case "log": {
      pushLog(m, { t: e.t, pid: e.pid, text: e.text, ...(e.prompt !== undefined ? { prompt: e.prompt } : {}) });
      const lane = m.lanes.get(e.pid);
      if (lane) pushCapped(lane.labels, { t: e.t, text: e.text.length > MAX_LABEL_CHARS ? `${e.text.slice(0, MAX_LABEL_CHARS)}…` : e.text }, MAX_LANE_LABELS);
      return;
    }
    case "warning":
      // The runtime's advice about the code (a missing await) reads best beside the log lines.
      pushLog(m, { t: e.t, pid: e.pid, text: `⚠ ${e.text}` });
      return;
    case "poke":
      // An action from the inspector or a script step: in the Log as what it is, on the lane as a mark.
      const text = pokeText(e);
      pushLog(m, { t: e.t, pid: e.pid, text, level: "info" });
      m.pokes.push({ t: e.t, pid: e.pid, what: e.what, text });
      if (m.pokes.length > MAX_POKES * 1.25) m.pokes.splice(0, m.pokes.length - MAX_POKES);
      return;
    case "mailbox": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      const last = lane.mailboxes[lane.mailboxes.length - 1];
      if (last && last.t === e.t) last.length = e.length;
      else {
        lane.mailboxes.push({ t: e.t, length: e.length });
        if (lane.mailboxes.length > MAX_LANE_HISTORY * 1.25) {
          lane.mailboxes.splice(0, lane.mailboxes.length - MAX_LANE_HISTORY);
          lane.mailboxesCut = true;
        }
      }
      return;
    }
    case "state": {
      const lane = m.lanes.get(e.pid);
      if (!lane) return;
      lane.state = e.state;
      lane.stateAt = e.t;
      if (lane.module) lane.vsn = m.versions.get(lane.module)?.current ?? lane.vsn;
      noteVsn(lane, e.t);
      pushCapped(lane.history, { t: e.t, state: e.state }, MAX_LANE_HISTORY);
      return;
    }
    case "suspend":
    case "resume": {
      const lane = m.lanes.get(e.pid);
      if (lane && lane.status !== "dead") lane.status = e.type === "suspend" ? "suspended" : "alive";
      if (lane) pushCapped(lane.suspensions, { t: e.t, on: e.type === "suspend" }, MAX_LANE_LABELS);
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
      // "ok" as the TypeScript dialect prints it, :ok as Elixir does.
      const ok = ["ok", ":ok"].includes(e.result.replace(/^"(.*)"$/, "$1"));
      const detail = e.before !== undefined && e.after !== undefined ? `${e.before} → ${e.after}` : e.result;
      swap.reports.set(e.pid, ok ? { kind: "migrated", detail } : { kind: "failed", detail: e.result });
      if (!ok) pushLog(m, { t: e.t, pid: e.pid, text: `Upgrade of ${e.module} in ${e.pid}: ${failedWords(e.result)}. The new code is loaded; the state was not migrated.`, level: "error" });
      return;
    }
    case "action": {
      if (!e.ok) return; // a failed compile loads nothing: no marker, the errors say why
      if (e.action === "recompile" && e.loaded.length === 0) {
        // As IEx's recompile() answers :noop: nothing changed since the last load.
        pushLog(m, { t: e.t, pid: "system", text: "recompile: :noop, nothing changed since the last load, so nothing was loaded", level: "info" });
        return;
      }
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
    case "unlink": {
      // Both ends, so either one's inspector can show the link at a past moment.
      const on = e.type === "link";
      const a = m.lanes.get(e.from);
      const b = m.lanes.get(e.to);
      if (a) pushCapped(a.linkLog, { t: e.t, other: e.to, on }, MAX_LANE_LABELS);
      if (b) pushCapped(b.linkLog, { t: e.t, other: e.from, on }, MAX_LANE_LABELS);
      return;
    }
    case "monitor": {
      const lane = m.lanes.get(e.from);
      if (lane) pushCapped(lane.monitorLog, { t: e.t, other: e.to, ref: e.ref, on: true }, MAX_LANE_LABELS);
      return;
    }
    case "down": {
      const lane = m.lanes.get(e.to);
      if (lane) pushCapped(lane.monitorLog, { t: e.t, other: e.pid, ref: e.ref, on: false }, MAX_LANE_LABELS);
      return;
    }
  }
}

/** Frees the lane of the process that exited first; false when every lane is a live process. */
function dropOldestExited(m: Model): boolean {
  while (m.exitedHead < m.exited.length) {
    const pid = m.exited[m.exitedHead++];
    if (m.exitedHead > 4096 && m.exitedHead * 2 > m.exited.length) {
      m.exited = m.exited.slice(m.exitedHead);
      m.exitedHead = 0;
    }
    if (m.lanes.get(pid)?.status !== "dead") continue;
    m.lanes.delete(pid);
    m.lanesDropped++;
    m.treeVersion++;
    return true;
  }
  return false;
}

/** Appends a line; drops the oldest (counted) past MAX_LOG_LINES or MAX_LOG_CHARS. */
function pushLog(m: Model, entry: Omit<LogLine, "seq">): void {
  const line = { seq: m.logSeq++, ...entry } as LogLine;
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

/** Records the version a lane runs when it changes (time travel reads it back). */
function noteVsn(lane: Lane, t: number): void {
  if (lane.vsn === undefined || lane.vsns.at(-1)?.vsn === lane.vsn) return;
  pushCapped(lane.vsns, { t, vsn: lane.vsn }, MAX_LANE_LABELS);
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
  const i = lastAtOrBefore(lane.history, t);
  return i < 0 ? undefined : lane.history[i].state;
}

/** Index of the last entry with `t` at or before `t` in a list sorted by time, or -1 (binary search). */
export function lastAtOrBefore(list: readonly { t: number }[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function pushCapped<T>(list: T[], item: T, cap: number): void {
  list.push(item);
  if (list.length > cap * 1.25) list.splice(0, list.length - cap);
}
