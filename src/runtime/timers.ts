/**
 * Timers on virtual time, ordered by (time, sequence): two timers due at the same ms fire in
 * the order they were set, so every run of a snippet fires them in the same order.
 */
export type Timer = { time: number; seq: number; fire: () => void; cancelled: boolean };

export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(time: number, fire: () => void): Timer {
    const timer: Timer = { time, seq: this.seq++, fire, cancelled: false };
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = timer;
    return timer;
  }

  /** The next live timer, dropping cancelled ones on the way. */
  peek(): Timer | undefined {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last;
        if (l < n && before(h[l], best)) { m = l; best = h[l]; }
        if (r < n && before(h[r], best)) { m = r; best = h[r]; }
        if (m === i) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
