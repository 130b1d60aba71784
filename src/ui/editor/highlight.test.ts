import { describe, expect, it } from "vitest";
import { highlightLines } from "./highlight";

const kinds = (line: { kind: string; text: string }[]) => line.filter((t) => t.kind !== "plain").map((t) => `${t.kind}:${t.text}`);

describe("the plain code view's highlighter", () => {
  it("keeps every character, line by line", () => {
    const src = 'import { log } from "otp";\n\n/* two\nlines */ export const n = 42; // done\n';
    const lines = highlightLines(src);
    expect(lines.map((l) => l.map((t) => t.text).join("")).join("\n")).toBe(src);
  });

  it("colours keywords, strings, numbers and comments, and cuts a comment at its newlines", () => {
    const lines = highlightLines('const s = `a ${b}`; // c\n/* x\ny */ return 1.5;');
    expect(kinds(lines[0])).toEqual(["keyword:const", "string:`a ${b}`", "comment:// c"]);
    expect(kinds(lines[1])).toEqual(["comment:/* x"]);
    expect(kinds(lines[2])).toEqual(["comment:y */", "keyword:return", "number:1.5"]);
  });

  it("leaves identifiers that contain keywords plain", () => {
    expect(kinds(highlightLines("const important = returned;")[0])).toEqual(["keyword:const"]);
  });
});
