import { describe, expect, it } from "vitest";
import type { ScriptStep } from "../../share/snippetTypes";
import { filesFromScript } from "./scriptEdits";

const start = { "A.ts": "let n = 1;\n", "Main.ts": "main\n" };
const script: ScriptStep[] = [
  { at: 3000, patch: [{ file: "A.ts", find: "n = 2", replace: "n = 3" }], action: "recompile" },
  { at: 1000, patch: [{ file: "A.ts", find: "n = 1", replace: "n = 2" }], action: "recompile" },
  { at: 2000, say: "no edit here" },
];

describe("filesFromScript", () => {
  it("accepts the files the script's next step makes, derived by the page", () => {
    const r = filesFromScript(script, { files: start, nextStep: 0 }, { ...start, "A.ts": "let n = 2;\n" });
    expect(r?.files).toEqual({ ...start, "A.ts": "let n = 2;\n" });
    expect(r?.nextStep).toBe(1);
  });

  it("plays steps in time order and accepts several steps played in one go", () => {
    const r = filesFromScript(script, { files: start, nextStep: 0 }, { ...start, "A.ts": "let n = 3;\n" });
    expect(r?.files["A.ts"]).toBe("let n = 3;\n");
    expect(r?.nextStep).toBe(3);
  });

  it("refuses files no step of the script makes: a worker cannot put its own text in the draft", () => {
    expect(filesFromScript(script, { files: start, nextStep: 0 }, { ...start, "Evil.ts": "x" })).toBeNull();
    expect(filesFromScript(script, { files: start, nextStep: 0 }, { ...start, "Main.ts": "main\n// appended by a link\n" })).toBeNull();
    expect(filesFromScript(undefined, { files: start, nextStep: 0 }, start)).toBeNull();
  });

  it("does not replay a step already played", () => {
    const after = { ...start, "A.ts": "let n = 2;\n" };
    expect(filesFromScript(script, { files: after, nextStep: 1 }, after)).toBeNull();
  });

  it("the returned files are the page's own objects, not the claim", () => {
    const claim = { ...start, "A.ts": "let n = 2;\n" };
    const r = filesFromScript(script, { files: start, nextStep: 0 }, claim);
    expect(r?.files).not.toBe(claim);
  });
});
