/**
 * What the inspector shows of a process, as plain printed data, in the snippet's language:
 * names and modules as people write them (`Counter`, not `Elixir.Counter`), the state as the
 * dialect's `inspect` prints it (`%{count: 1}` in an Elixir snippet).
 */
import type { Proc } from "../runtime/process";
import type { Runtime } from "../runtime/runtime";
import type { ProcessSnapshot } from "./types";

export function snapshotOf(rt: Runtime, p: Proc): ProcessSnapshot {
  const snapshot: ProcessSnapshot = {
    pid: String(p.pid),
    kind: p.kind,
    status: p.behaviour?.suspended && p.alive ? "suspended" : p.status,
    mailbox: p.mailbox.length,
    links: [...(p.links ?? [])].map((l) => String(l.pid)),
    monitors: [...(p.monitors?.values() ?? [])].map((m) => String(m.pid)),
    versions: rt.code.versionsOf(p).map((v) => `${v.label}${v.status === "old" ? " (old)" : ""}`),
  };
  // A GenServer idles in the runtime's loop and calls its module's current version each time.
  const callbacks = p.behaviour && rt.code.current(p.behaviour.module);
  if (callbacks && !snapshot.versions.length) snapshot.versions.push(`${callbacks.label} (current, between callbacks)`);
  if (p.name) snapshot.name = rt.shownModule(p.name);
  const module = p.behaviour?.module ?? p.module;
  if (module) snapshot.module = rt.shownModule(module);
  if (p.behaviour) snapshot.state = rt.dialect.inspect(p.behaviour.state);
  return snapshot;
}
