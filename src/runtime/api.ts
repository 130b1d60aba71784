/**
 * The `otp` module that user code imports (SPEC §3), bound to one runtime. Names follow
 * Elixir, snake_case on purpose. Functions that wait (`receive`, `Process.sleep`,
 * `GenServer.call`, sys) return something to `await` inside process code.
 */
import { ReceiveToken, SleepToken } from "./activation";
import { createGenServer } from "./behaviours/genServer";
import { createSupervisor } from "./behaviours/supervisor";
import type { Runtime } from "./runtime";
import { ExitError, Pid, Ref, SystemLimitError, TIMEOUT, UndefinedFunctionError, copyTerm, inspect } from "./terms";
import type { Timer } from "./timers";

const ANY = new ReceiveToken(undefined, undefined);

export function createOtpApi(rt: Runtime) {
  const gs = createGenServer(rt);
  const { Supervisor, DynamicSupervisor } = createSupervisor(rt, gs);
  const me = () => rt.self();
  const timers = new Map<Ref, Timer>();

  const mustBeFunction = (fn: unknown, what: string) => {
    if (typeof fn !== "function") throw new TypeError(`${what} needs a function, got ${inspect(fn)}`);
    return fn as () => unknown;
  };
  const pidOf = (dest: unknown, what: string): Pid => {
    if (dest instanceof Pid) return dest;
    const p = rt.resolve(dest);
    if (p) return p.pid;
    throw new Error(`badarg: ${what} needs a pid or a registered name, got ${inspect(dest)}`);
  };

  function log(...args: unknown[]): void {
    const text = args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
    rt.emit({ t: rt.now, type: "log", pid: rt.current ? String(rt.current.pid) : "system", text });
  }

  const Process = {
    send: (dest: unknown, msg: unknown) => rt.send(dest, msg),
    send_after(dest: unknown, msg: unknown, ms: number): Ref {
      const ref = rt.makeRef();
      const copy = copyTerm(msg);
      const timer = rt.after(ms, () => {
        timers.delete(ref);
        const target = rt.resolve(dest);
        if (target) rt.send(target.pid, copy);
      });
      timers.set(ref, timer);
      return ref;
    },
    cancel_timer(ref: Ref): number | false {
      const timer = timers.get(ref);
      if (!timer || timer.cancelled) return false;
      timer.cancelled = true;
      timers.delete(ref);
      return timer.time - rt.now;
    },
    sleep: (ms: number) => new SleepToken(ms),
    link(dest: unknown): true {
      // As link/1 on the BEAM: a dead pid gives a trapping caller an ['EXIT', pid, "noproc"]
      // message (rt.link does that), but raises a catchable noproc error in one that does not trap.
      const p = me();
      if (!p.trapExit && !rt.resolve(dest)?.alive) throw new Error(`noproc: cannot link to ${inspect(dest)}: no such process`);
      return rt.link(p, dest);
    },
    unlink: (dest: unknown) => rt.unlink(me(), dest),
    monitor: (dest: unknown) => rt.monitor(me(), dest),
    demonitor: (ref: Ref, opts?: { flush?: boolean }) => rt.demonitor(me(), ref, !!opts?.flush),
    exit(dest: unknown, reason: unknown): true {
      const target = rt.resolve(dest);
      if (target) rt.exitSignal(rt.current ?? pidOf(dest, "Process.exit"), target, reason, false);
      return true;
    },
    flag(flag: string, value: boolean): boolean {
      if (flag !== "trap_exit") throw new Error(`badarg: Process.flag supports "trap_exit", got ${inspect(flag)}`);
      const p = me();
      const old = p.trapExit;
      p.trapExit = !!value;
      return old;
    },
    register(dest: unknown, name: string): true {
      const p = rt.resolve(dest);
      if (!p) throw new Error(`badarg: cannot register ${inspect(name)}: ${inspect(dest)} is not alive`);
      rt.register(p, name);
      return true;
    },
    unregister(name: string): true {
      rt.unregister(name);
      return true;
    },
    whereis: (name: string): Pid | null => rt.registry.get(name)?.pid ?? null,
    alive: (pid: unknown): boolean => !!rt.resolve(pid)?.alive,
    list: (): Pid[] => rt.processes().map((p) => p.pid),
    info(dest: unknown) {
      const p = rt.resolve(dest);
      if (!p) return null;
      return {
        registered_name: p.name, status: p.status, message_queue_len: p.mailbox.length,
        links: [...(p.links ?? [])].map((l) => l.pid), monitors: [...(p.monitors?.values() ?? [])].map((m) => m.pid),
        trap_exit: p.trapExit, module: p.behaviour?.module ?? p.module,
        versions: rt.code.versionsOf(p).map((v) => v.label),
      };
    },
  };

  const Code = {
    purge: (m: string) => rt.code.purge(m),
    soft_purge: (m: string) => rt.code.softPurge(m),
    delete: (m: string) => rt.code.delete(m),
    versions: (m: string) => rt.code.versions(m),
    processes_using_old: (m: string) => rt.code.processesUsingOld(m).map((p) => p.pid),
  };

  return {
    self: () => me().pid,
    send: (dest: unknown, msg: unknown) => rt.send(dest, msg),
    spawn: (fn: unknown) => rt.spawn(mustBeFunction(fn, "spawn")).pid,
    spawn_link: (fn: unknown) => rt.spawn(mustBeFunction(fn, "spawn_link"), { link: true }).pid,
    spawn_monitor(fn: unknown): [Pid, Ref] {
      const p = rt.spawn(mustBeFunction(fn, "spawn_monitor"));
      return [p.pid, rt.monitor(me(), p.pid)];
    },
    receive: (match?: (msg: any) => unknown, after?: number) => {
      // A plain receive() keeps no per-wait state, so one shared token serves them all.
      if (match === undefined && after === undefined) return ANY;
      if (match !== undefined && typeof match !== "function") throw new TypeError(`receive needs a match function or undefined, got ${inspect(match)}`);
      return new ReceiveToken(match, after);
    },
    exit(reason: unknown): never {
      throw new ExitError(reason);
    },
    log,
    inspect,
    apply: (module: string, fun: string, args: unknown[] = []) => rt.dialect.resolve(module, fun, args.length)(...args),
    TIMEOUT,
    ExitError,
    UndefinedFunctionError,
    SystemLimitError,
    Process,
    GenServer: gs.api,
    Supervisor,
    DynamicSupervisor,
    sys: gs.sys,
    Code,
  };
}

export type OtpApi = ReturnType<typeof createOtpApi>;
