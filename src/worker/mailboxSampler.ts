/**
 * Mailbox lengths for time travel, in as few events as tell the whole story. The runtime
 * reports every push and take; the sampler keeps, per process, the length at the end of each
 * virtual ms and emits a `mailbox` event only when it differs from the last one emitted for
 * that process. So a GenServer that takes each message in the ms it arrives costs no event at
 * all, while a backlog shows as it grows and drains. `flush(now)` (once per tick, before the
 * batch is posted) emits what is pending for the ms before `now` only: a ms still under way
 * may change again, and emitting it early would make the events depend on where the wall
 * clock cut the ticks. So the events are the same on any machine.
 */
import type { MailboxEvent } from "../runtime/events";

export class MailboxSampler {
  private readonly pending = new Map<string, { t: number; length: number }>();
  private readonly emitted = new Map<string, number>();

  constructor(private readonly out: (event: MailboxEvent) => void) {}

  note(pid: string, length: number, t: number): void {
    const p = this.pending.get(pid);
    if (p === undefined) {
      this.pending.set(pid, { t, length });
      return;
    }
    if (p.t !== t) this.emitIfChanged(pid, p);
    p.t = t;
    p.length = length;
  }

  flush(now: number): void {
    for (const [pid, p] of this.pending) {
      if (p.t >= now) continue;
      this.emitIfChanged(pid, p);
      this.pending.delete(pid);
    }
  }

  /** The process is gone: its mailbox will not be asked about again. */
  forget(pid: string): void {
    this.pending.delete(pid);
    this.emitted.delete(pid);
  }

  private emitIfChanged(pid: string, p: { t: number; length: number }): void {
    if ((this.emitted.get(pid) ?? 0) === p.length) return;
    this.emitted.set(pid, p.length);
    this.out({ t: p.t, type: "mailbox", pid, length: p.length });
  }
}
