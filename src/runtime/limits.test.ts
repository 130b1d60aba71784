import { describe, expect, it } from "vitest";
import { Harness, runMain } from "../session/testing";
import { LOG_LINE_MAX, MAILBOX_MAX } from "./limits";

const HEADER = `import { spawn, send, receive, self, log, Process } from "otp";\n`;
const run = (body: string, until = 10, options = {}) => runMain(HEADER + body, { until, ...options });

describe("the runtime's bounds", () => {
  it("kills a process whose mailbox passes the bound, after one warning, and says why", async () => {
    const h = await run(`
      export function start() {
        const sink = spawn(async () => { await Process.sleep(1_000_000); });
        spawn(() => { for (let i = 0; i <= ${MAILBOX_MAX}; i++) send(sink, i); log("sender done"); });
      }`);
    expect(h.of("warning").map((w) => w.text)).toEqual([
      "100,000 messages are waiting in its mailbox, unread; at 2 million it is killed (as the BEAM's max_heap_size would)",
    ]);
    expect(h.exits(true).join("\n")).toContain('["killed", "max_heap_size: more than 2 million messages waiting in its mailbox"]');
    expect(h.texts()).toEqual(["sender done"]);
  });

  it("kills a process that floods timers, after one warning", async () => {
    const h = await run(`
      export function start() {
        spawn(() => { for (;;) Process.send_after(self(), "tick", 60_000); });
      }`, 10, { maxTimers: 50_000 });
    expect(h.of("warning").map((w) => w.text)).toEqual([
      "5,000 timers from Process.send_after are pending; past 50,000 the process is killed (as the BEAM's max_heap_size would)",
    ]);
    expect(h.exits(true).join("\n")).toContain("max_heap_size: more than 50,000 timers pending from Process.send_after");
  });

  it("cuts a log line past the bound and says how long it was", async () => {
    const h = await run(`export function start() { log("z".repeat(3_000_000)); }`);
    const [text] = h.texts();
    expect(text.length).toBeLessThan(LOG_LINE_MAX + 200);
    expect(text.endsWith("… [cut: the line was 3 million characters; a log line keeps the first 10,000]")).toBe(true);
  });

  it("warns once when processes run without end at one virtual ms, and time is stuck", async () => {
    const h = new Harness({}, { maxTurnsPerMs: 20_000 });
    await h.session.start({ main: "Main", files: { "Main.ts": HEADER + `
      async function pong() { for (;;) { const [from, n] = await receive(); send(from, n + 1); } }
      export function start() {
        const p = spawn(pong);
        spawn(async () => { send(p, [self(), 0]); for (;;) { const n = await receive(); send(p, [self(), n]); } });
      }` } });
    // (Sliced, as the app advances: without a halt the ping-pong never ends.)
    for (let i = 0; i < 20 && !h.of("warning").length; i++) await h.session.advance(0, 50);
    const warnings = h.of("warning");
    expect(warnings.map((w) => w.text)).toEqual([
      "virtual time is stuck at 0 ms: processes ran 20,000 turns without any of them waiting for time (a livelock: messages going round forever, or spawning without end)",
    ]);
  });

  it("halts at that very event when the host asks (the CLI), the same on every run", async () => {
    const snippet = `
      function bomb() { spawn(bomb); spawn(bomb); }
      export function start() { spawn(bomb); }`;
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const h = await run(snippet, 0, { maxProcesses: 5_000, haltOnTrouble: true });
      runs.push(h.events.length);
      expect(h.session.halted).toBe("the snippet reached the process limit (5,000 processes)");
      expect(h.of("warning").at(-1)?.text).toBe("stopped: the snippet reached the process limit (5,000 processes)");
    }
    expect(runs[0]).toBe(runs[1]);
  });

  it("halts when user code runs outside a process (a microtask chain), when the host asks", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const h = await run(`
        export function start() {
          const f = (): Promise<unknown> => Promise.resolve().then(f);
          f();
          spawn(async () => { await Process.sleep(5); log("never"); });
        }`, 10, { haltOnTrouble: true });
      expect(h.session.halted).toMatch(/^user code cannot run outside a process: a Promise callback/);
      expect(h.of("warning").map((w) => w.text)).toEqual([`stopped: ${h.session.halted}`]);
      expect(h.texts()).toEqual([]);
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 0));
      process.off("unhandledRejection", onRejection);
    }
  });
});

describe("the mailbox's size bound", () => {
  it("kills a process whose unread messages are big long before two million of them", async () => {
    const h = await run(`
      export function start() {
        const sink = spawn(async () => { await Process.sleep(1_000_000); });
        spawn(() => { for (let i = 0; i < 300_000; i++) send(sink, ["junk", "x".repeat(1000)]); log("sender done"); });
      }`);
    expect(h.exits(true).join("\n")).toContain("max_heap_size: its mailbox holds about 275 MB of unread messages (140,000 of them); the bound is 256 MB");
  });
});
