import { describe, expect, it } from "vitest";
import { TimerQueue } from "./timers";


describe("TimerQueue", () => {
  it("fires timers by time, and timers due at the same ms in the order they were set", () => {
    const q = new TimerQueue();
    const fired: string[] = [];
    const add = (time: number, name: string) => q.add(time, () => fired.push(name));
    add(30, "c");
    add(10, "a1");
    add(20, "b");
    add(10, "a2");
    add(0, "zero");
    add(10, "a3");
    add(20, "b2");
    while (q.peek()) q.pop()!.fire();
    expect(fired).toEqual(["zero", "a1", "a2", "a3", "b", "b2", "c"]);
  });

  it("keeps the same-ms order across many timers added out of order", () => {
    const q = new TimerQueue();
    const fired: number[] = [];
    // 300 timers over 3 distinct times, each tagged by its insertion index.
    for (let i = 0; i < 300; i++) q.add([50, 10, 30][i % 3], () => fired.push(i));
    while (q.peek()) q.pop()!.fire();
    const expected = [1, 2, 0].flatMap((r) => Array.from({ length: 100 }, (_, k) => 3 * k + r));
    expect(fired).toEqual(expected);
  });

  it("skips cancelled timers when peeking", () => {
    const q = new TimerQueue();
    const fired: string[] = [];
    const a = q.add(5, () => fired.push("a"));
    q.add(5, () => fired.push("b"));
    const c = q.add(1, () => fired.push("c"));
    a.cancelled = true;
    c.cancelled = true;
    expect(q.peek()?.time).toBe(5);
    while (q.peek()) q.pop()!.fire();
    expect(fired).toEqual(["b"]);
    expect(q.peek()).toBeUndefined();
  });

  it("forgets everything on clear", () => {
    const q = new TimerQueue();
    q.add(1, () => {});
    q.add(2, () => {});
    expect(q.size).toBe(2);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peek()).toBeUndefined();
  });
});
