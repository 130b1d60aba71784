import { describe, expect, it } from "vitest";
import { runMain } from "../session/testing";

describe("module code", () => {
  it("runs in strict mode, as an ES module does: no accidental globals, no `this` in plain calls", async () => {
    const h = await runMain(
      [
        'import { log, spawn } from "otp";',
        "function whoIsThis(this: unknown) { return typeof this; }",
        "export function start() {",
        "  log(whoIsThis());",
        "  spawn(() => {",
        "    (globalThis as any).eval; // a global read is fine",
        "    // @ts-ignore: the mistake strict mode exists to catch",
        "    leaked = 1;",
        "  });",
        "}",
      ].join("\n"),
      { until: 10 },
    );
    expect(h.texts()).toEqual(["undefined"]);
    const crash = h.of("exit").find((e) => e.reason !== '"normal"');
    expect(crash?.reason).toContain("ReferenceError");
    expect((globalThis as Record<string, unknown>).leaked).toBeUndefined();
  });
});
