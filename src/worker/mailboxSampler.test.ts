import { describe, expect, it } from "vitest";
import type { MailboxEvent } from "../runtime/events";
import { MailboxSampler } from "./mailboxSampler";

function sampler() {
  const out: MailboxEvent[] = [];
  return { s: new MailboxSampler((e) => out.push(e)), out };
}

describe("MailboxSampler", () => {
  it("emits nothing for a message taken in the ms it arrived", () => {
    const { s, out } = sampler();
    s.note("p", 1, 5);
    s.note("p", 0, 5);
    s.flush(Infinity);
    expect(out).toEqual([]);
  });

  it("emits the length at the end of each ms in which it changed", () => {
    const { s, out } = sampler();
    s.note("p", 1, 5);
    s.note("p", 2, 5);
    s.note("p", 1, 7);
    s.note("p", 1, 8);
    s.note("p", 0, 9);
    s.flush(Infinity);
    expect(out.map((e) => [e.t, e.length])).toEqual([[5, 2], [7, 1], [9, 0]]);
  });

  it("holds back the ms still under way: where a tick ends does not change the events", () => {
    const { s, out } = sampler();
    s.note("p", 1, 5);
    s.flush(5);
    expect(out).toEqual([]);
    s.note("p", 0, 5);
    s.flush(6);
    expect(out).toEqual([]);
    s.note("p", 2, 7);
    s.flush(8);
    expect(out).toEqual([{ t: 7, type: "mailbox", pid: "p", length: 2 }]);
  });

  it("keeps processes apart and forgets a dead one", () => {
    const { s, out } = sampler();
    s.note("a", 3, 1);
    s.note("b", 1, 1);
    s.forget("b");
    s.flush(Infinity);
    expect(out).toEqual([{ t: 1, type: "mailbox", pid: "a", length: 3 }]);
    s.note("b", 0, 2);
    s.flush(Infinity);
    expect(out).toHaveLength(1);
  });
});
