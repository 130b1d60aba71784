/**
 * Process, :timer, :erlang, :code / Code and :sys for Elixir code: thin shapes over the runtime's
 * `otp` API, turning its results into Elixir terms (keyword lists, charlists, `nil`) and taking
 * Elixir's arguments (`:infinity`, option lists).
 */
import { internal } from "../../activation";
import { ExitError, Pid, Ref } from "../../terms";
import { argumentError, badarg, erlangError } from "../errors";
import { inspect } from "../inspect";
import { Bin, EMPTY, charlist, keyOf, list } from "../terms";
import type { Context } from "./kernel";
import { createKernel, send, sleep } from "./kernel";
import { type Namespace, items, listItems, mustInt } from "./support";

const isAtom = (t: unknown): t is string => typeof t === "string";

export function createProcess(ctx: Context): Namespace {
  const { api, rt } = ctx;
  const P = api.Process;
  const infoList = (pid: unknown): unknown => {
    if (!(pid instanceof Pid)) throw badarg(1, "not a pid");
    const i = P.info(pid);
    if (!i) return null;
    const p = rt.resolve(pid)!;
    return list([
      ...(i.registered_name ? [["registered_name", i.registered_name]] : []),
      ["current_function", [p.behaviour ? "gen_server" : "erlang", p.behaviour ? "loop" : "apply", 2]],
      ["status", i.status === "runnable" || i.status === "running" ? i.status : "waiting"],
      ["message_queue_len", i.message_queue_len],
      ["links", list(i.links)],
      ["trap_exit", i.trap_exit],
      ["dictionary", EMPTY],
    ]);
  };
  const dictionaries = new WeakMap<object, Map<string, [unknown, unknown]>>();
  const dictionary = () => {
    const me = rt.self();
    let d = dictionaries.get(me);
    if (!d) dictionaries.set(me, (d = new Map()));
    return d;
  };
  /** When each timer of Process.send_after fires (for read_timer), until it fires or is cancelled. */
  const dueAt = new Map<Ref, number>();
  const sendAfter = (dest: unknown, msg: unknown, ms: unknown) => {
    const wait = mustInt(ms, 3);
    const ref = P.send_after(dest, msg, wait);
    dueAt.set(ref, rt.now + wait);
    rt.after(wait, () => dueAt.delete(ref));
    return ref;
  };
  const cancelTimer = (ref: unknown) => {
    dueAt.delete(ref as Ref);
    return P.cancel_timer(ref as Ref);
  };
  return {
    "send/3": (dest: unknown, msg: unknown, _opts: unknown) => (send(ctx, dest, msg), "ok"),
    "send_after/3": (dest: unknown, msg: unknown, ms: unknown) => sendAfter(dest, msg, ms),
    "send_after/4": (dest: unknown, msg: unknown, ms: unknown) => sendAfter(dest, msg, ms),
    "cancel_timer/1": (ref: unknown) => cancelTimer(ref),
    "cancel_timer/2": (ref: unknown) => cancelTimer(ref),
    "read_timer/1": (ref: unknown) => {
      const due = dueAt.get(ref as Ref);
      return due !== undefined && due > rt.now ? due - rt.now : false;
    },
    "sleep/1": sleep,
    "link/1": (dest: unknown) => P.link(dest),
    "unlink/1": (dest: unknown) => P.unlink(dest),
    "monitor/1": (dest: unknown) => {
      const name = Array.isArray(dest) && dest.length === 2 ? dest[0] : dest;
      // A monitor by name: its DOWN names the process as the BEAM does, {name, node}.
      if (isAtom(name)) return rt.monitor(rt.self(), name, [name, "nonode@nohost"]);
      return P.monitor(name);
    },
    "demonitor/1": (ref: unknown) => P.demonitor(ref as Ref),
    "demonitor/2": (ref: unknown, opts: unknown) => {
      const o = items(opts);
      // `:info`: whether the monitor was still there (false once its DOWN was sent).
      const active = !!rt.self().monitors?.has(ref as Ref);
      P.demonitor(ref as Ref, { flush: o.includes("flush") });
      return o.includes("info") ? active : true;
    },
    "exit/2": (dest: unknown, reason: unknown) => P.exit(dest, reason),
    "flag/2": (flag: unknown, value: unknown) => {
      if (flag !== "trap_exit") throw badarg(1, "invalid flag (only :trap_exit is supported here)");
      if (value !== true && value !== false) throw badarg(2, "not a boolean");
      return P.flag(flag, value);
    },
    "register/2": (pid: unknown, name: unknown) => {
      if (!isAtom(name) || name === "undefined") throw badarg(2, "not an atom");
      const p = rt.resolve(pid);
      if (!p || !p.alive || rt.registry.has(name) || (p.name !== null && p.name !== name)) {
        throw argumentError(`could not register ${inspect(pid)} with name ${inspect(name)} because it is not alive, the name is already taken, or it has already been given another name`);
      }
      return P.register(pid, name);
    },
    "unregister/1": (name: unknown) => {
      if (!rt.registry.has(name as string)) throw badarg(1, "not a pid");
      return P.unregister(name as string);
    },
    "whereis/1": (name: unknown) => P.whereis(name as string),
    "registered/0": () => list([...rt.registry.keys()]),
    "alive?/1": (pid: unknown) => {
      if (!(pid instanceof Pid)) throw badarg(1, "not a pid");
      return P.alive(pid);
    },
    "list/0": () => list(P.list()),
    "info/1": infoList,
    "info/2": (pid: unknown, key: unknown) => {
      const all = infoList(pid);
      if (all === null) return null;
      const pair = items(all).find((p) => Array.isArray(p) && p[0] === key);
      return pair ?? (key === "registered_name" ? list([]) : null);
    },
    // The process dictionary: per process, gone with it.
    "put/2": (k: unknown, v: unknown) => {
      const d = dictionary();
      const old = d.get(keyOf(k));
      d.set(keyOf(k), [k, v]);
      return old ? old[1] : null;
    },
    "get/1": (k: unknown) => dictionary().get(keyOf(k))?.[1] ?? null,
    "get/2": (k: unknown, dflt: unknown) => {
      const e = dictionary().get(keyOf(k));
      return e ? e[1] : dflt;
    },
    "get/0": () => list([...dictionary().values()]),
    "get_keys/0": () => list([...dictionary().values()].map((e) => e[0])),
    "delete/1": (k: unknown) => {
      const d = dictionary();
      const old = d.get(keyOf(k));
      d.delete(keyOf(k));
      return old ? old[1] : null;
    },
    "hibernate/3": () => {
      throw badarg(1, "hibernate is not supported here");
    },
  };
}

export function createTimer(ctx: Context): Namespace {
  const P = ctx.api.Process;
  const { rt } = ctx;
  /** :timer's interval timers by their tref: cancelled ones stop re-arming. */
  const intervals = new Map<Ref, { cancelled: boolean }>();
  const interval = (ms: unknown, dest: unknown, msg: unknown) => {
    const every = mustInt(ms, 1);
    const tref = rt.makeRef();
    const state = { cancelled: false };
    intervals.set(tref, state);
    const arm = () => {
      rt.after(every, () => {
        const target = rt.resolve(dest);
        // As timer:send_interval: it ends when the process it sends to is gone.
        if (state.cancelled || !target || !target.alive) return void intervals.delete(tref);
        rt.deliver(target, msg);
        arm();
      });
    };
    arm();
    return ["ok", tref];
  };
  return {
    "send_interval/2": (ms: unknown, msg: unknown) => interval(ms, ctx.api.self(), msg),
    "send_interval/3": (ms: unknown, dest: unknown, msg: unknown) => interval(ms, dest, msg),
    "sleep/1": sleep,
    "send_after/2": (ms: unknown, msg: unknown) => ["ok", P.send_after(ctx.api.self(), msg, mustInt(ms, 1))],
    "send_after/3": (ms: unknown, dest: unknown, msg: unknown) => ["ok", P.send_after(dest, msg, mustInt(ms, 1))],
    "cancel/1": (ref: unknown) => {
      const every = intervals.get(ref as Ref);
      if (every) every.cancelled = true;
      else P.cancel_timer(ref as Ref);
      return ["ok", "cancel"];
    },
    "seconds/1": (n: unknown) => mustInt(n) * 1000,
    "minutes/1": (n: unknown) => mustInt(n) * 60_000,
    "hours/1": (n: unknown) => mustInt(n) * 3_600_000,
  };
}

/** The module's file for `:code.is_loaded` (the BEAM names the .beam file). */
const beamFile = (m: string) => charlist(`${m}.beam`);

export function createCode(ctx: Context): Namespace {
  const code = ctx.rt.code;
  return {
    // code:purge/1 answers whether it had to kill a process (not whether there was old code).
    "purge/1": (m: unknown) => {
      const users = code.processesUsingOld(m as string).length;
      code.purge(m as string);
      return users > 0;
    },
    "soft_purge/1": (m: unknown) => code.softPurge(m as string),
    "delete/1": (m: unknown) => code.delete(m as string),
    "is_loaded/1": (m: unknown) => (ctx.isLoaded(m as string) ? ["file", beamFile(m as string)] : false),
    "ensure_loaded/1": (m: unknown) => (ctx.isLoaded(m as string) ? ["module", m] : ["error", "nofile"]),
    "ensure_loaded?/1": (m: unknown) => ctx.isLoaded(m as string),
    "all_loaded/0": () => list(code.loadedModules().filter((m) => code.isLoaded(m)).map((m) => [m, beamFile(m)])),
    "is_sticky/1": () => false,
  };
}

export function createErlang(ctx: Context): Namespace {
  const { rt } = ctx;
  const kernel = createKernel(ctx);
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, kernel[n]]));
  return {
    ...pick([
      "self/0", "send/2", "spawn/1", "spawn/3", "spawn_link/1", "spawn_link/3", "spawn_monitor/1", "make_ref/0", "node/0",
      "hd/1", "tl/1", "length/1", "tuple_size/1", "map_size/1", "byte_size/1", "abs/1", "div/2", "rem/2", "round/1", "trunc/1",
      "is_atom/1", "is_binary/1", "is_boolean/1", "is_float/1", "is_function/1", "is_function/2", "is_integer/1", "is_list/1",
      "is_map/1", "is_number/1", "is_pid/1", "is_reference/1", "is_tuple/1", "exit/1", "throw/1", "apply/2", "apply/3",
    ]),
    "element/2": (i: unknown, t: unknown) => (kernel["elem/2"] as (t: unknown, i: unknown) => unknown)(t, mustInt(i) - 1),
    "setelement/3": (i: unknown, t: unknown, v: unknown) => (kernel["put_elem/3"] as (t: unknown, i: unknown, v: unknown) => unknown)(t, mustInt(i) - 1, v),
    "tuple_to_list/1": (t: unknown) => list(t as unknown[]),
    "list_to_tuple/1": (l: unknown) => listItems(l),
    "atom_to_binary/1": (a: unknown) => new Bin(a === null ? "nil" : String(a)),
    "binary_to_atom/1": (b: unknown) => (b as Bin).s,
    "integer_to_binary/1": (n: unknown) => new Bin(String(n)),
    "error/1": (reason: unknown) => {
      throw ctxError(reason);
    },
    "exit/2": (pid: unknown, reason: unknown) => ctx.api.Process.exit(pid, reason),
    "whereis/1": (name: unknown) => ctx.api.Process.whereis(name as string) ?? "undefined",
    "register/2": (name: unknown, pid: unknown) => ctx.api.Process.register(pid, name as string),
    "unregister/1": (name: unknown) => ctx.api.Process.unregister(name as string),
    "is_process_alive/1": (pid: unknown) => ctx.api.Process.alive(pid),
    "link/1": (pid: unknown) => ctx.api.Process.link(pid),
    "unlink/1": (pid: unknown) => ctx.api.Process.unlink(pid),
    "monitor/2": (_kind: unknown, pid: unknown) => ctx.api.Process.monitor(pid),
    "demonitor/1": (ref: unknown) => ctx.api.Process.demonitor(ref as Ref),
    "demonitor/2": (ref: unknown, opts: unknown) => ctx.api.Process.demonitor(ref as Ref, { flush: items(opts).includes("flush") }),
    "process_flag/2": (flag: unknown, v: unknown) => ctx.api.Process.flag(flag as string, v as boolean),
    "processes/0": () => list(ctx.api.Process.list()),
    "monotonic_time/0": () => rt.now * 1e6,
    "monotonic_time/1": (u: unknown) => (u === "millisecond" ? rt.now : u === "second" ? Math.floor(rt.now / 1000) : rt.now * 1000),
    "system_time/1": (u: unknown) => (u === "millisecond" ? rt.now : u === "second" ? Math.floor(rt.now / 1000) : rt.now * 1000),
    "send_after/3": (ms: unknown, dest: unknown, msg: unknown) => ctx.api.Process.send_after(dest, msg, mustInt(ms, 1)),
    "cancel_timer/1": (ref: unknown) => ctx.api.Process.cancel_timer(ref as Ref),
    /** True when the module has an old version (a process may still run it). */
    "check_old_code/1": (m: unknown) => rt.code.old(m as string) !== null,
    /** True when the process runs (has frames in) the module's old version. */
    "check_process_code/2": (pid: unknown, m: unknown) => {
      const old = rt.code.old(m as string);
      const p = pid instanceof Pid ? rt.find(pid) : undefined;
      if (!(pid instanceof Pid)) throw badarg(1, "not a pid");
      return !!old && !!p && rt.code.versionsOf(p).includes(old);
    },
    "check_process_code/3": (pid: unknown, m: unknown) => {
      const old = rt.code.old(m as string);
      const p = pid instanceof Pid ? rt.find(pid) : undefined;
      return !!old && !!p && rt.code.versionsOf(p).includes(old);
    },
  };
}

const ctxError = (reason: unknown) => erlangError(reason);

/** :sys, with Elixir's shapes: get_status as OTP 25 answers it for a GenServer. */
export function createSys(ctx: Context): Namespace {
  const sys = ctx.api.sys;
  const { rt } = ctx;
  const status = internal(function* (server: unknown, timeout: unknown = 5000) {
    const r = (yield sys.get_status(server, timeout)) as unknown[];
    const [, pid, mod, [details]] = r as [string, Pid, unknown[], Array<{ status: string; state: unknown }>];
    const p = rt.find(pid);
    const parent = p?.parent?.pid ?? pid;
    const name = p?.name ?? String(pid).slice(4);
    return [
      "status", pid, mod,
      list([
        list([["$ancestors", list([parent])]]),
        details.status,
        parent,
        EMPTY,
        list([
          ["header", charlist(`Status for generic server ${name}`)],
          ["data", list([[charlist("Status"), details.status], [charlist("Parent"), parent], [charlist("Logged events"), EMPTY]])],
          ["data", list([[charlist("State"), details.state]])],
        ]),
      ]),
    ];
  }, "sys.get_status");
  return {
    "get_state/1": (s: unknown) => sys.get_state(s),
    "get_state/2": (s: unknown, t: unknown) => sys.get_state(s, t),
    "replace_state/2": (s: unknown, f: unknown) => sys.replace_state(s, f),
    "replace_state/3": (s: unknown, f: unknown, t: unknown) => sys.replace_state(s, f, t),
    "suspend/1": (s: unknown) => sys.suspend(s),
    "suspend/2": (s: unknown, t: unknown) => sys.suspend(s, t),
    "resume/1": (s: unknown) => sys.resume(s),
    "resume/2": (s: unknown, t: unknown) => sys.resume(s, t),
    "change_code/4": (s: unknown, m: unknown, v: unknown, e: unknown) => sys.change_code(s, m as string, v, e),
    "change_code/5": (s: unknown, m: unknown, v: unknown, e: unknown, t: unknown) => sys.change_code(s, m as string, v, e, t),
    "get_status/1": (s: unknown) => status(s),
    "get_status/2": (s: unknown, t: unknown) => status(s, t),
    "terminate/2": (s: unknown, reason: unknown) => ctx.api.GenServer.stop(s, reason),
    "terminate/3": (s: unknown, reason: unknown, t: unknown) => ctx.api.GenServer.stop(s, reason, t),
  };
}

export { ExitError };
