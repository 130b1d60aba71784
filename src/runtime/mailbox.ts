/**
 * A process's mailbox: a queue that also lets selective receive take a message from the
 * middle. Taking the oldest is O(1); the array is compacted once most of it is consumed.
 */
export class Mailbox {
  private items: unknown[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(msg: unknown): void {
    this.items.push(msg);
  }

  at(i: number): unknown {
    return this.items[this.head + i];
  }

  take(i: number): unknown {
    const idx = this.head + i;
    const msg = this.items[idx];
    if (i === 0) {
      this.items[idx] = undefined;
      this.head++;
      // Truncating an array costs more than the push and take around it, so an emptied
      // mailbox keeps its slots and is replaced only once many are used.
      if (this.head === this.items.length) {
        if (this.head > 1024) {
          this.items = [];
          this.head = 0;
        }
      } else if (this.head > 64 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    } else {
      this.items.splice(idx, 1);
    }
    return msg;
  }

  toArray(): unknown[] {
    return this.items.slice(this.head);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
