import { describe, expect, it } from "vitest";
import { clipValue } from "./LaneTrack";

describe("clipValue", () => {
  it("keeps a short value whole and never cuts inside a number", () => {
    expect(clipValue("42", 10)).toBe("42");
    expect(clipValue("{count: 13, step: 10}", 10)).toBe("{count: …");
    expect(clipValue("{count: 13, step: 10}", 13)).toBe("{count: 13, …");
    expect(clipValue("{n: 400}", 6)).toBe("{n: …");
    expect(clipValue("123456789012", 5)).toBe("…");
    expect(clipValue("abcdefghijkl", 5)).toBe("abcd…");
  });
});
