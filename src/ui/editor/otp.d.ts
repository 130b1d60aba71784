// Types for the playground's runtime API (SPEC §3). Names follow Elixir, snake_case on purpose.
/** The name of the module this file defines (its file name without `.ts`). */
declare const __MODULE__: string;

declare module "otp" {
  /** A process identifier; prints as `#PID<0.N.0>`. */
  export interface Pid { readonly __pid: true; toString(): string }
  /** A unique reference; prints as `#Reference<0.0.0.N>`. */
  export interface Ref { readonly __ref: true; toString(): string }
  /** A pid or a registered name. */
  export type Dest = Pid | string;
  export type Term = unknown;
  /** Reasons a process exits with: "normal", "shutdown", "kill", "killed", or any term. */
  export type Reason = Term;
  export type ExitReason = Reason;

  /** The pid of the running process. */
  export function self(): Pid;
  /** Sends `msg` to a pid or registered name; returns the message, as in Elixir. Messages are copied. */
  export function send<M>(dest: Dest, msg: M): M;
  /** Starts a process running `fn`. */
  export function spawn(fn: () => unknown): Pid;
  /** Starts a process linked to this one: if either exits abnormally, the other does too. */
  export function spawn_link(fn: () => unknown): Pid;
  /** Starts a process and monitors it: you get `["DOWN", ref, "process", pid, reason]` when it exits. */
  export function spawn_monitor(fn: () => unknown): [Pid, Ref];
  /**
   * Waits for a message. `receive()` takes the oldest; `receive(match)` the oldest for which
   * `match(msg)` is true (the others stay in order); with `after` ms, resolves to `TIMEOUT`
   * if nothing matches in time. Use `await`.
   */
  export function receive<M = any>(match?: (msg: any) => boolean, after?: number): Promise<M>;
  export function receive<M = any>(match: ((msg: any) => boolean) | undefined, after: number): Promise<M | typeof TIMEOUT>;
  /** Exits the calling process with `reason` (thrown as an ExitError; `catch` sees it). */
  export function exit(reason: Reason): never;
  /** Prints a log line attributed to this process (like `console.log`). */
  export function log(...args: unknown[]): void;
  /** One-line printout of a term, as the timeline shows it: `["ok", 1]`, `{count: 1}`, `#PID<0.81.0>`. */
  export function inspect(term: Term): string;
  /** An external call: runs the current version of `module.fun(...args)`. */
  export function apply(module: string, fun: string, args: unknown[]): any;
  /** What `receive(match, ms)` resolves to when nothing arrived in time. */
  export const TIMEOUT: unique symbol;

  /** An exit raised in a process (`exit(reason)`, a call timeout). `reason` holds the exit reason. */
  export class ExitError extends Error { readonly reason: Reason }
  /** An external call to a function the current version does not export. */
  export class UndefinedFunctionError extends Error { readonly module: string; readonly function: string; readonly arity: number }

  /** What `Process.info(pid)` tells about a process (`null` when there is no such process). */
  export type ProcessInfo = {
    /** Its registered name, or null. */
    registered_name: string | null;
    status: "runnable" | "running" | "waiting" | "dead";
    message_queue_len: number;
    links: Pid[];
    /** The processes it monitors. */
    monitors: Pid[];
    trap_exit: boolean;
    /** A GenServer's or supervisor's callback module, else the module it was spawned from (null if none). */
    module: string | null;
    /** The module versions it has frames in, innermost first, as labels: "Counter v2" (or the hash). */
    versions: string[];
  };

  export namespace Process {
    function send<M>(dest: Dest, msg: M): M;
    /** Sends `msg` after `ms` milliseconds of virtual time; returns a timer ref. */
    function send_after(dest: Dest, msg: unknown, ms: number): Ref;
    /** Cancels a timer; returns the ms that were left, or false. */
    function cancel_timer(ref: Ref): number | false;
    /** Waits `ms` of virtual time. Use `await`. */
    function sleep(ms: number): Promise<void>;
    function link(pid: Pid): true;
    function unlink(pid: Pid): true;
    /** Delivers `["DOWN", ref, "process", pid, reason]` once when `pid` exits ("noproc" if dead already). */
    function monitor(pid: Dest): Ref;
    function demonitor(ref: Ref): true;
    /** Sends an exit signal. "kill" cannot be trapped. */
    function exit(pid: Pid, reason: Reason): true;
    /** With trap_exit, exit signals arrive as `["EXIT", pid, reason]` messages. */
    function flag(flag: "trap_exit", value: boolean): boolean;
    function register(pid: Pid, name: string): true;
    function unregister(name: string): true;
    function whereis(name: string): Pid | null;
    function alive(pid: Pid): boolean;
    function list(): Pid[];
    function info(pid: Dest): ProcessInfo | null;
  }

  export type From = [Pid, Ref];
  export type OnStart = ["ok", Pid] | ["error", Reason] | "ignore";
  export type ServerOptions = { name?: string };

  /**
   * Generic servers. Callbacks are the module's exports, each may return a value or a Promise:
   * init(arg) → ["ok", s] | ["ok", s, timeout | ["continue", x]] | ["stop", r] | "ignore";
   * handle_call(req, from, s) → ["reply", r, s] | ["noreply", s] | ["stop", reason, r, s];
   * handle_cast / handle_info(msg, s) → ["noreply", s] | ["stop", reason, s];
   * handle_continue(x, s); terminate(reason, s); code_change(old_vsn, s, extra) → ["ok", s2] | ["error", r].
   */
  export namespace GenServer {
    function start_link(module: string, arg: unknown, opts?: ServerOptions): Promise<OnStart>;
    function start(module: string, arg: unknown, opts?: ServerOptions): Promise<OnStart>;
    /** Waits for the reply; exits the caller with `["timeout", ...]` after `timeout` ms (default 5000). */
    function call<R = any>(server: Dest, request: unknown, timeout?: number): Promise<R>;
    function cast(server: Dest, msg: unknown): "ok";
    function reply(from: From, reply: unknown): "ok";
    function stop(server: Dest, reason?: Reason): Promise<"ok">;
  }

  export type Strategy = "one_for_one" | "one_for_all" | "rest_for_one";
  export type ChildSpec =
    | string
    | [string, unknown]
    | { id: string; start: [string, string, unknown[]]; restart?: "permanent" | "transient" | "temporary"; shutdown?: number | "brutal_kill" | "infinity"; type?: "worker" | "supervisor" };
  export type SupervisorOptions = { strategy: Strategy; max_restarts?: number; max_seconds?: number; name?: string };

  export namespace Supervisor {
    /** Starts children in order; restarts them by `strategy` (at most max_restarts in max_seconds). */
    function start_link(children: ChildSpec[], opts: SupervisorOptions): Promise<OnStart>;
    function which_children(sup: Dest): Promise<[string, Pid | "restarting" | null, "worker" | "supervisor", string[]][]>;
    function count_children(sup: Dest): Promise<{ specs: number; active: number; supervisors: number; workers: number }>;
    function terminate_child(sup: Dest, id: string): Promise<"ok" | ["error", Reason]>;
    function restart_child(sup: Dest, id: string): Promise<["ok", Pid] | ["error", Reason]>;
    function delete_child(sup: Dest, id: string): Promise<"ok" | ["error", Reason]>;
  }

  export namespace DynamicSupervisor {
    function start_link(opts: { strategy?: "one_for_one"; max_restarts?: number; max_seconds?: number; name?: string; max_children?: number }): Promise<OnStart>;
    function start_child(sup: Dest, child: ChildSpec): Promise<OnStart>;
    function terminate_child(sup: Dest, pid: Pid): Promise<"ok" | ["error", "not_found"]>;
    function which_children(sup: Dest): Promise<unknown[]>;
    function count_children(sup: Dest): Promise<{ specs: number; active: number; supervisors: number; workers: number }>;
  }

  /** System messages to OTP processes (GenServers, supervisors). */
  export namespace sys {
    /** Each call takes an optional timeout (default 5000 ms); a timeout exits with the arguments as given. */
    function get_state<S = any>(server: Dest, timeout?: number | "infinity"): Promise<S>;
    /** A `fn` that fails raises ErlangError `["callback_failed", …]` in the caller; the state is kept. */
    function replace_state<S = any>(server: Dest, fn: (state: S) => S, timeout?: number | "infinity"): Promise<S>;
    function suspend(server: Dest, timeout?: number | "infinity"): Promise<"ok">;
    function resume(server: Dest, timeout?: number | "infinity"): Promise<"ok">;
    /** Calls `module.code_change(old_vsn, state, extra)`; only while suspended. */
    function change_code(server: Dest, module: string, old_vsn: unknown, extra?: unknown, timeout?: number | "infinity"): Promise<"ok" | ["error", unknown]>;
    function get_status(server: Dest, timeout?: number | "infinity"): Promise<unknown>;
  }

  /** The code server: each module has a current and at most one old version. */
  export const Code: {
    /** Kills every process still running the old version, then removes it. */
    purge(module: string): boolean;
    /** Removes the old version only if no process runs it. */
    soft_purge(module: string): boolean;
    /** Makes the current version old (external calls then fail). */
    delete(module: string): boolean;
    versions(module: string): { current: string | null; old: string | null };
    processes_using_old(module: string): Pid[];
  };
}
