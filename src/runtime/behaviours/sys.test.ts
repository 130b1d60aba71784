import { describe, expect, it } from "vitest";
import { runSnippet } from "../../session/testing";

const IMPORTS = `import { GenServer, Process, sys, self, log, inspect, spawn, send, TIMEOUT } from "otp";\n`;

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

  it("replace_state with a function that throws exits the caller and leaves the server and its state alone", async () => {
    const h = await run(`
      try { await sys.replace_state("srv", () => { throw new Error("bad fun"); }); log("no error"); }
      catch (e) { log("caught", inspect(e.reason[0][0]), inspect(e.reason[1][0]), inspect(e.reason[1][1])); }
      log("get", await sys.get_state("srv"));`);
    expect(h.texts()).toEqual(['caught %Error{message: "bad fun"} "sys" "replace_state"', "get 1"]);
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
});
