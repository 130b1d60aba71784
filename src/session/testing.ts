/**
 * A test harness for snippets: runs files under a Session with native esbuild, collects every
 * trace event, and prints them in the short forms tests compare against (`"t text"` for a log
 * line). Time moves only through `advanceTo` / `advanceBy`, i.e. the session's virtual clock.
 *
 *   const h = await runSnippet({ "Main.ts": "..." }, { until: 1000 });
 *   expect(h.logs()).toEqual(["0 hello", "500 tick"]);
 */
import * as esbuild from "esbuild";
import type { TraceEvent, TraceEventType } from "../runtime/events";
import type { ScriptStep } from "../share/snippetTypes";
import { Session, type SessionOptions } from "./session";
import type { ActionResult } from "./types";

export type Files = Record<string, string>;

export type RunOptions = {
  /** The module whose `start()` runs first (default "Main"). */
  main?: string;
  /** Virtual ms to advance to after starting (default: do not advance past 0). */
  until?: number;
  script?: ScriptStep[];
} & Partial<Omit<SessionOptions, "esbuild" | "onEvent">>;

/** The event type(s) whose `type` may be T (SuspendEvent covers both "suspend" and "resume"). */
type Having<E, T> = E extends { type: infer U } ? (T extends U ? E : never) : never;
export type EventOf<T extends TraceEventType> = Having<TraceEvent, T>;

export class Harness {
  readonly events: TraceEvent[] = [];
  readonly session: Session;
  started!: ActionResult;
  files: Files;

  constructor(files: Files, options: Partial<Omit<SessionOptions, "esbuild" | "onEvent">> = {}) {
    this.files = { ...files };
    this.session = new Session({ ...options, esbuild, onEvent: (e) => this.events.push(e) });
  }

  get now(): number {
    return this.session.now;
  }

  /** Runs the system to virtual time `t` (absolute, inclusive). */
  async advanceTo(t: number): Promise<this> {
    await this.session.advance(t);
    return this;
  }

  async advanceBy(ms: number): Promise<this> {
    return this.advanceTo(this.session.now + ms);
  }

  /** Every event of one type, typed. */
  of<T extends TraceEventType>(type: T): EventOf<T>[] {
    return this.events.filter((e): e is EventOf<T> => e.type === type);
  }

  /**
   * What was printed, as `"t text"` in event order; with `pid`, only that process's lines. An
   * eval's `iex(N)>` echo is the command, not output, and is left out here and in `texts`/`eval`.
   */
  logs(pid?: string): string[] {
    return this.printed().filter((e) => pid === undefined || e.pid === pid).map((e) => `${e.t} ${e.text}`);
  }

  /** Printed texts without their time. */
  texts(): string[] {
    return this.printed().map((e) => e.text);
  }

  private printed(): EventOf<"log">[] {
    return this.events.filter(isPrinted);
  }

  /** Exit events as `"t pid reason"`; with `skipNormal`, only abnormal ones. */
  exits(skipNormal = false): string[] {
    return this.of("exit").filter((e) => !skipNormal || e.reason !== '"normal"').map((e) => `${e.t} ${e.pid} ${e.reason}`);
  }

  /** The reason (as printed) the process `pid` exited with, or undefined while it lives. */
  exitReason(pid: string): string | undefined {
    return this.of("exit").find((e) => e.pid === pid)?.reason;
  }

  /** The printed states of one GenServer, in order. */
  states(pid: string): string[] {
    return this.of("state").filter((e) => e.pid === pid).map((e) => e.state);
  }

  /** The pid logged with a line whose text matches `re` (the first such line). */
  pidOfLog(re: RegExp): string {
    const e = this.of("log").find((x) => re.test(x.text));
    if (!e) throw new Error(`no log line matches ${re}; lines: ${JSON.stringify(this.logs())}`);
    return e.pid;
  }

  /** Events after index `from` (to look only at what an action caused). */
  since(from: number): TraceEvent[] {
    return this.events.slice(from);
  }

  /**
   * Evaluates an expression in the shell, runs the system for `ms` more (default 0), and
   * returns the text the shell printed for it (its inspect, or `** (...)` for an error).
   */
  async eval(expr: string, ms = 0): Promise<string | undefined> {
    const mark = this.events.length;
    const shells = new Set(this.session.processes().filter((p) => p.kind === "shell").map((p) => p.pid));
    await this.session.evaluate(expr);
    await this.advanceBy(ms);
    const printed = this.events
      .slice(mark)
      .filter((e): e is EventOf<"log"> => isPrinted(e) && (shells.has(e.pid) || this.isShell(e.pid)));
    return printed.length ? printed[printed.length - 1].text : undefined;
  }

  private isShell(pid: string): boolean {
    return this.of("spawn").some((e) => e.pid === pid && e.kind === "shell");
  }

  /** Replaces files (whole) and recompiles. */
  async recompile(changes: Files): Promise<ActionResult> {
    this.files = { ...this.files, ...changes };
    return this.session.recompile(this.files);
  }

  async upgrade(changes: Files, extra?: unknown): Promise<ActionResult> {
    this.files = { ...this.files, ...changes };
    return this.session.upgrade(this.files, extra);
  }

  async restart(changes: Files = {}): Promise<ActionResult> {
    this.files = { ...this.files, ...changes };
    return this.session.restart(this.files);
  }

  /** The events as JSON lines (to compare two runs). */
  json(): string {
    return this.events.map((e) => JSON.stringify(e)).join("\n");
  }
}

/** Starts a snippet given as files and a main, and advances to `until` (default 0). */
export async function runSnippet(files: Files, options: RunOptions = {}): Promise<Harness> {
  const { main = "Main", until = 0, script, ...sessionOptions } = options;
  const h = new Harness(files, sessionOptions);
  h.started = await h.session.start({ files, main, script });
  if (!h.started.ok) return h;
  await h.advanceTo(until);
  return h;
}

/** A one-file snippet: `Main.ts` with the given source. */
export function runMain(source: string, options: RunOptions = {}): Promise<Harness> {
  return runSnippet({ "Main.ts": source }, options);
}

/** A log line a process printed (not the echo of a command at its prompt). */
function isPrinted(e: TraceEvent): e is EventOf<"log"> {
  return e.type === "log" && e.prompt === undefined;
}
