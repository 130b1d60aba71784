import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

const COUNTER = `
import { GenServer, Process, self, log } from "otp";
export function start_link(_a: unknown) { return GenServer.start_link(__MODULE__, null, { name: "counter" }); }
export function init(_a: unknown) { Process.send_after(self(), "tick", 100); return ["ok", 1]; }
export function handle_info(msg: unknown, n: number) {
  if (msg === "tick") { Process.send_after(self(), "tick", 100); return ["noreply", n + 1]; }
  log("got", msg);
  return ["noreply", n];
}
`;
const MAIN = `
import { Supervisor } from "otp";
export function start() { return Supervisor.start_link(["Counter"], { strategy: "one_for_one" }); }
`;
const files = { "Counter.ts": COUNTER, "Main.ts": MAIN };

describe("poking a process from outside", () => {
  it("kills the counter with an exit signal from the shell; the supervisor starts a new one", async () => {
    const h = await runSnippet(files, { until: 250 });
    const before = String(await h.eval(`Process.whereis("counter")`));
    expect(await h.session.poke({ process: "counter", do: "exit", term: `"kill"` })).toEqual({ ok: true });
    await h.advanceBy(0);
    expect(h.of("poke")).toMatchObject([{ t: 250, pid: before, what: "exit", term: '"kill"', by: "console" }]);
    expect(h.exitReason(before)).toBe('"killed"');
    const after = String(await h.eval(`Process.whereis("counter")`));
    expect(after).not.toBe(before);
  });

  it("sends a message the handler sees, evaluating the term first", async () => {
    const h = await runSnippet(files, { until: 150 });
    await h.session.poke({ process: "counter", do: "send", term: `["hello", 1 + 1]` });
    await h.advanceBy(0);
    expect(h.texts()).toContain('got ["hello", 2]');
  });

  it("suspends and resumes, reads and replaces the state through sys", async () => {
    const h = await runSnippet(files, { until: 150 });
    const pid = String(await h.eval(`Process.whereis("counter")`));
    await h.session.poke({ process: pid, do: "suspend" });
    await h.advanceTo(450);
    expect(h.of("suspend").map((e) => e.pid)).toEqual([pid]);
    const frozen = h.states(pid).at(-1);
    await h.session.poke({ process: pid, do: "replace_state", term: "100" });
    await h.session.poke({ process: pid, do: "resume" });
    await h.session.poke({ process: pid, do: "get_state" });
    await h.advanceBy(0);
    // Suspended at 2 (the ticks wait in the mailbox); replaced by 100; resumed, the held tick makes 101.
    expect(frozen).toBe("2");
    expect(h.states(pid).slice(-2)).toEqual(["100", "101"]);
    expect(h.texts().at(-1)).toBe("101");
  });

  it("crashes the next callback instead of running it, and says so in the reason", async () => {
    const h = await runSnippet(files, { until: 150 });
    const pid = String(await h.eval(`Process.whereis("counter")`));
    await h.session.poke({ process: "counter", do: "crash_next" });
    await h.advanceTo(200);
    expect(h.exitReason(pid)).toMatch(/RuntimeError\{message: "crash injected from outside: handle_info did not run"/);
  });

  it("refuses a sys request to a plain process and a poke at a dead one, in words", async () => {
    const h = await runSnippet(files, { until: 10 });
    expect(await h.session.poke({ process: "#PID<0.999.0>", do: "exit", term: `"kill"` })).toMatchObject({ ok: false, error: expect.stringMatching(/no live process/) });
    const shell = h.of("spawn").find((e) => e.kind === "shell")!.pid;
    expect(await h.session.poke({ process: shell, do: "get_state" })).toMatchObject({ ok: false, error: expect.stringMatching(/plain process/) });
  });

  it("a script step pokes at its time, and says so as coming from the script", async () => {
    const h = await runSnippet(files, { until: 400, script: [{ at: 300, poke: { process: "counter", do: "exit", term: `"boom"` } }] });
    expect(h.of("poke")).toMatchObject([{ t: 300, what: "exit", term: '"boom"', by: "script" }]);
    expect(h.exits(true).some((x) => x.endsWith('"boom"'))).toBe(true);
  });
});
