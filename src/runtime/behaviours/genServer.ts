/**
 * GenServer, after OTP's gen_server.erl. Callbacks are the module's exports (or, for the
 * runtime's own behaviours, a plain object); each may return a value or be async.
 *
 *   init(arg)                 → ["ok", s] | ["ok", s, timeout | ["continue", x] | "hibernate"]
 *                               | ["stop", reason] | "ignore"
 *   handle_call(req, from, s) → ["reply", r, s] | ["reply", r, s, t] | ["noreply", s] | ["noreply", s, t]
 *                               | ["stop", reason, r, s] | ["stop", reason, s]
 *   handle_cast(msg, s)       → ["noreply", s] | ["noreply", s, t] | ["stop", reason, s]
 *   handle_info(msg, s)       → same as handle_cast
 *   handle_continue(x, s)     → same as handle_cast
 *   terminate(reason, s)      → ignored
 *   code_change(old, s, extra)→ ["ok", s2] | ["error", r]
 *
 * The server idles in this loop, not in its module, and reaches the module by external calls
 * through its live namespace: that is why a recompile keeps the pid and the state and the next
 * callback runs the new code. System messages (sys) are handled in mailbox order as on the
 * BEAM; while suspended the server takes only system messages. Every callback goes through
 * one `dispatch`: a throw or an unexpected return becomes an exit reason.
 */
import { Activation, isActivation, ReceiveToken, internal } from "../activation";
import { MODULE_NAME } from "../codeServer";
import { callbackOf } from "../dialect";
import type { Proc } from "../process";
import type { Runtime } from "../runtime";
import { ErlangError, ExitError, Pid, Ref, Stacktrace, TIMEOUT, inspect, sameTerm } from "../terms";
import { isUnwinding } from "../unwind";

export type Callbacks = Record<string, unknown>;
export type From = [Pid, Ref];
type Timeout = number | undefined;

/** What the loop does after a callback: go on with a state, or stop. */
type Next =
  | { kind: "go"; state: unknown; timeout: Timeout; cont?: { value: unknown } }
  | { kind: "stop"; reason: unknown; state: unknown; reply?: { from: From; value: unknown } };

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null && typeof v === "object" && !isActivation(v) && typeof (v as PromiseLike<unknown>).then === "function";

export const isTuple = (m: unknown, tag: string): m is unknown[] => Array.isArray(m) && m[0] === tag;

export function createGenServer(rt: Runtime) {
  /** A module name, a live namespace or a callbacks object, to callbacks and a display name. */
  function resolveModule(module: unknown): { callbacks: Callbacks; name: string } {
    if (typeof module === "string") return { callbacks: rt.code.namespace(module), name: module };
    if (module && typeof module === "object") {
      const name = (module as Record<symbol, string>)[MODULE_NAME] ?? (module as { name?: string }).name ?? "anonymous";
      return { callbacks: module as Callbacks, name };
    }
    throw new Error(`GenServer needs a module name, got ${inspect(module)}`);
  }

  /**
   * The exit reason a thrown value stands for: an ExitError's reason, an error's
   * [error, stack], or for any other thrown value (Erlang's throw) [["nocatch", value], stack].
   */
  function reasonOf(err: unknown): unknown {
    if (err instanceof ExitError) return err.reason;
    if (!(err instanceof Error)) return [["nocatch", err], rt.dialect.stacktrace([])];
    return [rt.dialect.crashReason(err), rt.dialect.stacktrace(rt.mapStack(err))];
  }

  /**
   * Calls a callback; its result if it returns, or a thrown error turned into an exit reason.
   * A thrown value that is not an Error is Erlang's throw: gen_server's try_dispatch catches it
   * and takes it as the callback's return value (`throw ["reply", r, s]` replies).
   */
  function* invoke(callbacks: Callbacks, name: string, args: unknown[]): Generator<unknown, { ok: true; value: unknown } | { ok: false; reason: unknown }, unknown> {
    try {
      const info = rt.current?.behaviour;
      if (info?.crashNext && name.startsWith("handle_")) {
        info.crashNext = false;
        throw new RuntimeError(`crash injected from outside: ${name} did not run`);
      }
      // (A missing one: the namespace's own stand-in raises UndefinedFunctionError.)
      const fn = callbackOf(callbacks, name, args.length) ?? (callbacks[name] as (...a: unknown[]) => unknown);
      const result = fn.apply(callbacks, args);
      let value = isActivation(result) ? yield result : result;
      // A callback may return a native Promise (SPEC §3): the server waits for it, as `await` would.
      if (isThenable(value)) value = yield value;
      return { ok: true, value };
    } catch (err) {
      if (isUnwinding(err)) throw err;
      if (!(err instanceof Error)) return { ok: true, value: err };
      return { ok: false, reason: reasonOf(err) };
    }
  }

  const has = (callbacks: Callbacks, name: string) => callbackOf(callbacks, name, CALLBACK_ARITY[name]) !== undefined;

  function reply(from: unknown, value: unknown): "ok" {
    if (!Array.isArray(from) || !(from[0] instanceof Pid) || !(from[1] instanceof Ref)) {
      throw new Error(`GenServer.reply needs the from of a call, got ${inspect(from)}`);
    }
    const caller = rt.find(from[0]);
    // A reply to a call that already gave up (timed out) is dropped, as OTP's aliases do.
    if (caller?.aliases?.has(from[1])) rt.send(caller.pid, ["$reply", from[1], value]);
    else rt.traceDropped(from[0], ["$reply", from[1], value]);
    return "ok";
  }

  function noteState(me: Proc, state: unknown): void {
    const info = me.behaviour!;
    info.state = state;
    if (!rt.sink) return;
    const printed = rt.dialect.inspect(state);
    if (printed === info.printed) return;
    info.printed = printed;
    rt.emit({ t: rt.now, type: "state", pid: String(me.pid), state: printed });
  }

  /** Interprets a handle_cast / handle_info / handle_continue return. */
  function afterNoReply(value: unknown, state: unknown): Next {
    if (isTuple(value, "noreply") && (value.length === 2 || value.length === 3)) return goOn(value[1], value[2]);
    if (isTuple(value, "stop") && value.length === 3) return { kind: "stop", reason: value[1], state: value[2] };
    return { kind: "stop", reason: ["bad_return_value", value], state };
  }

  function afterCall(value: unknown, from: From, state: unknown): Next {
    if (isTuple(value, "reply") && (value.length === 3 || value.length === 4)) {
      reply(from, value[1]);
      return goOn(value[2], value[3]);
    }
    if (isTuple(value, "stop") && value.length === 4) return { kind: "stop", reason: value[1], state: value[3], reply: { from, value: value[2] } };
    return afterNoReply(value, state);
  }

  function goOn(state: unknown, extra: unknown): Next {
    if (typeof extra === "number") return { kind: "go", state, timeout: extra };
    if (isTuple(extra, "continue") && extra.length === 2) return { kind: "go", state, timeout: undefined, cont: { value: extra[1] } };
    return { kind: "go", state, timeout: undefined };
  }

  /**
   * Ends the server with `reason`. A crash reason `[error, stacktrace]` goes to the runtime with
   * its frames, so the `exit` event carries the mapped `stack` as a plain process's crash does
   * (an ExitError would reach the runtime as a bare reason and lose them).
   */
  function exitWith(reason: unknown): never {
    if (Array.isArray(reason) && reason.length === 2 && reason[1] instanceof Stacktrace && reason[1].frames.length) {
      rt.exit(rt.self(), reason, [...reason[1].frames]); // throws: the process is dead
    }
    throw new ExitError(reason);
  }

  /**
   * Runs `terminate` (when exported) and ends the process with `reason`. A pending reply (a
   * handle_call that returned ["stop", reason, reply, s]) goes out after terminate, whether or
   * not terminate crashed, as gen_server's `try terminate(…) after reply(From, Reply) end`.
   */
  function* stop(me: Proc, callbacks: Callbacks, reason: unknown, state: unknown, pending?: { from: From; value: unknown }): Generator<unknown, never, unknown> {
    if (has(callbacks, "terminate")) {
      const r = yield* invoke(callbacks, "terminate", [reason, state]);
      if (pending) reply(pending.from, pending.value);
      if (!r.ok) exitWith(r.reason);
    } else if (pending) reply(pending.from, pending.value);
    exitWith(reason);
  }

  /** The server's own process: registers, runs init, acknowledges the starter, then loops. */
  function* serverMain(starter: Pid, ack: Ref, module: unknown, arg: unknown, opts: StartOptions, linked: boolean) {
    const me = rt.self();
    const { callbacks, name } = resolveModule(module);
    const ackWith = (value: unknown) => rt.send(starter, ["$ack", ack, value]);
    if (opts.name !== undefined) {
      const holder = rt.registry.get(opts.name);
      if (holder) {
        ackWith(["error", ["already_started", holder.pid]]);
        return;
      }
      rt.register(me, opts.name);
    }
    me.behaviour = { kind: opts.kind ?? "gen_server", module: name, state: undefined, suspended: false };
    rt.emit({ t: rt.now, type: "behaviour", pid: String(me.pid), behaviour: me.behaviour.kind, module: rt.shownModule(name), ...(opts.supervisor ? { supervisor: String(opts.supervisor) } : {}) });
    const r = yield* invoke(callbacks, "init", [arg]);
    if (!r.ok) {
      ackWith(["error", r.reason]);
      exitWith(r.reason);
    }
    const v = r.value;
    if (v === "ignore") {
      ackWith("ignore");
      return;
    }
    if (isTuple(v, "stop") && v.length === 2) {
      ackWith(["error", v[1]]);
      throw new ExitError(v[1]);
    }
    if (!isTuple(v, "ok") || (v.length !== 2 && v.length !== 3)) {
      ackWith(["error", ["bad_return_value", v]]);
      throw new ExitError(["bad_return_value", v]);
    }
    noteState(me, v[1]);
    ackWith(["ok", me.pid]);
    const first = goOn(v[1], v[2]) as Extract<Next, { kind: "go" }>;
    return yield* loop(me, callbacks, first, linked ? starter : null);
  }

  function* loop(me: Proc, callbacks: Callbacks, next: Extract<Next, { kind: "go" }>, parent: Pid | null): Generator<unknown, never, unknown> {
    let state = next.state;
    let timeout = next.timeout;
    let cont = next.cont;
    for (;;) {
      let outcome: Next;
      if (cont) {
        const r = yield* invoke(callbacks, "handle_continue", [cont.value, state]);
        outcome = r.ok ? afterNoReply(r.value, state) : { kind: "stop", reason: r.reason, state };
      } else {
        const info = me.behaviour!;
        const msg = info.suspended
          ? yield new ReceiveToken((m) => isTuple(m, "$system"), undefined)
          : yield new ReceiveToken(undefined, timeout);
        if (isTuple(msg, "$system")) {
          state = yield* system(me, callbacks, msg[1] as From, msg[2], state);
          noteState(me, state);
          continue;
        }
        if (parent && me.trapExit && isTuple(msg, "EXIT") && msg[1] === parent) {
          yield* stop(me, callbacks, msg[2], state);
        }
        outcome = yield* handle(callbacks, msg === TIMEOUT ? "timeout" : msg, state);
      }
      if (outcome.kind === "stop") {
        noteState(me, outcome.state);
        yield* stop(me, callbacks, outcome.reason, outcome.state, outcome.reply);
      } else {
        state = outcome.state;
        timeout = outcome.timeout;
        cont = outcome.cont;
        noteState(me, state);
      }
    }
  }

  function* handle(callbacks: Callbacks, msg: unknown, state: unknown): Generator<unknown, Next, unknown> {
    if (isTuple(msg, "$gen_call") && msg.length === 3) {
      const from = msg[1] as From;
      if (!has(callbacks, "handle_call")) return noClause("call", 3, state);
      const r = yield* invoke(callbacks, "handle_call", [msg[2], from, state]);
      return r.ok ? afterCall(r.value, from, state) : { kind: "stop", reason: r.reason, state };
    }
    if (isTuple(msg, "$gen_cast") && msg.length === 2) {
      if (!has(callbacks, "handle_cast")) return noClause("cast", 2, state);
      const r = yield* invoke(callbacks, "handle_cast", [msg[1], state]);
      return r.ok ? afterNoReply(r.value, state) : { kind: "stop", reason: r.reason, state };
    }
    if (!has(callbacks, "handle_info")) return { kind: "go", state, timeout: undefined }; // `use GenServer`: ignore
    const r = yield* invoke(callbacks, "handle_info", [msg, state]);
    return r.ok ? afterNoReply(r.value, state) : { kind: "stop", reason: r.reason, state };
  }

  /**
   * `use GenServer`'s default handle_call/handle_cast: raise, so the server crashes with a
   * RuntimeError (Elixir's `{:bad_call, msg}` branch is never taken).
   */
  function noClause(what: "call" | "cast", arity: number, state: unknown): Next {
    const me = rt.self();
    const err = new RuntimeError(`attempted to ${what} GenServer ${inspect(me.name ?? me.pid)} but no handle_${what}/${arity} clause was provided`);
    return { kind: "stop", reason: reasonOf(err), state };
  }

  /** sys requests, as sys.erl's handle_system_msg. Returns the state to go on with. */
  function* system(me: Proc, callbacks: Callbacks, from: From, req: unknown, state: unknown): Generator<unknown, unknown, unknown> {
    const info = me.behaviour!;
    const answer = (value: unknown) => reply(from, value);
    if (req === "get_state") answer(state);
    else if (req === "get_status") {
      answer(["status", me.pid, ["module", "gen_server"], [{ status: info.suspended ? "suspended" : "running", module: info.module, state }]]);
    } else if (req === "suspend") {
      info.suspended = true;
      rt.emit({ t: rt.now, type: "suspend", pid: String(me.pid) });
      answer("ok");
    } else if (req === "resume") {
      info.suspended = false;
      rt.emit({ t: rt.now, type: "resume", pid: String(me.pid) });
      answer("ok");
    } else if (isTuple(req, "replace_state")) {
      try {
        let next = (req[1] as (s: unknown) => unknown)(state);
        // (An Elixir fun is async: its activation runs here, in the server.)
        if (isActivation(next)) next = yield next;
        state = next;
        answer(state);
      } catch (err) {
        if (isUnwinding(err)) throw err;
        // sys.erl's do_replace_state: the caller raises {callback_failed, …, {Class, Reason}}.
        const failure = err instanceof ExitError ? ["exit", err.reason] : err instanceof Error ? ["error", err] : ["throw", err];
        answer(["$sys_error", ["callback_failed", ["gen_server", "system_replace_state"], failure]]);
      }
    } else if (isTuple(req, "change_code") && req.length === 4) {
      if (!info.suspended) answer(["error", ["unknown_system_msg", req]]);
      else state = yield* changeCode(me, callbacks, from, req, state);
    } else if (isTuple(req, "terminate")) {
      answer("ok");
      yield* stop(me, callbacks, req[1], state);
    } else answer(["error", ["unknown_system_msg", req]]);
    return state;
  }

  function* changeCode(me: Proc, callbacks: Callbacks, from: From, req: unknown[], state: unknown): Generator<unknown, unknown, unknown> {
    const [, module, oldVsn, extra] = req;
    let result: unknown = "ok";
    let next = state;
    if (has(callbacks, "code_change")) {
      const r = yield* invoke(callbacks, "code_change", [oldVsn, state, extra]);
      if (!r.ok) result = ["error", ["EXIT", r.reason]];
      else if (isTuple(r.value, "ok") && r.value.length === 2) next = r.value[1];
      else if (isTuple(r.value, "error")) result = ["error", r.value];
      else result = ["error", r.value];
    }
    rt.emit({
      t: rt.now, type: "code_change", pid: String(me.pid), module: rt.shownModule(String(module)), old_vsn: rt.dialect.inspect(oldVsn),
      result: rt.dialect.inspect(result), before: rt.dialect.inspect(state), after: rt.dialect.inspect(next),
    });
    reply(from, result);
    return next;
  }

  /** A call-shaped exchange: monitor, send, wait for the reply or the DOWN or the timeout. */
  function* request(tag: "$gen_call" | "$system", server: unknown, req: unknown, timeout: unknown, mfa: unknown[]) {
    const me = rt.self();
    const target = rt.resolve(server);
    if (!target || !target.alive) throw new ExitError(["noproc", mfa]);
    if (target === me) throw new ExitError(["calling_self", mfa]);
    const ref = rt.monitor(me, target.pid);
    (me.aliases ??= new Set()).add(ref);
    rt.send(target.pid, [tag, [me.pid, ref], req]);
    const after = timeout === "infinity" ? undefined : (timeout as number);
    const msg = (yield new ReceiveToken(
      (m) => Array.isArray(m) && m[1] === ref && (m[0] === "$reply" || m[0] === "DOWN"),
      after,
    )) as unknown[] | typeof TIMEOUT;
    me.aliases.delete(ref);
    if (msg === TIMEOUT) {
      rt.demonitor(me, ref, true);
      throw new ExitError(["timeout", mfa]);
    }
    if (msg[0] === "$reply") {
      rt.demonitor(me, ref, true);
      return msg[2];
    }
    throw new ExitError([msg[4], mfa]);
  }

  function* start(linked: boolean, module: unknown, arg: unknown, opts: StartOptions = {}) {
    const me = rt.self();
    const ack = rt.makeRef();
    const { name } = resolveModule(module);
    const server = rt.spawn(() => new Activation(serverMain as never, null, [me.pid, ack, module, arg, opts, linked], null), {
      link: linked, kind: opts.kind ?? "gen_server", module: name,
    });
    const watch = rt.monitor(me, server.pid);
    const msg = (yield new ReceiveToken(
      (m) => (isTuple(m, "$ack") && m[1] === ack) || (isTuple(m, "DOWN") && m[1] === watch),
      undefined,
    )) as unknown[];
    rt.demonitor(me, watch, true);
    if (msg[0] === "DOWN") return ["error", msg[4]];
    return msg[2];
  }

  const api = {
    start_link: internal((module: unknown, arg: unknown, opts?: StartOptions) => start(true, module, arg, opts), "GenServer.start_link"),
    start: internal((module: unknown, arg: unknown, opts?: StartOptions) => start(false, module, arg, opts), "GenServer.start"),
    call: internal((server: unknown, req: unknown, timeout: unknown = 5000) =>
      request("$gen_call", server, req, timeout, rt.dialect.mfa("GenServer", "call", [server, req, timeout]) as unknown[]), "GenServer.call"),
    cast(server: unknown, msg: unknown): "ok" {
      const target = rt.resolve(server);
      if (target) rt.send(target.pid, ["$gen_cast", msg]);
      return "ok";
    },
    reply,
    stop: internal(function* (server: unknown, reason: unknown = "normal", timeout: unknown = "infinity") {
      const mfa = rt.dialect.mfa("GenServer", "stop", [server, reason, timeout]) as unknown[];
      const me = rt.self();
      const target = rt.resolve(server);
      if (!target) throw new ExitError(["noproc", mfa]);
      const watch = rt.monitor(me, target.pid);
      yield* request("$system", target.pid, ["terminate", reason], timeout, mfa);
      // As proc_lib:stop/3: the caller waits for the server's DOWN at most `timeout` ms, then
      // exits with {timeout, mfa}; the server goes on with its terminate.
      const after = typeof timeout === "number" ? timeout : undefined;
      const down = (yield new ReceiveToken((m) => isTuple(m, "DOWN") && m[1] === watch, after)) as unknown[] | typeof TIMEOUT;
      if (down === TIMEOUT) {
        rt.demonitor(me, watch);
        throw new ExitError(["timeout", mfa]);
      }
      // The reason came back copied (it travelled in a message): compare it as OTP matches it.
      if (!sameTerm(down[4], reason)) throw new ExitError([down[4], mfa]);
      return "ok";
    }, "GenServer.stop"),
  };

  /**
   * How a failed sys call names itself in its exit reason, as sys.erl's mfa/2,3: the request
   * (an atom, or the whole ["replace_state", fun]) and the arguments as given, the timeout only
   * when the caller gave one.
   */
  function sysMfa(req: unknown, server: unknown, timeout: unknown): unknown[] {
    const given = timeout === undefined ? [] : [timeout];
    if (isTuple(req, "change_code")) return ["sys", "change_code", [server, req[1], req[2], req[3], ...given]];
    return ["sys", req, [server, ...given]];
  }

  /** sys (sys.erl): requests answered by the behaviour loop; a failed callback raises ErlangError. */
  const sysCall = (label: string, req: unknown, server: unknown, timeout: unknown) =>
    labelled(`sys.${label}`, new Activation(
      function* () {
        const [m, f, a] = sysMfa(req, server, timeout) as [string, string, unknown[]];
        const out = yield* request("$system", server, req, timeout ?? 5000, rt.dialect.mfa(m, f, a) as unknown[]);
        if (isTuple(out, "$sys_error")) throw new ErlangError(out[1]);
        return out;
      } as never,
      null, [], null,
    ));
  const sys = {
    get_state: (server: unknown, timeout?: unknown) => sysCall("get_state", "get_state", server, timeout),
    replace_state: (server: unknown, fn: unknown, timeout?: unknown) => sysCall("replace_state", ["replace_state", fn], server, timeout),
    suspend: (server: unknown, timeout?: unknown) => sysCall("suspend", "suspend", server, timeout),
    resume: (server: unknown, timeout?: unknown) => sysCall("resume", "resume", server, timeout),
    change_code: (server: unknown, module: string, oldVsn: unknown, extra: unknown, timeout?: unknown) =>
      sysCall("change_code", ["change_code", module, oldVsn, extra], server, timeout),
    get_status: (server: unknown, timeout?: unknown) => sysCall("get_status", "get_status", server, timeout),
  };

  return { api, sys, resolveModule, reasonOf, request };
}

/** The arity of each callback, to find an Elixir module's `"name/arity"` export. */
const CALLBACK_ARITY: Record<string, number> = {
  init: 1, handle_call: 3, handle_cast: 2, handle_info: 2, handle_continue: 2, terminate: 2, code_change: 3,
};

/** Elixir's RuntimeError (what `raise "message"` raises). */
export class RuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuntimeError";
  }
}

function labelled(label: string, act: Activation): Activation {
  act.label = label;
  return act;
}

export type StartOptions = {
  name?: string;
  kind?: "gen_server" | "supervisor" | "dynamic_supervisor";
  /** The supervisor that starts this server (for the timeline's tree). */
  supervisor?: Pid;
};

export type GenServerKit = ReturnType<typeof createGenServer>;
