import { describe, expect, it } from "vitest";
import { runSnippet } from "../../session/testing";

const IMPORTS = `import { GenServer, Process, sys, self, log, inspect, spawn, send, exit, ExitError, TIMEOUT } from "otp";\n`;

/** A counter GenServer registered as "srv"; `code_change` behaves by the `extra` it is given. */
const SRV = `${IMPORTS}
export const vsn = "1";
export function start_link() { return GenServer.start_link(__MODULE__, null, { name: "srv" }); }
export function init() { return ["ok", 1]; }
export function handle_info(m: string, s: number) { log("info", m, s); return ["noreply", s + 1]; }
export function handle_call(_r: unknown, _f: unknown, s: number) { return ["reply", s, s]; }
export function code_change(old: unknown, s: number, extra: unknown) {
  log("code_change", inspect(old), s, inspect(extra));
  if (extra === "error") return ["error", "no"];
  if (extra === "throw") throw new Error("migration failed");
  if (extra === "odd") return "whatever";
  return ["ok", s * 100];
}
`;

const run = (body: string, srv = SRV) =>
  runSnippet({ "Srv.ts": srv, "Main.ts": `${IMPORTS}import * as Srv from "Srv";\nexport async function start() {\n  await Srv.start_link();\n  spawn(async () => { ${body} });\n}` }, { until: 5000 });

describe("sys", () => {
  it("get_state returns the state and replace_state swaps it (emitting a state event)", async () => {
    const h = await run(`
      log("get", await sys.get_state("srv"));
      log("replace", await sys.replace_state("srv", (s) => s * 10));
      log("get", await sys.get_state("srv"));
      send("srv", "tick");`);
    expect(h.texts()).toEqual(["get 1", "replace 10", "get 10", "info tick 10"]);
    const srv = h.of("register").find((e) => e.name === "srv")!.pid;
    expect(h.states(srv)).toEqual(["1", "10", "11"]);
  });

  it("replace_state with a function that fails raises callback_failed in the caller (an error, not an exit) and keeps the server and its state", async () => {
    const h = await run(`
      const funs = [() => { throw new Error("bad fun"); }, () => { throw "nope"; }, () => exit("why")];
      for (const fun of funs) {
        try { await sys.replace_state("srv", fun); log("no error"); }
        catch (e) { log(e instanceof ExitError ? "exit" : e.name, inspect(e.original)); }
      }
      log("get", await sys.get_state("srv"));`);
    expect(h.texts()).toEqual([
      'ErlangError ["callback_failed", ["gen_server", "system_replace_state"], ["error", %Error{message: "bad fun"}]]',
      'ErlangError ["callback_failed", ["gen_server", "system_replace_state"], ["throw", "nope"]]',
      'ErlangError ["callback_failed", ["gen_server", "system_replace_state"], ["exit", "why"]]',
      "get 1",
    ]);
  });

  it("suspend holds user messages but still answers system messages; resume handles them in order", async () => {
    const h = await run(`
      log("suspend", await sys.suspend("srv"));
      send("srv", "a");
      send("srv", "b");
      log("state while suspended", await sys.get_state("srv"));
      const r = await (async () => { try { return await GenServer.call("srv", "get", 100); } catch (e) { return inspect(e.reason[0]); } })();
      log("call while suspended", r);
      log("status", (await sys.get_status("srv"))[3][0].status);
      await Process.sleep(1000);
      log("resume", await sys.resume("srv"));
      log("after", await GenServer.call("srv", "get"));`);
    const later = h.logs().filter((l) => !l.startsWith("0 "));
    expect(later.slice(0, 2)).toEqual(['100 call while suspended "timeout"', "100 status suspended"]);
    // After the resume (whether the caller or the server runs first), the held messages, in order.
    expect(later.slice(2).filter((l) => l.includes("info"))).toEqual(["1100 info a 1", "1100 info b 2"]);
    expect(later).toContain("1100 resume ok");
    expect(later.at(-1)).toBe("1100 after 3");
    expect(h.texts().slice(0, 2)).toEqual(["suspend ok", "state while suspended 1"]);
    const srv = h.of("register").find((e) => e.name === "srv")!.pid;
    expect(h.of("suspend").map((e) => e.pid)).toEqual([srv]);
    expect(h.of("resume").map((e) => `${e.t} ${e.pid}`)).toEqual([`1100 ${srv}`]);
  });

  it("answers change_code with unknown_system_msg unless the server is suspended", async () => {
    const h = await run(`
      log(inspect(await sys.change_code("srv", "Srv", "0", "x")));
      log("state", await sys.get_state("srv"));`);
    expect(h.texts()).toEqual(['["error", ["unknown_system_msg", ["change_code", "Srv", "0", "x"]]]', "state 1"]);
  });

  it("calls code_change(old_vsn, state, extra) while suspended and keeps the new state", async () => {
    const h = await run(`
      await sys.suspend("srv");
      log("result", inspect(await sys.change_code("srv", "Srv", "0", { step: 1 })));
      await sys.resume("srv");
      log("state", await sys.get_state("srv"));`);
    expect(h.texts()).toEqual(['code_change "0" 1 {step: 1}', 'result "ok"', "state 100"]);
    expect(h.of("code_change")).toEqual([expect.objectContaining({ module: "Srv", old_vsn: '"0"', result: '"ok"', before: "1", after: "100" })]);
  });

  it("reports a failing code_change as OTP does and keeps the old state", async () => {
    const h = await run(`
      await sys.suspend("srv");
      for (const extra of ["error", "throw", "odd"]) {
        const r = await sys.change_code("srv", "Srv", "0", extra);
        log(extra, inspect(r));
      }
      await sys.resume("srv");
      log("state", await sys.get_state("srv"), Process.alive(Process.whereis("srv")));`);
    expect(h.texts().filter((t) => !t.startsWith("code_change"))).toEqual([
      'error ["error", ["error", "no"]]',
      expect.stringMatching(/^throw \["error", \["EXIT", \[%Error\{message: "migration failed"\}, #Stacktrace<Srv.ts:11>\]\]\]$/),
      'odd ["error", "whatever"]',
      "state 1 true",
    ]);
  });

  it("answers change_code with 'ok' and keeps the state when the module has no code_change", async () => {
    const bare = `${IMPORTS}
      export function start_link() { return GenServer.start_link(__MODULE__, null, { name: "srv" }); }
      export function init() { return ["ok", 5]; }`;
    const h = await run(`
      await sys.suspend("srv");
      log(inspect(await sys.change_code("srv", "Srv", "0", null)));
      await sys.resume("srv");
      log("state", await sys.get_state("srv"));`, bare);
    expect(h.texts()).toEqual(['"ok"', "state 5"]);
  });

  it("get_status describes the server", async () => {
    const h = await run(`
      const st = await sys.get_status("srv");
      log(st[0], st[1] === Process.whereis("srv"), inspect(st[2]), inspect(st[3]));`);
    expect(h.texts()).toEqual(['status true ["module", "gen_server"] [{status: "running", module: "Srv", state: 1}]']);
  });

  it("exits the caller with noproc for a process that is not there", async () => {
    const h = await run(`
      try { await sys.get_state("ghost"); } catch (e) { log(inspect(e.reason)); }`);
    expect(h.texts()).toEqual(['["noproc", ["sys", "get_state", ["ghost"]]]']);
  });

  it("exits a call that times out with the arguments as given, timeout included (sys.erl's mfa)", async () => {
    const busy = `${IMPORTS}
      export function start_link() { return GenServer.start_link(__MODULE__, null, { name: "srv" }); }
      export function init() { return ["ok", 1]; }
      export async function handle_cast(_m: unknown, s: number) { await Process.sleep(300); return ["noreply", s]; }`;
    const h = await run(`
      const tries = [
        () => sys.get_state("srv", 100),
        () => sys.get_status("srv", 100),
        function swap() { return sys.replace_state("srv", (s) => s, 100); },
        () => sys.suspend("srv", 100),
        () => sys.resume("srv", 100), // the late suspend took effect, so the server answers this at once (as on the BEAM)
        () => sys.change_code("srv", "Srv", "0", "x", 100),
      ];
      for (const t of tries) {
        GenServer.cast("srv", "sleep");
        try { await t(); log("answered"); } catch (e) { log(inspect(e.reason)); }
        await Process.sleep(400);
      }`, busy);
    expect(h.texts()).toEqual([
      '["timeout", ["sys", "get_state", ["srv", 100]]]',
      '["timeout", ["sys", "get_status", ["srv", 100]]]',
      '["timeout", ["sys", ["replace_state", #Function<anonymous>], ["srv", 100]]]',
      '["timeout", ["sys", "suspend", ["srv", 100]]]',
      "answered",
      '["timeout", ["sys", "change_code", ["srv", "Srv", "0", "x", 100]]]',
    ]);
  });
});
