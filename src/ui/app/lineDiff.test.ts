import { describe, expect, it } from "vitest";
import { changedLines } from "./lineDiff";

describe("changedLines", () => {
  it("marks only the lines a patch changed", () => {
    expect(changedLines({ "A.ts": "a\nb\nc\nd" }, { "A.ts": "a\nB\nc\nd" })).toEqual({ file: "A.ts", lines: [2] });
  });
  it("marks added lines, not the ones that stayed around them", () => {
    expect(changedLines({ "A.ts": "a\nb\nc" }, { "A.ts": "a\nx\nb\ny\nc" })).toEqual({ file: "A.ts", lines: [2, 4] });
  });
  it("names the first changed file; a new file is all new", () => {
    expect(changedLines({ "A.ts": "a" }, { "A.ts": "a", "B.ts": "p\nq" })).toEqual({ file: "B.ts", lines: [1, 2] });
    expect(changedLines({ "A.ts": "a" }, { "A.ts": "a" })).toBeNull();
  });
  it("a deletion marks the line where it happened", () => {
    expect(changedLines({ "A.ts": "a\nb\nc" }, { "A.ts": "a\nc" })).toEqual({ file: "A.ts", lines: [2] });
  });
});
