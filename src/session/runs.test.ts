import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

const loops = (version: string) => `
  import { Process } from "otp";
  import * as Me from "Loops";
  export const vsn = "${version}";
  export async function local_loop() { while (true) await Process.sleep(1000); }
  export async function hop_loop(): Promise<never> { await Process.sleep(1000); return Me.hop_loop(); }`;

describe("runs events (the version chip of a plain process)", () => {
  it("name the version a process's loop starts in, and each one it tail-calls into; a local loop stays put", async () => {
    const files = {
      "Loops.ts": loops("a"),
      "Main.ts": `
        import { spawn } from "otp";
        import * as Loops from "Loops";
        export function start() { spawn(() => Loops.local_loop()); spawn(() => Loops.hop_loop()); }`,
    };
    const h = await runSnippet(files, { until: 1500 });
    await h.session.recompile({ ...files, "Loops.ts": loops("b") });
    await h.advanceTo(4000);
    const runs = h.of("runs").map(({ t, pid, vsn }) => [t, pid, vsn]);
    expect(runs).toEqual([
      [0, "#PID<0.101.0>", "a"],
      [0, "#PID<0.102.0>", "a"],
      [2000, "#PID<0.102.0>", "b"],
    ]);
  });
});
