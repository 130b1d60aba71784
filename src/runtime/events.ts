/**
 * The trace event stream (SPEC §8): the one source of truth for the UI, the CLI and tests.
 * Every event has `t` (virtual ms) and `type`. Pids and refs are printed strings
 * (`#PID<0.81.0>`), terms are printed as `inspect` prints them, so events are plain JSON.
 */

export type Printed = string;

export type SpawnEvent = { t: number; type: "spawn"; pid: Printed; parent: Printed | null; module?: string; name?: string; kind?: ProcessKind };
export type ExitEvent = { t: number; type: "exit"; pid: Printed; reason: Printed; stack?: StackFrame[] };
/** `prompt`: a line typed in the console, echoed by the shell as it starts on it (`iex(3)>`). */
export type LogEvent = { t: number; type: "log"; pid: Printed; text: string; prompt?: string };
export type StateEvent = { t: number; type: "state"; pid: Printed; state: Printed };
/**
 * `dropped`: the message reached no mailbox (the receiver was dead, or it was a GenServer reply
 * to a call that had already given up). `from` is "system" when no process sent it (a timer's
 * message, or an EXIT or DOWN made from a signal).
 */
export type SendEvent = { t: number; type: "send"; from: Printed; to: Printed; msg: Printed; dropped?: true };
export type LinkEvent = { t: number; type: "link" | "unlink"; from: Printed; to: Printed };
export type MonitorEvent = { t: number; type: "monitor"; from: Printed; to: Printed; ref: Printed };
export type DownEvent = { t: number; type: "down"; pid: Printed; to: Printed; ref: Printed; reason: Printed };
export type RegisterEvent = { t: number; type: "register"; pid: Printed; name: string };
/**
 * `label` names a version for people: its declared `vsn`, else its load order ("1", "2", …),
 * since a hash vsn says nothing on a timeline.
 */
export type LoadEvent = { t: number; type: "load"; module: string; vsn: string; previous: string | null; label?: string; previous_label?: string | null };
export type PurgeEvent = { t: number; type: "purge"; module: string; vsn: string; killed: Printed[]; label?: string };
export type CodeChangeEvent = { t: number; type: "code_change"; pid: Printed; module: string; old_vsn: Printed; result: Printed; before?: Printed; after?: Printed };
export type SuspendEvent = { t: number; type: "suspend" | "resume"; pid: Printed };
export type CompileErrorEvent = { t: number; type: "compile_error"; file: string; line: number; column: number; message: string };
export type SayEvent = { t: number; type: "say"; text: string };
/** Which module version a process now runs in (for the "runs Counter v1 (old)" chip). */
export type BehaviourEvent = { t: number; type: "behaviour"; pid: Printed; behaviour: "gen_server" | "supervisor" | "dynamic_supervisor"; module: string; supervisor?: Printed };
/**
 * A plain process's outermost code is now in this module version (`vsn` as people read it: the
 * declared vsn, else the load order): it started there, or its loop tail-called into new code.
 */
export type RunsEvent = { t: number; type: "runs"; pid: Printed; module: string; vsn: string };
/** Something the runtime wants the user to know about their code (not a crash), like an async call never awaited. */
export type WarningEvent = { t: number; type: "warning"; pid: Printed; text: string };
/** A lesson check (a snippet's `checks`): the expression's value at `at`, compared with `equals`. */
export type CheckEvent = { t: number; type: "check"; index: number; say: string; ok: boolean; expected: Printed; got: Printed };
/**
 * An action on a process from outside its code (the inspector, a script step's `poke`), done by
 * the shell as IEx would: an exit signal (`term` is the reason), a message (`term`), a sys
 * request, or a crash injected into the next callback. `by` says who asked.
 */
export type PokeEvent = { t: number; type: "poke"; pid: Printed; what: PokeKind; term?: Printed; by: "console" | "script" };
export type PokeKind = "exit" | "send" | "suspend" | "resume" | "get_state" | "replace_state" | "crash_next";
/**
 * A process's mailbox length changed (the app only: the worker records them for time travel,
 * one per process and virtual ms at most, and only when the length differs from the last one).
 */
export type MailboxEvent = { t: number; type: "mailbox"; pid: Printed; length: number };
/** The result of a user action (recompile, upgrade, restart): what was loaded, what died. */
export type ActionEvent = { t: number; type: "action"; action: "recompile" | "upgrade" | "restart"; ok: boolean; loaded: string[]; killed: Printed[]; message?: string };

export type TraceEvent =
  | SpawnEvent | ExitEvent | LogEvent | StateEvent | SendEvent | LinkEvent | MonitorEvent | DownEvent
  | RegisterEvent | LoadEvent | PurgeEvent | CodeChangeEvent | SuspendEvent | CompileErrorEvent | SayEvent | MailboxEvent
  | BehaviourEvent | RunsEvent | ActionEvent | CheckEvent | WarningEvent | PokeEvent;

export type TraceEventType = TraceEvent["type"];

export type ProcessKind = "process" | "gen_server" | "supervisor" | "dynamic_supervisor" | "shell";

/** A stack frame mapped back to the editor's file and line (1-based line and column). */
export type StackFrame = { file: string; line: number; column: number; fn?: string; module?: string };

export type EventSink = (event: TraceEvent) => void;
