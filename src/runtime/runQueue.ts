/**
 * The scheduler's run queue: processes in `items[head..tail)`. A queue that empties starts
 * again at slot 0, so a ring or ping-pong (one runnable process at a time) reuses one slot and
 * never allocates; a queue that stays busy is compacted once most of it is consumed.
 */
import type { Proc } from "./process";

export class RunQueue {
  private items: Array<Proc | undefined> = [];
  private head = 0;
  private tail = 0;

  get empty(): boolean {
    return this.head === this.tail;
  }

  push(p: Proc): void {
    this.items[this.tail++] = p;
  }

  /** The oldest process; only call when not empty. */
  shift(): Proc {
    const items = this.items;
    const p = items[this.head]!;
    items[this.head] = undefined;
    if (++this.head === this.tail) {
      this.head = this.tail = 0;
      if (items.length > 4096) this.items = [];
    } else if (this.head > 4096 && this.head * 2 > this.tail) {
      const n = this.tail - this.head;
      items.copyWithin(0, this.head, this.tail);
      items.fill(undefined, n, this.tail);
      this.head = 0;
      this.tail = n;
    }
    return p;
  }

  clear(): void {
    this.items = [];
    this.head = this.tail = 0;
  }
}
