/**
 * One process: its pid, mailbox, the chain of activations it is running, and its signal
 * bookkeeping (links, monitors, aliases). Fields that most processes never use stay null, so
 * an idle process costs a few hundred bytes.
 */
import type { Activation, ReceiveToken } from "./activation";
import type { ModuleVersion } from "./codeServer";
import type { ProcessKind } from "./events";
import { Mailbox } from "./mailbox";
import type { Pid, Ref } from "./terms";
import type { Timer } from "./timers";

export type ProcessStatus = "runnable" | "running" | "waiting" | "dead";

/** Behaviour bookkeeping a GenServer or supervisor keeps on its process, for sys and the inspector. */
export type BehaviourInfo = {
  kind: "gen_server" | "supervisor" | "dynamic_supervisor";
  module: string;
  state: unknown;
  suspended: boolean;
  /** The state as last printed in a `state` event, to emit only changes. */
  printed?: string;
  /** The next handle_* callback raises instead of running (a fault injected from outside). */
  crashNext?: boolean;
};

export class Proc {
  readonly mailbox = new Mailbox();
  status: ProcessStatus = "runnable";
  /** In the run queue now (a process is queued at most once). */
  queued = false;
  top: Activation | null = null;
  /** The function the process starts with; cleared once it ran. */
  start: ((...args: unknown[]) => unknown) | null;
  wait: ReceiveToken | "sleep" | "foreign" | null = null;
  waitTimer: Timer | null = null;
  resumeValue: unknown = undefined;
  resumeThrow = false;
  /**
   * Runaway-guard steps left when the process was put back in the queue for fairness without
   * having waited; null once it waits (its next turn has the whole budget). The guard counts
   * steps since the process last waited, not since its turn began.
   */
  budget: number | null = null;
  trapExit = false;
  name: string | null = null;
  links: Set<Proc> | null = null;
  /** Monitors this process holds: ref → the watched process. */
  monitors: Map<Ref, Proc> | null = null;
  /** Monitors on this process: ref → the watcher. */
  monitoredBy: Map<Ref, Proc> | null = null;
  /** Active call aliases: a reply to an inactive one (a late reply) is dropped. */
  aliases: Set<Ref> | null = null;
  behaviour: BehaviourInfo | null = null;
  /** The module version of its outermost frame, as last reported in a `runs` event. */
  rootVersion: ModuleVersion | null = null;
  exitReason: unknown = undefined;
  /** `Process.send_after` timers it set that have not fired or been cancelled (bounded, see limits.ts). */
  pendingTimers = 0;
  /** Bounds it was already warned about (bits of the runtime's WARNED_*), so each warning shows once. */
  warned = 0;

  constructor(
    readonly pid: Pid,
    readonly parent: Proc | null,
    start: (...args: unknown[]) => unknown,
    public kind: ProcessKind,
    public module: string | null,
  ) {
    this.start = start;
  }

  get alive(): boolean {
    return this.status !== "dead";
  }

  link(other: Proc): void {
    (this.links ??= new Set()).add(other);
    (other.links ??= new Set()).add(this);
  }

  unlink(other: Proc): void {
    this.links?.delete(other);
    other.links?.delete(this);
  }
}
