import { describe, expect, it } from "vitest";
import { runSnippet } from "../../session/testing";

const IMPORTS = `import { GenServer, Process, self, log, inspect, spawn, send, receive, exit, ExitError, TIMEOUT } from "otp";\n`;

/** Runs a server module `Srv.ts` and a driver `Main.ts` (both get the otp imports). */
const run = (srv: string, main: string, until = 5000) =>
  runSnippet({ "Srv.ts": IMPORTS + srv, "Main.ts": IMPORTS + main }, { until });

describe("GenServer init returns", () => {
  it("['ok', s]: the starter gets ['ok', pid] and the server holds s", async () => {
    const h = await run(
      `export function init(arg: number) { return ["ok", { n: arg }]; }
       export function handle_call(_r: unknown, _f: unknown, s: unknown) { return ["reply", s, s]; }`,
      `export async function start() {
         const r = await GenServer.start("Srv", 5);
         log(r[0], inspect(r[1]) === inspect(Process.whereis("x") ?? r[1]), await GenServer.call(r[1], "get"));
       }`,
    );
    expect(h.texts()).toEqual(["ok true {n: 5}"]);
    expect(h.of("spawn").find((e) => e.module === "Srv")?.kind).toBe("gen_server");
  });

  it("['ok', s, ms]: handle_info('timeout') runs after ms when no message comes", async () => {
    const h = await run(
      `export function init() { return ["ok", 0, 100]; }
       export function handle_info(m: unknown, s: number) { log("info", inspect(m), s); return ["noreply", s + 1]; }`,
      `export async function start() { await GenServer.start("Srv", null); }`,
    );
    expect(h.logs()).toEqual(['100 info "timeout" 0']);
  });

  it("['ok', s, ms]: a message before ms cancels the timeout", async () => {
    const h = await run(
      `export function init() { Process.send_after(self(), "early", 50); return ["ok", 0, 100]; }
       export function handle_info(m: unknown, s: number) { log("info", inspect(m)); return ["noreply", s]; }`,
      `export async function start() { await GenServer.start("Srv", null); }`,
    );
    expect(h.logs()).toEqual(['50 info "early"']);
  });

  it("['ok', s, ['continue', x]]: handle_continue runs before any message", async () => {
    const h = await run(
      `export function init() { Process.send(self(), "msg"); return ["ok", 1, ["continue", "warm"]]; }
       export function handle_continue(x: string, s: number) { log("continue", x, s); return ["noreply", s + 1]; }
       export function handle_info(m: string, s: number) { log("info", m, s); return ["noreply", s]; }`,
      `export async function start() { await GenServer.start("Srv", null); }`,
    );
    expect(h.texts()).toEqual(["continue warm 1", "info msg 2"]);
  });

  it("['stop', r]: the starter gets ['error', r] and the server exits with r", async () => {
    const h = await run(
      `export function init() { return ["stop", "no_way"]; }`,
      `export async function start() { log(inspect(await GenServer.start("Srv", null))); }`,
    );
    expect(h.texts()).toEqual(['["error", "no_way"]']);
    expect(h.exits(true)).toEqual([expect.stringMatching(/^0 #PID<0\.\d+\.0> "no_way"$/)]);
  });

  it("'ignore': the starter gets 'ignore' and the server exits normally", async () => {
    const h = await run(
      `export function init() { return "ignore"; }`,
      `export async function start() { log(inspect(await GenServer.start("Srv", null))); }`,
    );
    expect(h.texts()).toEqual(['"ignore"']);
    const server = h.of("spawn").find((e) => e.module === "Srv")!.pid;
    expect(h.exitReason(server)).toBe('"normal"');
  });

  it("anything else: the starter gets ['error', ['bad_return_value', v]]", async () => {
    const h = await run(
      `export function init() { return ["okay", 1]; }`,
      `export async function start() { log(inspect(await GenServer.start("Srv", null))); }`,
    );
    expect(h.texts()).toEqual(['["error", ["bad_return_value", ["okay", 1]]]']);
  });

  it("a throw: the starter gets ['error', [error, stacktrace]]", async () => {
    const h = await run(
      `export function init() { throw new RangeError("nope"); }`,
      `export async function start() { log(inspect(await GenServer.start("Srv", null))); }`,
    );
    expect(h.texts()[0]).toMatch(/^\["error", \[%RangeError\{message: "nope"\}, #Stacktrace<Srv.ts:2>\]\]$/);
  });

  it("['stop', r] from start_link also takes down a starter that does not trap exits", async () => {
    const h = await run(
      `export function init() { return ["stop", "no_way"]; }`,
      `export function start() {
         spawn(async () => { log("starter"); const r = await GenServer.start_link("Srv", null); log("returned", inspect(r)); });
         spawn(async () => { Process.flag("trap_exit", true); log("trapper"); const r = await GenServer.start_link("Srv", null); log("returned", inspect(r)); });
       }`,
    );
    expect(h.exitReason(h.pidOfLog(/^starter$/))).toBe('"no_way"');
    expect(h.texts()).toContain('returned ["error", "no_way"]');
    expect(h.texts().filter((t) => t.startsWith("returned"))).toHaveLength(1);
  });
});

describe("GenServer handle_call", () => {
  const srv = `
    export function init() { return ["ok", 7]; }
    export function handle_call(req: string, from: unknown, s: number) {
      if (req === "get") return ["reply", s, s];
      if (req === "later") { Process.send_after(self(), ["answer", from], 200); return ["noreply", s]; }
      if (req === "quit") return ["stop", "done", "bye", s + 1];
      if (req === "silent") return ["noreply", s];
      if (req === "crash") throw new Error("crashed in call");
      return ["reply", ["unknown", req], s];
    }
    export function handle_info([, from]: [string, unknown], s: number) { GenServer.reply(from, "late answer"); return ["noreply", s]; }
    export function terminate(reason: unknown, s: number) { log("terminate", inspect(reason), s); }`;

  it("replies with ['reply', r, s], later with GenServer.reply after ['noreply', s], and stops with ['stop', reason, r, s]", async () => {
    const h = await run(
      srv,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null);
         log("get", await GenServer.call(pid, "get"));
         log("later", await GenServer.call(pid, "later"));
         log("quit", await GenServer.call(pid, "quit"));
         await Process.sleep(1);
         log("alive", Process.alive(pid));
       }`,
    );
    expect(h.logs()).toEqual(["0 get 7", "200 later late answer", "200 terminate \"done\" 8", "200 quit bye", "201 alive false"]);
    const server = h.of("spawn").find((e) => e.module === "Srv")!.pid;
    expect(h.exitReason(server)).toBe('"done"');
  });

  it("exits the caller with ['timeout', ['GenServer', 'call', [server, request, timeout]]] and drops the late reply", async () => {
    const h = await run(
      srv,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null, { name: "srv" });
         try { await GenServer.call("srv", "later", 100); } catch (e) { log(e instanceof ExitError, inspect(e.reason)); }
         await Process.sleep(300);
         log("mailbox", Process.info(self()).message_queue_len);
         log("server alive", Process.alive(pid));
       }`,
    );
    expect(h.logs()).toEqual(['100 true ["timeout", ["GenServer", "call", ["srv", "later", 100]]]', "400 mailbox 0", "400 server alive true"]);
  });

  it("ends an uncaught call timeout the caller's life with that reason", async () => {
    const h = await run(
      srv,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null);
         spawn(async () => { log("caller"); await GenServer.call(pid, "silent", 50); });
       }`,
    );
    expect(h.exitReason(h.pidOfLog(/^caller$/))).toMatch(/^\["timeout", \["GenServer", "call", \[#PID<0\.\d+\.0>, "silent", 50\]\]\]$/);
  });

  it("exits the caller with noproc for a dead server, and with the server's reason when it dies in the call", async () => {
    const h = await run(
      srv,
      `export async function start() {
         try { await GenServer.call("nobody", "get"); } catch (e) { log(inspect(e.reason)); }
         const [, pid] = await GenServer.start("Srv", null);
         try { await GenServer.call(pid, "crash"); } catch (e) { log(inspect(e.reason[0][0]), inspect(e.reason[1])); }
       }`,
    );
    const lines = h.texts().filter((t) => !t.startsWith("terminate"));
    expect(lines[0]).toBe('["noproc", ["GenServer", "call", ["nobody", "get", 5000]]]');
    expect(lines[1]).toMatch(/^%Error\{message: "crashed in call"\} \["GenServer", "call", \[#PID<0\.\d+\.0>, "crash", 5000\]\]$/);
  });
});

describe("GenServer.call to itself", () => {
  it("exits the caller with calling_self instead of deadlocking", async () => {
    const h = await run(
      `export function init() { return ["ok", 0]; }
       export async function handle_call(r: string, _f: unknown, s: number) {
         if (r === "self") { try { await GenServer.call(self(), "x"); } catch (e) { log(inspect(e.reason)); } }
         return ["reply", "done", s];
       }`,
      `export async function start() { const [, p] = await GenServer.start("Srv", null); log(await GenServer.call(p, "self")); }`,
    );
    expect(h.texts()).toEqual([expect.stringMatching(/^\["calling_self", \["GenServer", "call", \[#PID<0\.\d+\.0>, "x", 5000\]\]\]$/), "done"]);
  });
});

describe("GenServer handle_cast and handle_info", () => {
  it("runs terminate(reason, state) when handle_cast returns ['stop', reason, s]", async () => {
    const h = await run(
      `export function init() { return ["ok", 1]; }
       export function handle_cast(m: [string, string], s: number) { return m[0] === "stop" ? ["stop", m[1], s + 10] : ["noreply", s + 1]; }
       export function terminate(reason: unknown, s: number) { log("terminate", inspect(reason), s); }`,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null);
         log(GenServer.cast(pid, ["inc"]));
         GenServer.cast(pid, ["stop", "enough"]);
       }`,
    );
    expect(h.texts()).toEqual(["ok", 'terminate "enough" 12']);
    const server = h.of("spawn").find((e) => e.module === "Srv")!.pid;
    expect(h.exitReason(server)).toBe('"enough"');
  });

  it("re-arms a timeout returned as ['noreply', s, ms]", async () => {
    const h = await run(
      `export function init() { return ["ok", 0, 100]; }
       export function handle_info(m: unknown, s: number) { log(inspect(m), s); return s < 2 ? ["noreply", s + 1, 50] : ["noreply", s]; }`,
      `export async function start() { await GenServer.start("Srv", null); }`,
    );
    expect(h.logs()).toEqual(['100 "timeout" 0', '150 "timeout" 1', '200 "timeout" 2']);
  });

  it("stops with ['bad_return_value', v] when a callback returns something else", async () => {
    const h = await run(
      `export function init() { return ["ok", 0]; }
       export function handle_info() { return "whatever"; }`,
      `export async function start() { const [, pid] = await GenServer.start("Srv", null); send(pid, "x"); }`,
    );
    expect(h.exits(true)).toEqual([expect.stringMatching(/^0 #PID<0\.\d+\.0> \["bad_return_value", "whatever"\]$/)]);
  });

  it("calls terminate when a trapping server's parent exits", async () => {
    const h = await run(
      `export function init() { Process.flag("trap_exit", true); return ["ok", "s"]; }
       export function terminate(reason: unknown, s: unknown) { log("terminate", inspect(reason), s); }`,
      `export function start() {
         spawn(async () => { await GenServer.start_link("Srv", null); await Process.sleep(100); exit("parent gone"); });
       }`,
    );
    expect(h.logs()).toEqual(['100 terminate "parent gone" s']);
  });
});

describe("missing callbacks behave like `use GenServer`'s defaults", () => {
  it("ignores a message when handle_info is missing and keeps the state", async () => {
    const h = await run(
      `export function init() { return ["ok", 3]; }
       export function handle_call(_r: unknown, _f: unknown, s: number) { return ["reply", s, s]; }`,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null);
         send(pid, "unexpected");
         log("state", await GenServer.call(pid, "get"));
       }`,
    );
    expect(h.texts()).toEqual(["state 3"]);
    expect(h.exits(true)).toEqual([]);
  });

  it("crashes the server with a RuntimeError when it is called without handle_call", async () => {
    // Elixir's default handle_call/3 raises "attempted to call GenServer ... but no handle_call/3 clause was provided".
    const h = await run(
      `export function init() { return ["ok", 3]; }`,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null, { name: "srv" });
         try { await GenServer.call(pid, "get"); } catch (e) { log(inspect(e.reason[0][0])); }
       }`,
    );
    expect(h.texts()).toEqual(['%RuntimeError{message: "attempted to call GenServer \\"srv\\" but no handle_call/3 clause was provided"}']);
  });

  it("crashes the server with a RuntimeError when it is cast to without handle_cast", async () => {
    const h = await run(
      `export function init() { return ["ok", 3]; }`,
      `export async function start() { const [, pid] = await GenServer.start("Srv", null); GenServer.cast(pid, "hi"); }`,
    );
    const exit = h.exits(true)[0];
    expect(exit).toMatch(/^0 (#PID<0\.\d+\.0>) \[%RuntimeError\{message: "attempted to cast GenServer (#PID<0\.\d+\.0>) but no handle_cast\/2 clause was provided"\}, #Stacktrace<.*>\]$/);
    const [, dead, named] = /^0 (\S+) .*GenServer (#PID<[^>]+>)/.exec(exit)!;
    expect(named).toBe(dead);
  });

  it("stops without a terminate callback, and crashes on ['continue', x] without handle_continue", async () => {
    const h = await run(
      `export function init(mode: string) { return mode === "cont" ? ["ok", 0, ["continue", 1]] : ["ok", 0]; }`,
      `export async function start() {
         const [, a] = await GenServer.start("Srv", "plain");
         log(await GenServer.stop(a));
         const [, b] = await GenServer.start("Srv", "cont");
       }`,
    );
    expect(h.texts()).toEqual(["ok"]);
    expect(h.exits(true)).toEqual([expect.stringContaining('%UndefinedFunctionError{message: "function Srv.handle_continue/2 is undefined or private"}')]);
  });
});

describe("GenServer.stop", () => {
  const srv = `
    export function init() { return ["ok", "s"]; }
    export function terminate(reason: unknown, s: unknown) { log("terminate", inspect(reason), s); }`;

  it("stops with 'normal' by default or the given reason, calling terminate, and returns 'ok'", async () => {
    const h = await run(
      srv,
      `export async function start() {
         const [, a] = await GenServer.start("Srv", null);
         const [, b] = await GenServer.start("Srv", null);
         log("a", await GenServer.stop(a));
         log("b", await GenServer.stop(b, "custom"));
         log(Process.alive(a), Process.alive(b));
       }`,
    );
    expect(h.texts()).toEqual(['terminate "normal" s', "a ok", 'terminate "custom" s', "b ok", "false false"]);
  });

  it("exits the caller with noproc when the server is not there", async () => {
    const h = await run(
      srv,
      `export async function start() {
         try { await GenServer.stop("ghost"); } catch (e) { log(inspect(e.reason)); }
       }`,
    );
    expect(h.texts()[0]).toMatch(/^\["noproc", \["GenServer", "stop", \["ghost", /);
  });
});

describe("callbacks that return a Promise", () => {
  it("are waited for, whether the function is plain or async, and a rejection is a crash", async () => {
    const h = await run(
      `export function init() { return Promise.resolve(["ok", 1]); }
       export function handle_call(r: string, _f: unknown, s: number) {
         return r === "fail" ? Promise.reject(new Error("rejected")) : Promise.resolve(["reply", s + 41, s]);
       }
       export async function handle_cast(_m: unknown, s: number) { return Promise.resolve(["noreply", s + 1]); }`,
      `export async function start() {
         const r = await GenServer.start("Srv", null);
         log(r[0]);
         log(await GenServer.call(r[1], "x"));
         GenServer.cast(r[1], "y");
         log(await GenServer.call(r[1], "x"));
         try { await GenServer.call(r[1], "fail"); } catch (e) { log(inspect(e.reason[0][0])); }
       }`,
      0,
    );
    for (let t = 1; t <= 5; t++) await h.advanceTo(t); // a native Promise settles outside virtual time
    expect(h.texts()).toEqual(["ok", "42", "43", '%Error{message: "rejected"}']);
  });
});

describe("GenServer names", () => {
  it("registers opts.name, answers calls by name, and refuses a second start with already_started", async () => {
    const h = await run(
      `export function init(n: number) { return ["ok", n]; }
       export function handle_call(_r: unknown, _f: unknown, s: number) { return ["reply", s, s]; }`,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", 1, { name: "srv" });
         log(Process.whereis("srv") === pid, await GenServer.call("srv", "get"));
         const again = await GenServer.start("Srv", 2, { name: "srv" });
         log(again[0], again[1][0], again[1][1] === pid);
         log(await GenServer.call("srv", "get"));
       }`,
    );
    expect(h.texts()).toEqual(["true 1", "error already_started true", "1"]);
    expect(h.of("register").map((e) => e.name)).toEqual(["srv"]);
  });
});

describe("state events", () => {
  it("are emitted after init and after each callback that changed the state, and only then", async () => {
    const h = await run(
      `export function init() { return ["ok", { n: 0 }]; }
       export function handle_info(m: string, s: { n: number }) { return ["noreply", m === "inc" ? { n: s.n + 1 } : { ...s }]; }
       export function handle_call(_r: unknown, _f: unknown, s: unknown) { return ["reply", "ok", s]; }`,
      `export async function start() {
         const [, pid] = await GenServer.start("Srv", null);
         for (const m of ["same", "inc", "same", "same", "inc"]) { send(pid, m); await Process.sleep(10); }
         await GenServer.call(pid, "touch");
       }`,
    );
    const server = h.of("spawn").find((e) => e.module === "Srv")!.pid;
    expect(h.of("state").filter((e) => e.pid === server).map((e) => `${e.t} ${e.state}`)).toEqual(["0 {n: 0}", "10 {n: 1}", "40 {n: 2}"]);
  });
});

describe("as OTP's gen_server does it (checked on OTP 25)", () => {
  it("GenServer.stop with a compound reason answers 'ok': the reason the server ended with is compared by value", async () => {
    const h = await run(
      `export function init() { return ["ok", "s"]; }
       export function terminate(reason: unknown) { log("terminate", inspect(reason)); }`,
      `export async function start() {
         const [, a] = await GenServer.start("Srv", null);
         const [, b] = await GenServer.start("Srv", null);
         log("a", await GenServer.stop(a, ["shutdown", "bye"]));
         log("b", await GenServer.stop(b, { why: [1, 2] }));
       }`,
    );
    expect(h.texts()).toEqual(['terminate ["shutdown", "bye"]', "a ok", "terminate {why: [1, 2]}", "b ok"]);
  });

  it("['stop', reason, reply, s] from handle_call runs terminate first and only then sends the reply, even when terminate crashes", async () => {
    const h = await run(
      `export function init(mode: string) { return ["ok", mode]; }
       export function handle_call(_r: unknown, _f: unknown, s: string) { return ["stop", "normal", "bye", s]; }
       export async function terminate(_r: unknown, s: string) {
         if (s === "crash") throw new Error("terminate failed");
         await Process.sleep(100);
         log("terminate done");
       }`,
      `export async function start() {
         const [, a] = await GenServer.start("Srv", "slow");
         log("reply", await GenServer.call(a, "quit"));
         const [, b] = await GenServer.start("Srv", "crash");
         log("reply", await GenServer.call(b, "quit"));
       }`,
    );
    expect(h.logs()).toEqual(["100 terminate done", "100 reply bye", "100 reply bye"]);
    const servers = h.of("spawn").filter((e) => e.module === "Srv").map((e) => e.pid);
    expect(h.exitReason(servers[1])).toMatch(/^\[%Error\{message: "terminate failed"\}, #Stacktrace<Srv.ts:\d+>\]$/);
  });

  it("takes a thrown value that is not an Error as the callback's return (Erlang's throw), and a bad one as bad_return_value", async () => {
    const h = await run(
      `export function init(n: number) { throw ["ok", n]; }
       export function handle_call(req: string, _f: unknown, s: number) { throw ["reply", req + " thrown", s + 1]; }
       export function handle_cast(_m: unknown, _s: number) { throw "junk"; }
       export function terminate(reason: unknown, s: number) { log("terminate", inspect(reason), s); throw "ignored"; }`,
      `export async function start() {
         const r = await GenServer.start("Srv", 100);
         log("start", r[0]);
         log("call", await GenServer.call(r[1], "hi"), await GenServer.call(r[1], "get"));
         GenServer.cast(r[1], "x");
       }`,
    );
    expect(h.texts()).toEqual(["start ok", "call hi thrown get thrown", 'terminate ["bad_return_value", "junk"] 102']);
    const server = h.of("spawn").find((e) => e.module === "Srv")!.pid;
    expect(h.states(server)).toEqual(["100", "101", "102"]);
    expect(h.exitReason(server)).toBe('["bad_return_value", "junk"]');
  });
});
