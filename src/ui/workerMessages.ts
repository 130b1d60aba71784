/**
 * Reads what the worker posts. The worker runs someone else's code (a share link), so nothing it
 * sends is taken on trust: a message that does not have the exact shape of the protocol is
 * dropped (null), numbers must be finite, and long texts are cut here, before the page stores
 * them, with a note saying how much was cut. The page's memory and main thread then never
 * depend on what the worker chose to send.
 */
import type { TraceEvent } from "../runtime/events";
import type { WorkerToPage } from "../worker/protocol";

/** A log line longer than this is cut (a 10 MB line froze the page and grew it to gigabytes). */
export const MAX_LOG_TEXT = 10_000;
/** Any other printed term (a state, a message, an exit reason). */
export const MAX_TERM_TEXT = 4_000;
/** Events in one batch; the worker sends at most 20,000 per tick. */
export const MAX_BATCH = 50_000;
/** Virtual time is ms since Run: a larger value is a lie (a forged message). */
const MAX_TIME = 1e12;

type Kind = "s" | "s?" | "n" | "n?" | "b" | "b?" | "s|null" | "s|null?" | "sa" | "frames?";
type Shape = Record<string, Kind>;

const EVENT_SHAPES: Record<TraceEvent["type"], Shape> = {
  spawn: { pid: "s", parent: "s|null", module: "s?", name: "s?", kind: "s?" },
  exit: { pid: "s", reason: "s", stack: "frames?" },
  log: { pid: "s", text: "s", prompt: "s?" },
  state: { pid: "s", state: "s" },
  send: { from: "s", to: "s", msg: "s", dropped: "b?" },
  link: { from: "s", to: "s" },
  unlink: { from: "s", to: "s" },
  monitor: { from: "s", to: "s", ref: "s" },
  down: { pid: "s", to: "s", ref: "s", reason: "s" },
  register: { pid: "s", name: "s" },
  load: { module: "s", vsn: "s", previous: "s|null", label: "s?", previous_label: "s|null?" },
  purge: { module: "s", vsn: "s", killed: "sa", label: "s?" },
  code_change: { pid: "s", module: "s", old_vsn: "s", result: "s", before: "s?", after: "s?" },
  suspend: { pid: "s" },
  resume: { pid: "s" },
  compile_error: { file: "s", line: "n", column: "n", message: "s" },
  say: { text: "s" },
  behaviour: { pid: "s", behaviour: "s", module: "s", supervisor: "s?" },
  runs: { pid: "s", module: "s", vsn: "s" },
  action: { action: "s", ok: "b", loaded: "sa", killed: "sa", message: "s?" },
  check: { index: "n", say: "s", ok: "b", expected: "s", got: "s" },
  warning: { pid: "s", text: "s" },
  poke: { pid: "s", what: "s", term: "s?", by: "s" },
  mailbox: { pid: "s", length: "n" },
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= MAX_TIME;
const isString = (x: unknown): x is string => typeof x === "string";
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.length <= 100_000 && x.every(isString);

/** The first `max` characters and a note of how many more there were. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} … [${(text.length - max).toLocaleString("en-US")} more characters not shown]`;
}

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case "s": return isString(value);
    case "s?": return value === undefined || isString(value);
    case "n": return typeof value === "number" && Number.isFinite(value);
    case "n?": return value === undefined || (typeof value === "number" && Number.isFinite(value));
    case "b": return typeof value === "boolean";
    case "b?": return value === undefined || typeof value === "boolean";
    case "s|null": return value === null || isString(value);
    case "s|null?": return value === undefined || value === null || isString(value);
    case "sa": return isStringArray(value);
    case "frames?": return value === undefined || (Array.isArray(value) && value.every((f) => isObject(f) && isString(f.file) && typeof f.line === "number" && typeof f.column === "number"));
  }
}

/** One trace event as the page stores it, or null if it is not one. */
export function readEvent(raw: unknown): TraceEvent | null {
  if (!isObject(raw) || !isTime(raw.t) || !isString(raw.type) || !Object.hasOwn(EVENT_SHAPES, raw.type)) return null;
  const shape = EVENT_SHAPES[raw.type as TraceEvent["type"]];
  const event: Record<string, unknown> = { t: raw.t, type: raw.type };
  for (const [key, kind] of Object.entries(shape)) {
    const value = raw[key];
    if (!fits(value, kind)) return null;
    if (value === undefined) continue;
    event[key] = isString(value) ? cutText(value, raw.type === "log" && key === "text" ? MAX_LOG_TEXT : MAX_TERM_TEXT) : value;
  }
  return event as TraceEvent;
}

function readDiagnostics(raw: unknown): { file: string; line: number; column: number; message: string }[] | null {
  if (!Array.isArray(raw)) return null;
  const out = [];
  for (const d of raw.slice(0, 1000)) {
    if (!isObject(d) || !isString(d.file) || !isString(d.message) || typeof d.line !== "number" || typeof d.column !== "number") return null;
    out.push({ file: d.file, line: d.line, column: d.column, message: cutText(d.message, MAX_TERM_TEXT) });
  }
  return out;
}

/** A request's answer: an action result, an eval result, a process snapshot, or null. */
function readResult(raw: unknown): unknown {
  if (raw === null) return null;
  if (!isObject(raw)) return undefined;
  if ("text" in raw) {
    // An eval's answer: the next IEx prompt's number, and what `recompile()` did if it was that.
    if (raw.text !== null && !isString(raw.text)) return undefined;
    const count = (n: unknown) => n === undefined || (typeof n === "number" && Number.isSafeInteger(n) && n > 0);
    if (!count(raw.prompt) || !count(raw.at)) return undefined;
    const action = raw.action === undefined ? undefined : readResult(raw.action);
    if (raw.action !== undefined && !(isObject(action) && "loaded" in action)) return undefined;
    return { text: raw.text, ...(raw.at !== undefined ? { at: raw.at } : {}), ...(raw.prompt !== undefined ? { prompt: raw.prompt } : {}), ...(action ? { action } : {}) };
  }
  if ("diagnostics" in raw || "loaded" in raw) {
    const diagnostics = readDiagnostics(raw.diagnostics);
    if (typeof raw.ok !== "boolean" || !isStringArray(raw.loaded) || !isStringArray(raw.killed) || !diagnostics) return undefined;
    if (raw.message !== undefined && !isString(raw.message)) return undefined;
    return { ok: raw.ok, loaded: raw.loaded, killed: raw.killed, diagnostics, ...(isString(raw.message) ? { message: cutText(raw.message, MAX_TERM_TEXT) } : {}) };
  }
  // A poke's answer (the inspector's process actions): done, or why not.
  if (raw.ok === true && Object.keys(raw).length === 1) return { ok: true };
  if (raw.ok === false && isString(raw.error) && Object.keys(raw).length === 2) return { ok: false, error: cutText(raw.error, MAX_TERM_TEXT) };
  if (isString(raw.pid) && isString(raw.kind) && isString(raw.status) && typeof raw.mailbox === "number" && isStringArray(raw.links) && isStringArray(raw.monitors) && isStringArray(raw.versions)) {
    return raw; // a process snapshot: read-only display in the inspector (React escapes its text)
  }
  return undefined;
}

/** A message from the worker as the page may act on it, or null (dropped, with a console note). */
export function readWorkerMessage(raw: unknown): WorkerToPage | null {
  if (!isObject(raw) || !isString(raw.type)) return null;
  switch (raw.type) {
    case "status": {
      if (raw.phase !== "loading" && raw.phase !== "ready" && raw.phase !== "failed") return null;
      if (raw.message !== undefined && !isString(raw.message)) return null;
      if (raw.ms !== undefined && !isTime(raw.ms)) return null;
      return { type: "status", phase: raw.phase, ...(isString(raw.message) ? { message: cutText(raw.message, 500) } : {}), ...(raw.ms !== undefined ? { ms: raw.ms as number } : {}) };
    }
    case "events": {
      if (!Array.isArray(raw.events) || raw.events.length > MAX_BATCH || !isTime(raw.now)) return null;
      if (raw.dropped !== undefined && !isTime(raw.dropped)) return null;
      const events: TraceEvent[] = [];
      let bad = 0;
      for (const e of raw.events) {
        const event = readEvent(e);
        if (event) events.push(event);
        else bad++;
      }
      const dropped = ((raw.dropped as number | undefined) ?? 0) + bad;
      return dropped ? { type: "events", events, now: raw.now, dropped } : { type: "events", events, now: raw.now };
    }
    case "reset":
      return isTime(raw.now) ? { type: "reset", now: raw.now } : null;
    case "files": {
      if (!isObject(raw.files)) return null;
      const entries = Object.entries(raw.files);
      if (!entries.every(([, v]) => isString(v))) return null;
      return { type: "files", files: Object.fromEntries(entries) as Record<string, string> };
    }
    case "clock": {
      if (!isTime(raw.now) || typeof raw.speed !== "number" || !Number.isFinite(raw.speed)) return null;
      if (typeof raw.paused !== "boolean" || typeof raw.idle !== "boolean" || (raw.holding !== undefined && typeof raw.holding !== "boolean")) return null;
      if (raw.halted !== undefined && !isString(raw.halted)) return null;
      const clock = { type: "clock" as const, now: raw.now, speed: raw.speed, paused: raw.paused, idle: raw.idle, holding: raw.holding === true };
      return raw.halted === undefined ? clock : { ...clock, halted: cutText(raw.halted, MAX_TERM_TEXT) };
    }
    case "reply": {
      if (typeof raw.id !== "number" || !Number.isSafeInteger(raw.id)) return null;
      if (raw.ok === true) {
        const result = readResult(raw.result);
        return result === undefined ? null : ({ type: "reply", id: raw.id, ok: true, result } as WorkerToPage);
      }
      if (raw.ok !== false || !isString(raw.error)) return null;
      const diagnostics = raw.diagnostics === undefined ? undefined : readDiagnostics(raw.diagnostics);
      if (diagnostics === null) return null;
      return { type: "reply", id: raw.id, ok: false, error: cutText(raw.error, MAX_TERM_TEXT), ...(diagnostics ? { diagnostics } : {}) };
    }
    default:
      return null;
  }
}
