/**
 * A running snippet: one runtime, one compiler, the editor's files, the shell and the script.
 * Hosts (the Web Worker, the CLI, tests) drive it; virtual time moves only inside `advance`.
 * (Being written: the signatures below are the contract the worker and the CLI build on.)
 */
import type { TraceEvent } from "../runtime/events";
import type { Snippet } from "../share/snippetTypes";
import type { ActionResult, ProcessSnapshot } from "./types";

/** The part of esbuild's API the compiler uses: native `esbuild` in Node, `esbuild-wasm` in the browser. */
export type EsbuildLike = {
  transform(code: string, options: Record<string, unknown>): Promise<{ code: string; map: string; warnings: unknown[] }>;
};

export type SessionOptions = {
  esbuild: EsbuildLike;
  /** Receives every trace event, in order. */
  onEvent: (event: TraceEvent) => void;
  /** Emit `send` events too (costly; the CLI's --json and the UI's message view want them). */
  traceSends?: boolean;
  /** Play the snippet's script steps (`say`, `edit`, `patch`, `action`, `eval`). Default true. */
  playScript?: boolean;
  /** Process limit (default 262,144). */
  maxProcesses?: number;
};

export declare class Session {
  constructor(options: SessionOptions);
  /** Virtual time now, in ms. */
  readonly now: number;
  /** The editor's files as the session last loaded them (script edits included). */
  readonly files: Record<string, string>;
  /** Compiles and loads every file, starts a shell and calls `main`'s `start()` at t = 0. */
  start(snippet: Snippet): Promise<ActionResult>;
  recompile(files: Record<string, string>): Promise<ActionResult>;
  upgrade(files: Record<string, string>, extra?: unknown): Promise<ActionResult>;
  restart(files: Record<string, string>): Promise<ActionResult>;
  /** Queues an expression for the shell; its printed result arrives as a `log` event. */
  evaluate(expr: string): Promise<void>;
  /**
   * Runs the system up to virtual time `until` (inclusive). With `wallBudgetMs`, returns early
   * (false) when that much wall time has passed, so a worker stays responsive; true when done.
   */
  advance(until: number, wallBudgetMs?: number): Promise<boolean>;
  /** Virtual time of the next pending timer or script step, or null when nothing is pending. */
  nextTime(): number | null;
  /** True when a process is ready to run at the current time. */
  busy(): boolean;
  inspect(pid: string): ProcessSnapshot | null;
  processes(): ProcessSnapshot[];
}
