/**
 * What a host (the Web Worker, the CLI, tests) can do with a running snippet. The session owns
 * one runtime, one compiler and the current editor files; virtual time only moves when the
 * host calls `advance`.
 */
import type { TraceEvent } from "../runtime/events";
import type { Snippet } from "../share/snippetTypes";

export type Diagnostic = { file: string; line: number; column: number; message: string };

export type ActionResult = {
  ok: boolean;
  /** Modules loaded by this action, in load order. */
  loaded: string[];
  /** Printed pids killed by purges during this action. */
  killed: string[];
  diagnostics: Diagnostic[];
  message?: string;
};

export type ProcessSnapshot = {
  pid: string;
  name?: string;
  module?: string;
  kind: string;
  status: "running" | "runnable" | "waiting" | "suspended" | "dead";
  state?: string;
  mailbox: number;
  links: string[];
  monitors: string[];
  /** Versions the process has frames in, like "Counter v1 (old)". */
  versions: string[];
};
