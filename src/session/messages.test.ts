import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

const pingPong = {
  "Main.ts": `
    import { spawn, send, receive, self, Process } from "otp";
    export function start() {
      const pong = spawn(async () => {
        const [, from] = await receive() as [string, ReturnType<typeof self>];
        send(from, "pong");
      });
      spawn(async () => {
        await Process.sleep(10);
        send(pong, ["ping", self()]);
        await receive();
        await Process.sleep(10);
        send(pong, "too late: pong has ended");
      });
    }`,
};

describe("send events (the message view)", () => {
  it("trace every message a process sends, and one to an ended process as dropped", async () => {
    const h = await runSnippet(pingPong, { until: 100, traceSends: true });
    const sends = h.of("send").map(({ t, msg, dropped }) => [t, msg, dropped ?? false]);
    expect(sends).toEqual([
      [10, '["ping", #PID<0.102.0>]', false],
      [10, '"pong"', false],
      [20, '"too late: pong has ended"', true],
    ]);
  });

  it("are off unless asked for, can be turned on mid-run, and stay on across Restart", async () => {
    const h = await runSnippet(pingPong, { until: 5 });
    h.session.setTraceSends(true);
    await h.advanceTo(100);
    expect(h.of("send")).toHaveLength(3);
    await h.session.restart(h.files);
    await h.advanceTo(h.now + 100);
    expect(h.of("send")).toHaveLength(6);
  });

  it("do not include the shell's own plumbing: evaluating in the console sends nothing", async () => {
    const h = await runSnippet({ "Main.ts": "export function start() {}" }, { until: 10, traceSends: true });
    await h.session.evaluate("1 + 1");
    await h.advanceBy(10);
    expect(h.of("send")).toEqual([]);
  });

  it("show a GenServer reply that came after the call gave up as dropped", async () => {
    const h = await runSnippet({
      "Slow.ts": `
        import { GenServer, Process } from "otp";
        export function init() { return ["ok", null]; }
        export async function handle_call(ms: number, _from: unknown, s: null) {
          await Process.sleep(ms);
          return ["reply", "done", s];
        }`,
      "Main.ts": `
        import { GenServer, log } from "otp";
        export async function start() {
          const [, pid] = await GenServer.start("Slow", null);
          try { await GenServer.call(pid, 50, 10); } catch (e) { log("gave up"); }
        }`,
    }, { until: 200, traceSends: true });
    expect(h.texts()).toEqual(["gave up"]);
    const reply = h.of("send").find((e) => e.msg.startsWith('["$reply"'));
    expect(reply).toMatchObject({ t: 50, dropped: true });
  });

  it("draw an EXIT or a DOWN as sent by the process whose exit made it", async () => {
    const h = await runSnippet({
      "Main.ts": `
        import { spawn, receive, self, exit, Process } from "otp";
        export function start() {
          const worker = spawn(async () => { await Process.sleep(10); exit("boom"); });
          spawn(async () => { Process.flag("trap_exit", true); Process.link(worker); await receive(); });
          spawn(async () => { Process.monitor(worker); await receive(); });
        }`,
    }, { until: 100, traceSends: true });
    const worker = "#PID<0.101.0>";
    expect(h.of("send").map(({ from, to, msg }) => [from, to, msg.slice(0, 7)])).toEqual([
      [worker, "#PID<0.102.0>", '["EXIT"'],
      [worker, "#PID<0.103.0>", '["DOWN"'],
    ]);
  });
});
