/**
 * Supervisor and DynamicSupervisor, after OTP's supervisor.erl: a GenServer whose callbacks
 * are ours. It traps exits, starts its children in order, restarts them by strategy
 * (one_for_one, one_for_all, rest_for_one) and gives up with reason "shutdown" when more than
 * `max_restarts` restarts fall within `max_seconds` (a pure function of virtual time, in
 * exact milliseconds). Children are stopped in reverse start order.
 */
import { isActivation, ReceiveToken, internal } from "../activation";
import type { Proc } from "../process";
import type { Runtime } from "../runtime";
import { ExitError, Pid, inspect } from "../terms";
import { isUnwinding } from "../unwind";
import { type GenServerKit, isTuple } from "./genServer";
import { type Child, normalizeChild } from "./childSpec";

export type SupervisorOptions = { strategy?: string; max_restarts?: number; max_seconds?: number; name?: string };

type SupState = {
  strategy: "one_for_one" | "one_for_all" | "rest_for_one";
  maxRestarts: number;
  maxMs: number;
  children: Child[];
  restarts: number[];
  dynamic: boolean;
};

const DEFAULTS = { strategy: "one_for_one", max_restarts: 3, max_seconds: 5 } as const;
const STRATEGIES = ["one_for_one", "one_for_all", "rest_for_one"];

export function createSupervisor(rt: Runtime, gs: GenServerKit) {
  /** Starts one child from the supervisor process: its pid, or why it failed. */
  function* startChild(child: Child): Generator<unknown, { ok: true; pid: Pid | null } | { ok: false; reason: unknown }, unknown> {
    const [mod, fun, args] = child.start;
    let result: unknown;
    try {
      const fn = rt.dialect.resolve(mod, fun, args.length);
      result = fn(...args);
      if (isActivation(result)) result = yield result;
    } catch (err) {
      if (isUnwinding(err)) throw err;
      return { ok: false, reason: gs.reasonOf(err) };
    }
    if (isTuple(result, "ok") && result[1] instanceof Pid) return { ok: true, pid: result[1] };
    if (result === "ignore") return { ok: true, pid: null };
    if (isTuple(result, "error")) return { ok: false, reason: result[1] };
    return { ok: false, reason: ["bad_return_value", result] };
  }

  /** Stops a running child: `shutdown` then, after its grace time, `kill`; brutal_kill at once. */
  function* stopChild(me: Proc, child: Child): Generator<unknown, void, unknown> {
    const pid = child.pid;
    child.pid = null;
    if (!pid) return;
    const p = rt.find(pid);
    rt.unlink(me, pid);
    dropExit(me, pid);
    if (!p || !p.alive) return;
    const ref = rt.monitor(me, pid);
    const down = (m: unknown) => isTuple(m, "DOWN") && m[1] === ref;
    if (child.shutdown === "brutal_kill") rt.exitSignal(me, p, "kill", false);
    else {
      rt.exitSignal(me, p, "shutdown", false);
      const grace = child.shutdown === "infinity" ? undefined : child.shutdown;
      const got = yield new ReceiveToken(down, grace);
      if (!Array.isArray(got)) rt.exitSignal(me, p, "kill", false);
      else return;
    }
    yield new ReceiveToken(down, undefined);
  }

  /** An EXIT of a child we stop ourselves must not be taken for a crash later. */
  function dropExit(me: Proc, pid: Pid): void {
    const box = me.mailbox;
    for (let i = 0; i < box.length; i++) {
      const m = box.at(i);
      if (isTuple(m, "EXIT") && m[1] === pid) {
        box.take(i);
        return;
      }
    }
  }

  function* stopAll(me: Proc, children: Child[]): Generator<unknown, void, unknown> {
    for (const child of [...children].reverse()) yield* stopChild(me, child);
  }

  /** Records a restart; false when that makes too many within the window. */
  function allowRestart(state: SupState): boolean {
    const now = rt.now;
    state.restarts = state.restarts.filter((t) => t >= now - state.maxMs);
    state.restarts.push(now);
    return state.restarts.length <= state.maxRestarts;
  }

  const shouldRestart = (child: Child, reason: unknown) =>
    child.restart === "permanent" ||
    (child.restart === "transient" && reason !== "normal" && reason !== "shutdown" && !isTuple(reason, "shutdown"));

  /**
   * Restarts after `child` died, by strategy. Returns false when intensity is exceeded. The
   * group's other children stop newest first; a temporary one among them is then forgotten,
   * not restarted (supervisor.erl's terminate_children); the rest start again in start order.
   */
  function* restart(me: Proc, state: SupState, child: Child): Generator<unknown, boolean, unknown> {
    const index = state.children.indexOf(child);
    let group =
      state.strategy === "one_for_all" ? state.children.slice()
      : state.strategy === "rest_for_one" ? state.children.slice(index)
      : [child];
    for (;;) {
      if (!allowRestart(state)) return false;
      yield* stopAll(me, group.filter((c) => c !== child));
      const temporary = group.filter((c) => c !== child && c.restart === "temporary");
      if (temporary.length) {
        state.children = state.children.filter((c) => !temporary.includes(c));
        group = group.filter((c) => !temporary.includes(c));
      }
      let failed = false;
      for (const c of group) {
        if (c.pid) continue;
        const r = yield* startChild(c);
        if (!r.ok) {
          failed = true;
          break;
        }
        c.pid = r.pid;
      }
      if (!failed) return true;
    }
  }

  const callbacks = {
    name: "Supervisor",
    init: internal(function* (arg: unknown) {
      const [specs, opts, dynamic] = arg as [unknown[], SupervisorOptions, boolean];
      const me = rt.self();
      me.trapExit = true;
      const o = { ...DEFAULTS, ...opts };
      if (!STRATEGIES.includes(o.strategy)) return ["stop", ["bad_strategy", o.strategy]];
      const state: SupState = {
        strategy: o.strategy as SupState["strategy"], maxRestarts: o.max_restarts, maxMs: o.max_seconds * 1000,
        children: [], restarts: [], dynamic,
      };
      for (const spec of specs) {
        let child: Child;
        try {
          child = normalizeChild(rt, spec);
        } catch (err) {
          if (isUnwinding(err)) throw err;
          yield* stopAll(me, state.children);
          return ["stop", ["shutdown", ["bad_child_spec", inspect(spec)]]];
        }
        if (state.children.some((c) => c.id === child.id)) {
          yield* stopAll(me, state.children);
          return ["stop", ["shutdown", ["duplicate_child_name", child.id]]];
        }
        const r = yield* startChild(child);
        if (!r.ok) {
          yield* stopAll(me, state.children);
          return ["stop", ["shutdown", ["failed_to_start_child", child.id, r.reason]]];
        }
        child.pid = r.pid;
        state.children.push(child);
      }
      return ["ok", state];
    }),

    /** OTP's supervisor logs an unexpected cast and carries on; so do we (minus the log). */
    handle_cast: (_msg: unknown, state: SupState) => ["noreply", state],

    handle_info: internal(function* (msg: unknown, state: SupState) {
      if (!isTuple(msg, "EXIT")) return ["noreply", state];
      const [, pid, reason] = msg;
      const child = state.children.find((c) => c.pid === pid);
      if (!child) return ["noreply", state];
      child.pid = null;
      if (!shouldRestart(child, reason)) {
        if (child.restart === "temporary" || state.dynamic) state.children.splice(state.children.indexOf(child), 1);
        return ["noreply", state];
      }
      const ok = yield* restart(rt.self(), state, child);
      return ok ? ["noreply", state] : ["stop", "shutdown", state];
    }),

    handle_call: internal(function* (req: unknown, _from: unknown, state: SupState) {
      const me = rt.self();
      const find = (id: unknown) => state.children.find((c) => (id instanceof Pid ? c.pid === id : c.id === id));
      const [op, arg] = Array.isArray(req) ? req : [req, undefined];
      switch (op) {
        case "which_children": {
          // OTP lists a supervisor's children most recently started first; Elixir's
          // DynamicSupervisor lists its own in start order.
          const listed = state.dynamic ? state.children : [...state.children].reverse();
          return ["reply", listed.map((c) => [state.dynamic ? "undefined" : c.id, c.pid ?? "undefined", c.type, [c.start[0]]]), state];
        }
        case "count_children": {
          const active = state.children.filter((c) => c.pid).length;
          const supervisors = state.children.filter((c) => c.type === "supervisor").length;
          return ["reply", { specs: state.children.length, active, supervisors, workers: state.children.length - supervisors }, state];
        }
        case "start_child": {
          let child: Child;
          try {
            child = normalizeChild(rt, arg);
          } catch (err) {
            if (isUnwinding(err)) throw err;
            return ["reply", ["error", ["invalid_child_spec", String((err as Error).message)]], state];
          }
          if (!state.dynamic && state.children.some((c) => c.id === child.id)) {
            const existing = state.children.find((c) => c.id === child.id)!;
            return ["reply", ["error", existing.pid ? ["already_started", existing.pid] : "already_present"], state];
          }
          const r = yield* startChild(child);
          if (!r.ok) return ["reply", ["error", r.reason], state];
          if (r.pid || !state.dynamic) {
            child.pid = r.pid;
            state.children.push(child);
          }
          return ["reply", r.pid ? ["ok", r.pid] : "ignore", state];
        }
        case "terminate_child": {
          const child = find(arg);
          if (!child) return ["reply", ["error", "not_found"], state];
          yield* stopChild(me, child);
          if (state.dynamic || child.restart === "temporary") state.children.splice(state.children.indexOf(child), 1);
          return ["reply", "ok", state];
        }
        case "restart_child": {
          const child = find(arg);
          if (!child) return ["reply", ["error", "not_found"], state];
          if (child.pid) return ["reply", ["error", "running"], state];
          const r = yield* startChild(child);
          if (!r.ok) return ["reply", ["error", r.reason], state];
          child.pid = r.pid;
          return ["reply", ["ok", r.pid], state];
        }
        case "delete_child": {
          const child = find(arg);
          if (!child) return ["reply", ["error", "not_found"], state];
          if (child.pid) return ["reply", ["error", "running"], state];
          state.children.splice(state.children.indexOf(child), 1);
          return ["reply", "ok", state];
        }
      }
      return ["reply", ["error", ["unknown_call", req]], state];
    }),

    terminate: internal(function* (_reason: unknown, state: SupState) {
      yield* stopAll(rt.self(), state.children);
    }),
  };

  const call = (sup: unknown, req: unknown) => gs.api.call(sup, req, "infinity");

  function startLink(specs: unknown, opts: SupervisorOptions = {}, dynamic = false) {
    if (!Array.isArray(specs)) throw new ExitError(["badarg", "Supervisor.start_link needs a list of children"]);
    const act = gs.api.start_link(callbacks, [specs, opts, dynamic], { name: opts.name, kind: dynamic ? "dynamic_supervisor" : "supervisor" });
    act.label = dynamic ? "DynamicSupervisor.start_link" : "Supervisor.start_link";
    return act;
  }

  const Supervisor = {
    start_link: (children: unknown, opts?: SupervisorOptions) => startLink(children, opts),
    which_children: (sup: unknown) => call(sup, "which_children"),
    count_children: (sup: unknown) => call(sup, "count_children"),
    terminate_child: (sup: unknown, id: unknown) => call(sup, ["terminate_child", id]),
    restart_child: (sup: unknown, id: unknown) => call(sup, ["restart_child", id]),
    delete_child: (sup: unknown, id: unknown) => call(sup, ["delete_child", id]),
    start_child: (sup: unknown, spec: unknown) => call(sup, ["start_child", spec]),
    stop: (sup: unknown, reason?: unknown) => gs.api.stop(sup, reason),
  };

  const DynamicSupervisor = {
    start_link: (opts: SupervisorOptions = {}) => startLink([], { ...opts, strategy: "one_for_one" }, true),
    start_child: (sup: unknown, spec: unknown) => call(sup, ["start_child", spec]),
    terminate_child: (sup: unknown, pid: unknown) => call(sup, ["terminate_child", pid]),
    which_children: (sup: unknown) => call(sup, "which_children"),
    count_children: (sup: unknown) => call(sup, "count_children"),
    stop: (sup: unknown, reason?: unknown) => gs.api.stop(sup, reason),
  };

  // (`callbacks`: the Elixir stdlib runs a `use Supervisor` module's init/1 before these.)
  return { Supervisor, DynamicSupervisor, callbacks };
}
