import { describe, expect, it } from "vitest";
import { Mailbox } from "./mailbox";

function boxOf(...msgs: unknown[]): Mailbox {
  const box = new Mailbox();
  for (const m of msgs) box.push(m);
  return box;
}

describe("Mailbox", () => {
  it("hands out messages oldest first", () => {
    const box = boxOf("a", "b", "c");
    expect(box.take(0)).toBe("a");
    expect(box.take(0)).toBe("b");
    box.push("d");
    expect(box.toArray()).toEqual(["c", "d"]);
    expect(box.length).toBe(2);
  });

  it("takes a message from the middle and keeps the others in order", () => {
    const box = boxOf(1, 2, 3, 4, 5);
    expect(box.take(2)).toBe(3);
    expect(box.toArray()).toEqual([1, 2, 4, 5]);
    expect(box.take(3)).toBe(5);
    expect(box.toArray()).toEqual([1, 2, 4]);
    expect(box.at(0)).toBe(1);
    expect(box.at(2)).toBe(4);
  });

  it("keeps order when selective takes and oldest-first takes interleave past compaction", () => {
    const box = new Mailbox();
    const model: number[] = [];
    for (let i = 0; i < 500; i++) {
      box.push(i);
      model.push(i);
    }
    // Take from the front, from the middle and from the back in a fixed pattern.
    for (let k = 0; k < 300; k++) {
      const i = k % 3 === 0 ? 0 : k % 3 === 1 ? Math.floor(model.length / 2) : model.length - 1;
      expect(box.take(i)).toBe(model[i]);
      model.splice(i, 1);
      if (k % 7 === 0) {
        box.push(1000 + k);
        model.push(1000 + k);
      }
    }
    expect(box.length).toBe(model.length);
    expect(box.toArray()).toEqual(model);
    for (let i = 0; i < model.length; i++) expect(box.at(i)).toBe(model[i]);
  });

  it("is empty after clear and after taking everything", () => {
    const box = boxOf("x", "y");
    box.take(0);
    box.take(0);
    expect(box.length).toBe(0);
    box.push("z");
    expect(box.toArray()).toEqual(["z"]);
    box.clear();
    expect(box.length).toBe(0);
    expect(box.toArray()).toEqual([]);
  });

  it("keeps order after a burst is drained and traffic goes one message at a time", () => {
    const box = new Mailbox();
    for (let i = 0; i < 5000; i++) box.push(i);
    for (let i = 0; i < 5000; i++) expect(box.take(0)).toBe(i);
    expect(box.length).toBe(0);
    for (let i = 0; i < 100; i++) {
      box.push(`m${i}`);
      expect(box.length).toBe(1);
      expect(box.take(0)).toBe(`m${i}`);
    }
    box.push("a");
    box.push("b");
    expect(box.take(1)).toBe("b");
    expect(box.toArray()).toEqual(["a"]);
  });
});
