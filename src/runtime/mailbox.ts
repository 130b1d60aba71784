/**
 * A process's mailbox: a queue that also lets selective receive take a message from the
 * middle. Messages live in `items[head..tail)`. Taking the oldest is O(1), and a mailbox that
 * empties starts again at slot 0, so the usual one-message-at-a-time traffic reuses one slot
 * and never grows or reallocates the array.
 */
export class Mailbox {
  private items: unknown[] = [];
  private head = 0;
  private tail = 0;
  /** Told the new length after every push and take, when someone records mailboxes (the app's time travel). */
  watch: ((length: number) => void) | null = null;

  get length(): number {
    return this.tail - this.head;
  }

  push(msg: unknown): void {
    this.items[this.tail++] = msg;
    if (this.watch !== null) this.watch(this.tail - this.head);
  }

  at(i: number): unknown {
    return this.items[this.head + i];
  }

  take(i: number): unknown {
    const items = this.items;
    const idx = this.head + i;
    const msg = items[idx];
    if (i === 0) {
      items[idx] = undefined;
      if (++this.head === this.tail) {
        this.head = this.tail = 0;
        // After a burst, let the long array go rather than keep its empty slots.
        if (items.length > 1024) this.items = [];
      } else if (this.head > 64 && this.head * 2 > this.tail) this.compact();
    } else {
      // Shift the later messages down one slot (splice would also shrink the array).
      items.copyWithin(idx, idx + 1, this.tail);
      items[--this.tail] = undefined;
    }
    if (this.watch !== null) this.watch(this.tail - this.head);
    return msg;
  }

  /** Moves the live messages to the front once most of the array is consumed slots. */
  private compact(): void {
    const items = this.items;
    const n = this.tail - this.head;
    items.copyWithin(0, this.head, this.tail);
    items.fill(undefined, n, this.tail);
    this.head = 0;
    this.tail = n;
    // A burst can leave a long array behind; give it back once it is mostly empty.
    if (items.length > 4096 && n * 4 < items.length) this.items = items.slice(0, n);
  }

  toArray(): unknown[] {
    return this.items.slice(this.head, this.tail);
  }

  clear(): void {
    this.items = [];
    this.head = this.tail = 0;
  }
}
