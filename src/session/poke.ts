/**
 * Acting on a running process from outside, as Erlang's Observer does (and as one would in IEx):
 * the shell sends an exit signal or a message, makes a sys request, or arms a crash for the next
 * callback. Each action is a `poke` trace event at the moment the shell does it, then the thing
 * itself, so the timeline and the Log show it as what it is: a signal or a message from the
 * console, not something the process did.
 */
import type { OtpApi } from "../runtime/api";
import type { PokeEvent } from "../runtime/events";
import type { Proc } from "../runtime/process";
import type { Runtime } from "../runtime/runtime";
import { Pid, inspect } from "../runtime/terms";
import type { Poke } from "../share/snippetTypes";

/** A pid as printed ("#PID<0.102.0>") or a registered name, to the live process; null if none. */
export function findTarget(rt: Runtime, process: string): Proc | null {
  const m = /^#PID<0\.(\d+)\.0>$/.exec(process.trim());
  const p = m ? rt.find(new Pid(Number(m[1]))) : rt.registry.get(process);
  return p && p.alive ? p : null;
}

/** Why a poke cannot be done to this process (it is gone, or it is not a GenServer for a sys request), or null. */
export function pokeRefusal(p: Proc | null, poke: Pick<Poke, "process" | "do">): string | null {
  if (!p) return `no live process ${poke.process}: it has exited (or never existed)`;
  const sysKind = poke.do !== "exit" && poke.do !== "send";
  if (sysKind && !p.behaviour) return `${poke.do} needs a GenServer or a supervisor: ${poke.process} is a plain process (it does not answer sys requests)`;
  return null;
}

/**
 * What the shell runs for a poke, with the evaluated term (undefined for the kinds without one).
 * Runs inside the shell process: `Process.exit` and `send` come from the shell's pid, sys calls
 * are calls from it; the result of `get_state` and `replace_state` is printed by the shell.
 */
export function pokeJob(rt: Runtime, api: OtpApi, target: Proc, poke: Poke, by: PokeEvent["by"], term: unknown): () => unknown {
  return () => {
    const event: PokeEvent = { t: rt.now, type: "poke", pid: String(target.pid), what: poke.do, by };
    if (poke.do === "exit" || poke.do === "send" || poke.do === "replace_state") event.term = inspect(term);
    rt.emit(event);
    switch (poke.do) {
      case "exit":
        return void api.Process.exit(target.pid, term);
      case "send":
        return void api.send(target.pid, term);
      case "suspend":
        return api.sys.suspend(target.pid);
      case "resume":
        return api.sys.resume(target.pid);
      case "get_state":
        return api.sys.get_state(target.pid);
      case "replace_state":
        return api.sys.replace_state(target.pid, () => term);
      case "crash_next":
        if (target.behaviour) target.behaviour.crashNext = true;
        return undefined;
    }
  };
}
