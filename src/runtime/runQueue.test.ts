import { describe, expect, it } from "vitest";
import type { Proc } from "./process";
import { RunQueue } from "./runQueue";

const fake = (id: number) => ({ id }) as unknown as Proc;

describe("RunQueue", () => {
  it("hands out processes in the order they were queued, across compactions and empties", () => {
    const queue = new RunQueue();
    const model: Proc[] = [];
    let next = 0;
    // Keep ~3,000 queued while 20,000 pass through (forces compaction), then drain to empty.
    for (let step = 0; step < 20_000; step++) {
      const p = fake(next++);
      queue.push(p);
      model.push(p);
      if (step >= 3000) expect(queue.shift()).toBe(model.shift());
    }
    while (!queue.empty) expect(queue.shift()).toBe(model.shift());
    expect(model).toEqual([]);
    const again = fake(-1);
    queue.push(again);
    expect(queue.empty).toBe(false);
    expect(queue.shift()).toBe(again);
    expect(queue.empty).toBe(true);
  });

  it("is empty after clear", () => {
    const queue = new RunQueue();
    queue.push(fake(1));
    queue.clear();
    expect(queue.empty).toBe(true);
  });
});
