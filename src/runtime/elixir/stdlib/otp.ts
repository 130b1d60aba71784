/**
 * GenServer, Supervisor, DynamicSupervisor, Task and Agent for Elixir code, on the runtime's own
 * behaviours: Elixir's arguments (option keyword lists, child specs as modules, `{Mod, arg}` or
 * maps, `use Supervisor`'s init/1 returning `Supervisor.init/2`) become the runtime's, and its
 * answers become Elixir terms (`which_children` as a list of tuples, `count_children` a map).
 */
import { ReceiveToken, internal } from "../../activation";
import { createGenServer } from "../../behaviours/genServer";
import { createSupervisor } from "../../behaviours/supervisor";
import { ExitError, Pid, TIMEOUT } from "../../terms";
import { argumentError } from "../errors";
import { inspect } from "../inspect";
import { EMPTY, EMap, defineStruct, list, struct } from "../terms";
import type { Context } from "./kernel";
import { type Gen, type Namespace, call, driven, items, listItems } from "./support";

defineStruct("Elixir.Task", ["mfa", "owner", "pid", "ref"]);

const isTuple = (t: unknown, tag: string): t is unknown[] => Array.isArray(t) && t[0] === tag;
const isAtom = (t: unknown): t is string => typeof t === "string";

/** A keyword list's value for `key` (undefined when absent). */
function option(opts: unknown, key: string): unknown {
  if (opts === undefined || opts === EMPTY) return undefined;
  const pair = items(opts).find((p) => Array.isArray(p) && p[0] === key) as unknown[] | undefined;
  return pair?.[1];
}

/** The `name:` option: an atom (global and via names are not part of this engine). */
function nameOption(opts: unknown): string | undefined {
  const name = option(opts, "name");
  if (name === undefined || name === null) return undefined;
  if (!isAtom(name)) throw argumentError(`expected :name option to be an atom here, got: ${inspect(name)}`);
  return name;
}

export function createOtp(ctx: Context): Record<string, Namespace> {
  const { api, rt } = ctx;
  const gs = createGenServer(rt);
  const sup = createSupervisor(rt, gs);
  const G = api.GenServer;

  // ── child specs ──

  /** A child spec as Elixir normalises it: a map with :id and :start (child_spec/1 for modules). */
  function* specMap(spec: unknown): Gen<EMap> {
    if (spec instanceof EMap) return spec;
    const [module, arg] = isAtom(spec) ? [spec, EMPTY] : Array.isArray(spec) && spec.length === 2 && isAtom(spec[0]) ? [spec[0], spec[1]] : [null, null];
    if (module === null) {
      throw argumentError(`supervisors expect each child to be one of the following:\n\n  * a module\n  * a {module, arg} tuple\n  * a child specification as a map with at least the :id and :start fields\n\nGot: ${inspect(spec)}\n`);
    }
    if (!ctx.isLoaded(module)) throw argumentError(`The module ${inspect(module)} was given as a child to a supervisor but it does not exist`);
    let childSpec: (...a: unknown[]) => unknown;
    try {
      childSpec = ctx.resolve(module, "child_spec", 1);
    } catch {
      throw argumentError(`The module ${inspect(module)} was given as a child to a supervisor\nbut it does not implement child_spec/1.\n\nIf you own the given module, please define a child_spec/1 function\nthat receives an argument and returns a child specification as a map.`);
    }
    const out = yield* call(childSpec, arg);
    if (!(out instanceof EMap)) throw argumentError(`expected ${inspect(module)}.child_spec/1 to return a map, got: ${inspect(out)}`);
    return out;
  }

  /** The runtime's form of a child spec map (`start: [mod, fun, argsArray]`). */
  function jsSpec(m: EMap): Record<string, unknown> {
    const start = m.get("start");
    if (!Array.isArray(start) || start.length !== 3) throw argumentError(`invalid child specification: :start must be {module, function, args}, got: ${inspect(m)}`);
    const out: Record<string, unknown> = { id: m.has("id") ? m.get("id") : start[0], start: [start[0], start[1], listItems(start[2], 3)] };
    for (const key of ["restart", "shutdown", "type"]) if (m.has(key)) out[key] = m.get(key);
    return out;
  }

  function* jsSpecs(children: unknown): Gen<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    for (const c of listItems(children)) out.push(jsSpec(yield* specMap(c)));
    return out;
  }

  /** Supervisor flags from options or from an init/1 map (`intensity`, `period`). */
  function flags(source: unknown): { strategy?: string; max_restarts?: number; max_seconds?: number; name?: string } {
    const get = (k: string) => (source instanceof EMap ? source.get(k) : option(source, k));
    const out: { strategy?: string; max_restarts?: number; max_seconds?: number; name?: string } = {};
    const strategy = get("strategy");
    if (strategy !== undefined) out.strategy = strategy as string;
    const restarts = get("max_restarts") ?? get("intensity");
    if (restarts !== undefined) out.max_restarts = restarts as number;
    const seconds = get("max_seconds") ?? get("period");
    if (seconds !== undefined) out.max_seconds = seconds as number;
    return out;
  }

  const childrenOut = (r: unknown) => list((r as unknown[][]).map(([id, pid, type, mods]) => [id, pid, type, Array.isArray(mods) ? list(mods) : mods]));
  const countOut = (r: unknown) => EMap.of(r as Record<string, unknown>);

  /** A `use Supervisor` / `use DynamicSupervisor` module: its init/1 runs in the new supervisor first. */
  function startModule(module: string, arg: unknown, opts: unknown, dynamic: boolean, linked = true) {
    const callbacks = {
      ...sup.callbacks,
      name: module,
      init: internal(function* (a: unknown) {
        const r = yield* call(ctx.resolve(module, "init", 1), a);
        if (r === "ignore") return "ignore";
        if (!isTuple(r, "ok") || r.length !== 2) return ["stop", ["bad_return", [module, "init", r]]];
        if (dynamic) return yield sup.callbacks.init([[], { ...flags(r[1]), strategy: "one_for_one" }, true]);
        const [supFlags, children] = r[1] as [EMap, unknown];
        return yield sup.callbacks.init([yield* jsSpecs(children), flags(supFlags), false]);
      }),
    };
    const start = linked ? gs.api.start_link : gs.api.start;
    return start(callbacks, arg, { name: nameOption(opts), kind: dynamic ? "dynamic_supervisor" : "supervisor" });
  }

  const GenServer: Namespace = {
    "start_link/2": (m: unknown, arg: unknown) => G.start_link(m, arg),
    "start_link/3": (m: unknown, arg: unknown, opts: unknown) => G.start_link(m, arg, { name: nameOption(opts) }),
    "start/2": (m: unknown, arg: unknown) => G.start(m, arg),
    "start/3": (m: unknown, arg: unknown, opts: unknown) => G.start(m, arg, { name: nameOption(opts) }),
    "call/2": (s: unknown, req: unknown) => G.call(s, req),
    "call/3": (s: unknown, req: unknown, t: unknown) => G.call(s, req, t),
    "cast/2": (s: unknown, msg: unknown) => G.cast(s, msg),
    "reply/2": (from: unknown, v: unknown) => G.reply(from, v),
    "stop/1": (s: unknown) => G.stop(s),
    "stop/2": (s: unknown, r: unknown) => G.stop(s, r),
    "stop/3": (s: unknown, r: unknown, t: unknown) => G.stop(s, r, t),
    "whereis/1": (s: unknown) => (s instanceof Pid ? s : api.Process.whereis(s as string)),
  };

  const Supervisor: Namespace = {
    "start_link/2": driven("Supervisor.start_link", function* (first: unknown, second: unknown) {
      if (isAtom(first)) return yield startModule(first, second, EMPTY, false);
      const specs = yield* jsSpecs(first);
      return yield sup.Supervisor.start_link(specs, { ...flags(second), name: nameOption(second) });
    }),
    "start_link/3": driven("Supervisor.start_link", function* (module: unknown, arg: unknown, opts: unknown) {
      return yield startModule(module as string, arg, opts, false);
    }),
    "init/2": driven("Supervisor.init", function* (children: unknown, opts: unknown) {
      const specs: EMap[] = [];
      for (const c of listItems(children)) specs.push(yield* specMap(c));
      const strategy = option(opts, "strategy");
      if (strategy === undefined) throw argumentError("expected :strategy option to be given");
      const supFlags = EMap.of({ strategy, intensity: option(opts, "max_restarts") ?? 3, period: option(opts, "max_seconds") ?? 5 });
      return ["ok", [supFlags, list(specs)]];
    }),
    "child_spec/2": driven("Supervisor.child_spec", function* (spec: unknown, overrides: unknown) {
      let m = yield* specMap(spec);
      for (const p of items(overrides)) m = m.put((p as unknown[])[0], (p as unknown[])[1]);
      return m;
    }),
    "which_children/1": driven("Supervisor.which_children", function* (s: unknown) {
      return childrenOut(yield sup.Supervisor.which_children(s));
    }),
    "count_children/1": driven("Supervisor.count_children", function* (s: unknown) {
      return countOut(yield sup.Supervisor.count_children(s));
    }),
    "terminate_child/2": (s: unknown, id: unknown) => sup.Supervisor.terminate_child(s, id),
    "restart_child/2": (s: unknown, id: unknown) => sup.Supervisor.restart_child(s, id),
    "delete_child/2": (s: unknown, id: unknown) => sup.Supervisor.delete_child(s, id),
    "start_child/2": driven("Supervisor.start_child", function* (s: unknown, spec: unknown) {
      return yield sup.Supervisor.start_child(s, jsSpec(yield* specMap(spec)));
    }),
    "stop/1": (s: unknown) => G.stop(s),
    "stop/2": (s: unknown, r: unknown) => G.stop(s, r),
    "stop/3": (s: unknown, r: unknown, t: unknown) => G.stop(s, r, t),
  };

  const DynamicSupervisor: Namespace = {
    "start_link/1": (opts: unknown) => sup.DynamicSupervisor.start_link({ ...flags(opts), name: nameOption(opts) }),
    "start_link/2": (module: unknown, arg: unknown) => startModule(module as string, arg, EMPTY, true),
    "start_link/3": (module: unknown, arg: unknown, opts: unknown) => startModule(module as string, arg, opts, true),
    "init/1": (opts: unknown) => ["ok", EMap.of({
      strategy: option(opts, "strategy") ?? "one_for_one", intensity: option(opts, "max_restarts") ?? 3,
      period: option(opts, "max_seconds") ?? 5, max_children: "infinity", extra_arguments: EMPTY,
    })],
    "start_child/2": driven("DynamicSupervisor.start_child", function* (s: unknown, spec: unknown) {
      return yield sup.DynamicSupervisor.start_child(s, jsSpec(yield* specMap(spec)));
    }),
    "terminate_child/2": (s: unknown, pid: unknown) => sup.DynamicSupervisor.terminate_child(s, pid),
    "which_children/1": driven("DynamicSupervisor.which_children", function* (s: unknown) {
      return childrenOut(yield sup.DynamicSupervisor.which_children(s));
    }),
    "count_children/1": driven("DynamicSupervisor.count_children", function* (s: unknown) {
      return countOut(yield sup.DynamicSupervisor.count_children(s));
    }),
    "stop/1": (s: unknown) => G.stop(s),
    "stop/2": (s: unknown, r: unknown) => G.stop(s, r),
  };

  // ── Task ──

  /** The task process: runs the fun, then replies `{ref, result}` to its owner. */
  const taskBody = internal(function* (f: unknown, owner: Pid, refOf: () => unknown) {
    const result = yield* call(f);
    api.send(owner, [refOf(), result]);
  }, "Task");
  const runFun = internal(function* (f: unknown) {
    yield* call(f);
  }, "Task");
  const mfaFun = (m: unknown, f: unknown, a: unknown) => {
    const args = listItems(a, 3);
    const fn = ctx.resolve(m, f as string, args.length);
    return () => fn(...args);
  };

  function* awaitTask(task: unknown, timeout: unknown, yieldOnly: boolean): Gen {
    const t = task as EMap;
    const ref = t.get("ref");
    const mfa = ["Elixir.Task", yieldOnly ? "yield" : "await", list([task, timeout])];
    const msg = yield new ReceiveToken(
      (m) => (Array.isArray(m) && m.length === 2 && m[0] === ref) || (isTuple(m, "DOWN") && m[1] === ref),
      timeout === "infinity" ? undefined : (timeout as number),
    );
    if (msg === TIMEOUT) {
      if (yieldOnly) return null;
      throw new ExitError(["timeout", mfa]);
    }
    const m = msg as unknown[];
    if (m[0] === "DOWN") {
      if (yieldOnly) return ["exit", m[4]];
      throw new ExitError([m[4], mfa]);
    }
    api.Process.demonitor(ref as never, { flush: true });
    return yieldOnly ? ["ok", m[1]] : m[1];
  }

  const Task: Namespace = {
    "async/1": (f: unknown) => {
      const owner = api.self();
      let ref: unknown = null;
      const pid = api.spawn_link(() => taskBody(f, owner, () => ref));
      ref = api.Process.monitor(pid);
      return struct("Elixir.Task", { mfa: ["erlang", "apply", 2], owner, pid, ref });
    },
    "await/1": driven("Task.await", function* (t: unknown) { return yield* awaitTask(t, 5000, false); }),
    "await/2": driven("Task.await", function* (t: unknown, ms: unknown) { return yield* awaitTask(t, ms, false); }),
    "yield/1": driven("Task.yield", function* (t: unknown) { return yield* awaitTask(t, 5000, true); }),
    "yield/2": driven("Task.yield", function* (t: unknown, ms: unknown) { return yield* awaitTask(t, ms, true); }),
    "start/1": (f: unknown) => ["ok", api.spawn(() => runFun(f))],
    "start/3": (m: unknown, f: unknown, a: unknown) => ["ok", api.spawn(mfaFun(m, f, a))],
    "start_link/1": (f: unknown) => ["ok", api.spawn_link(() => runFun(f))],
    "start_link/3": (m: unknown, f: unknown, a: unknown) => ["ok", api.spawn_link(mfaFun(m, f, a))],
    "child_spec/1": (arg: unknown) => EMap.of({ id: "Elixir.Task", start: ["Elixir.Task", "start_link", list([arg])], restart: "temporary" }),
  };

  // ── Agent ──

  const agent = {
    name: "Elixir.Agent",
    init: internal(function* (f: unknown) {
      return ["ok", yield* call(f)];
    }),
    handle_call: internal(function* (req: unknown, _from: unknown, state: unknown) {
      const r = req as unknown[];
      if (r[0] === "get") return ["reply", yield* call(r[1], state), state];
      if (r[0] === "update") return ["reply", "ok", yield* call(r[1], state)];
      const out = yield* call(r[1], state);
      if (!Array.isArray(out) || out.length !== 2) throw argumentError(`expected the fun given to Agent.get_and_update to return a two-element tuple, got: ${inspect(out)}`);
      return ["reply", out[0], out[1]];
    }),
    handle_cast: internal(function* (req: unknown, state: unknown) {
      return ["noreply", yield* call((req as unknown[])[1], state)];
    }),
  };
  const Agent: Namespace = {
    "start_link/1": (f: unknown) => gs.api.start_link(agent, f),
    "start_link/2": (f: unknown, opts: unknown) => gs.api.start_link(agent, f, { name: nameOption(opts) }),
    "start/1": (f: unknown) => gs.api.start(agent, f),
    "start/2": (f: unknown, opts: unknown) => gs.api.start(agent, f, { name: nameOption(opts) }),
    "get/2": (a: unknown, f: unknown) => G.call(a, ["get", f]),
    "get/3": (a: unknown, f: unknown, t: unknown) => G.call(a, ["get", f], t),
    "update/2": (a: unknown, f: unknown) => G.call(a, ["update", f]),
    "update/3": (a: unknown, f: unknown, t: unknown) => G.call(a, ["update", f], t),
    "get_and_update/2": (a: unknown, f: unknown) => G.call(a, ["get_and_update", f]),
    "get_and_update/3": (a: unknown, f: unknown, t: unknown) => G.call(a, ["get_and_update", f], t),
    "cast/2": (a: unknown, f: unknown) => G.cast(a, ["cast", f]),
    "stop/1": (a: unknown) => G.stop(a),
    "stop/2": (a: unknown, r: unknown) => G.stop(a, r),
    "stop/3": (a: unknown, r: unknown, t: unknown) => G.stop(a, r, t),
    "child_spec/1": (arg: unknown) => EMap.of({ id: "Elixir.Agent", start: ["Elixir.Agent", "start_link", list([arg])] }),
  };

  return {
    "Elixir.GenServer": GenServer,
    "Elixir.Supervisor": Supervisor,
    "Elixir.DynamicSupervisor": DynamicSupervisor,
    "Elixir.Task": Task,
    "Elixir.Agent": Agent,
  };
}
