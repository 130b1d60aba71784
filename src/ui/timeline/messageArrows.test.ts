import { describe, expect, it } from "vitest";
import type { SentMessage } from "../store/model";
import { messagesInView } from "./MessageArrows";

const at = (...ts: number[]): SentMessage[] => ts.map((t, i) => ({ t, from: "a", to: "b", msg: String(i) }));

describe("messagesInView", () => {
  it("takes the messages sent within the window, ends included", () => {
    const { shown, total } = messagesInView(at(0, 5, 10, 10, 15, 20, 25), 10, 20);
    expect(shown.map((m) => m.t)).toEqual([10, 10, 15, 20]);
    expect(total).toBe(4);
  });

  it("keeps only the newest when the window holds more than it draws, and counts them all", () => {
    const { shown, total } = messagesInView(at(1, 2, 3, 4, 5, 6), 0, 100, 2);
    expect(shown.map((m) => m.t)).toEqual([5, 6]);
    expect(total).toBe(6);
  });

  it("is empty for a window with no messages", () => {
    expect(messagesInView(at(1, 2), 3, 9)).toEqual({ shown: [], total: 0 });
    expect(messagesInView([], 0, 9)).toEqual({ shown: [], total: 0 });
  });
});
