import { describe, expect, it } from "vitest";
import type { SentMessage } from "../store/model";
import { messagesOf } from "./processMessages";

const send = (t: number, from: string, to: string): SentMessage => ({ t, from, to, msg: `${from}>${to}` });

describe("messagesOf", () => {
  it("lists what a process sent and received, newest first, at most max", () => {
    const sends = [send(1, "a", "b"), send(2, "b", "c"), send(3, "c", "a"), send(4, "a", "a"), send(5, "b", "c")];
    expect(messagesOf(sends, "a", 10).map((m) => m.t)).toEqual([4, 3, 1]);
    expect(messagesOf(sends, "a", 2).map((m) => m.t)).toEqual([4, 3]);
    expect(messagesOf(sends, "z", 10)).toEqual([]);
  });
});
