import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

/** A ticking counter GenServer; `step` is what each tick adds. */
const counter = (step: number, vsn = "1", extra = "") => `
import { GenServer, Process, self, log, inspect } from "otp";
export const vsn = "${vsn}";
export function start_link(name: string) { return GenServer.start_link(__MODULE__, name, { name }); }
export function init(name: string) { Process.send_after(self(), "tick", 100); return ["ok", { name, n: 0 }]; }
export function handle_info(_m: "tick", s: { name: string; n: number }) {
  Process.send_after(self(), "tick", 100);
  const next = { ...s, n: s.n + ${step} };
  log(s.name, next.n);
  return ["noreply", next];
}
export function code_change(old: unknown, s: { name: string; n: number }, extra: unknown) {
  log("code_change", s.name, inspect(old), inspect(extra));
  ${extra || "return [\"ok\", { ...s, n: s.n * 1000 }];"}
}
`;

const MAIN = `
import { Supervisor } from "otp";
export function start() {
  return Supervisor.start_link([
    { id: "c1", start: ["Counter", "start_link", ["c1"]] },
    { id: "c2", start: ["Counter", "start_link", ["c2"]] },
  ], { strategy: "one_for_one" });
}
`;

const start = (until = 250) => runSnippet({ "Counter.ts": counter(1), "Main.ts": MAIN }, { until });

describe("recompile", () => {
  it("keeps the pid and the state, runs the new code at the next callback, and does not call code_change", async () => {
    const h = await start();
    const c1 = await h.eval(`Process.whereis("c1")`);
    const r = await h.recompile({ "Counter.ts": counter(10) });
    expect(r).toMatchObject({ ok: true, loaded: ["Counter"], killed: [] });
    await h.advanceTo(450);
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 2", "300 c1 12", "400 c1 22"]);
    expect(await h.eval(`Process.whereis("c1")`)).toBe(c1);
    expect(h.texts().some((t) => t.startsWith("code_change"))).toBe(false);
    expect(h.of("code_change")).toEqual([]);
    expect(h.of("action").at(-1)).toMatchObject({ action: "recompile", ok: true, loaded: ["Counter"], killed: [] });
  });

  it("loads only the files that changed", async () => {
    const h = await start();
    const before = h.of("load").length;
    const r = await h.recompile({ "Main.ts": MAIN + "\n// touched\n" });
    expect(r.loaded).toEqual(["Main"]);
    expect(h.of("load").slice(before).map((e) => e.module)).toEqual(["Main"]);
    expect((await h.recompile({})).loaded).toEqual([]);
  });

  it("loads nothing when a file fails to compile, reports where, and leaves the old code running", async () => {
    const h = await start();
    const loads = h.of("load").length;
    const broken = counter(10).replace("const next =", "const next = (");
    const r = await h.recompile({ "Counter.ts": broken, "Main.ts": MAIN + "\n// also changed\n" });
    expect(r.ok).toBe(false);
    expect(h.of("load").length).toBe(loads);
    const err = h.of("compile_error");
    expect(err).toHaveLength(1);
    expect(err[0]).toMatchObject({ file: "Counter.ts", line: 8 });
    expect(err[0].column).toBeGreaterThan(1);
    expect(err[0].message.length).toBeGreaterThan(0);
    const action = h.of("action").at(-1)!;
    expect(action).toMatchObject({ action: "recompile", ok: false, loaded: [] });
    expect(action.message).toMatch(/nothing was loaded/);
    await h.advanceTo(450);
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 2", "300 c1 3", "400 c1 4"]);
    // Fixing it later loads it as usual.
    const fixed = await h.recompile({ "Counter.ts": counter(10) });
    expect(fixed.ok).toBe(true);
    expect(fixed.loaded.sort()).toEqual(["Counter", "Main"]);
  });
});

describe("upgrade", () => {
  it("suspends the servers, loads, calls code_change with the old vsn and extra in start order, and resumes", async () => {
    const h = await start();
    const [c1, c2] = [await h.eval(`Process.whereis("c1")`), await h.eval(`Process.whereis("c2")`)];
    const mark = h.events.length;
    const r = await h.upgrade({ "Counter.ts": counter(1, "2") }, { reason: "v2" });
    expect(r).toMatchObject({ ok: true, loaded: ["Counter"], killed: [] });
    await h.advanceTo(350);
    const after = h.since(mark);
    expect(after.filter((e) => e.type === "log").map((e) => e.type === "log" && e.text)).toEqual([
      'code_change c1 "1" {reason: "v2"}',
      'code_change c2 "1" {reason: "v2"}',
      "c1 2001",
      "c2 2001",
    ]);
    const kinds = after.filter((e) => ["suspend", "load", "code_change", "resume"].includes(e.type)).map((e) => `${e.type} ${"pid" in e ? e.pid : ""}`);
    expect(kinds).toEqual([`suspend ${c1}`, `suspend ${c2}`, "load ", `code_change ${c1}`, `code_change ${c2}`, `resume ${c1}`, `resume ${c2}`]);
    expect(h.of("code_change")[0]).toMatchObject({ module: "Counter", old_vsn: '"1"', result: '"ok"' });
    expect(await h.eval(`Process.whereis("c1")`)).toBe(c1);
  });

  it("passes undefined as extra when none is given, and keeps the old state when code_change fails", async () => {
    const h = await start();
    await h.upgrade({ "Counter.ts": counter(1, "2", `return ["error", "cannot"];`) });
    await h.advanceTo(350);
    expect(h.texts().filter((t) => t.startsWith("code_change"))).toEqual(['code_change c1 "1" undefined', 'code_change c2 "1" undefined']);
    expect(h.of("code_change").map((e) => e.result)).toEqual(['["error", ["error", "cannot"]]', '["error", ["error", "cannot"]]']);
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 2", "300 c1 3"]);
  });
});

describe("restart", () => {
  it("stops every process, loads all files fresh and starts main again; old timers never fire", async () => {
    const h = await start();
    const old = h.session.processes().map((p) => p.pid);
    const r = await h.restart({ "Counter.ts": counter(5) });
    expect(r.ok).toBe(true);
    expect(r.killed.sort()).toEqual([...old].sort());
    for (const pid of old) expect(h.exitReason(pid)).toBe('"killed"');
    await h.advanceTo(600);
    const now = h.session.processes().map((p) => p.pid);
    expect(now.some((p) => old.includes(p))).toBe(false);
    // Fresh state from init, on the new code, ticking from the restart (at 250) on.
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 2", "350 c1 5", "450 c1 10", "550 c1 15"]);
    expect(h.of("action").at(-1)).toMatchObject({ action: "restart", ok: true });
    // Everything was loaded fresh: no module has an old version.
    expect(await h.eval(`Code.versions("Counter")`)).toBe(`{current: "1", old: null}`);
  });
});

describe("the shell and script steps", () => {
  it("prints eval results with inspect, and errors as IEx does", async () => {
    const h = await start(0);
    expect(await h.eval(`[1, "a", { k: null }]`)).toBe('[1, "a", {k: null}]');
    expect(await h.eval(`undefined`)).toBeUndefined();
    expect(await h.eval(`(() => { throw new TypeError("nope"); })()`)).toBe("** (TypeError) nope");
    expect(await h.eval(`exit("why")`)).toBe('** (exit) "why"');
    expect(await h.eval(`1 +`)).toMatch(/^\*\* \(SyntaxError\) /);
    expect(await h.eval(`Counter.vsn`)).toBe('"1"');
  });

  it("runs evals one at a time: an eval waits while the shell is busy", async () => {
    const h = await runSnippet({
      "Main.ts": `import { Process, log } from "otp";
        export async function start() { await Process.sleep(500); log("start done"); }`,
    }, {
      until: 1000,
      script: [{ at: 100, eval: `"queued"` }],
    });
    expect(h.logs()).toEqual(["500 start done", '500 "queued"']);
  });

  it("plays say, patch + recompile and eval steps at their times, and reports a patch that does not apply", async () => {
    const h = await runSnippet({ "Counter.ts": counter(1), "Main.ts": MAIN }, {
      until: 450,
      script: [
        { at: 150, say: "Changing the step", patch: [{ file: "Counter.ts", find: "s.n + 1", replace: "s.n + 100" }], action: "recompile" },
        { at: 260, eval: `sys.get_state("c1")` },
        { at: 300, patch: [{ file: "Counter.ts", find: "not there", replace: "x" }], action: "recompile" },
      ],
    });
    expect(h.of("say")).toEqual([{ t: 150, type: "say", text: "Changing the step" }]);
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 101", "300 c1 201", "400 c1 301"]);
    expect(h.logs()).toContain('260 {name: "c1", n: 101}');
    const failed = h.of("action").filter((e) => !e.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0].t).toBe(300);
    expect(failed[0].message).toMatch(/not there/);
  });

  it("keeps a step's patch in the files even when the recompile after it fails, so a later patch applies to the edited text", async () => {
    const h = await runSnippet({ "Counter.ts": counter(1), "Main.ts": MAIN }, {
      until: 350,
      script: [
        { at: 150, patch: [{ file: "Counter.ts", find: "s.n + 1", replace: "s.n + oops(" }], action: "recompile" },
        { at: 250, patch: [{ file: "Counter.ts", find: "oops(", replace: "10" }], action: "recompile" },
      ],
    });
    const actions = h.of("action").filter((e) => e.action === "recompile");
    expect(actions.map((e) => [e.t, e.ok])).toEqual([[150, false], [250, true]]);
    expect(h.of("compile_error").map((e) => e.t)).toEqual([150]);
    expect(h.session.files["Counter.ts"]).toContain("n: s.n + 10 }");
    expect(h.logs().filter((l) => /^\d+ c1 \d+$/.test(l))).toEqual(["100 c1 1", "200 c1 2", "300 c1 12"]);
  });

  it("starts a new shell for later evals when the old one dies with a linked process", async () => {
    const h = await runSnippet({
      "Main.ts": `import { spawn_link, Process, exit } from "otp";
        export function start() { spawn_link(async () => { await Process.sleep(100); exit("crash"); }); }`,
    }, { until: 200 });
    const shells = h.of("spawn").filter((e) => e.kind === "shell");
    expect(shells).toHaveLength(1);
    expect(h.exitReason(shells[0].pid)).toBe('"crash"');
    expect(await h.eval(`1 + 1`)).toBe("2");
    const shells2 = h.of("spawn").filter((e) => e.kind === "shell");
    expect(shells2).toHaveLength(2);
    expect(h.of("log").at(-1)!.pid).toBe(shells2[1].pid);
  });
});

describe("looking inside", () => {
  it("inspect(pid) and processes() show state, name and the versions a process runs, marking old ones", async () => {
    const loop = (v: string) => `import { receive, spawn, Process } from "otp";
      export const vsn = "${v}";
      export function start() { Process.register(spawn(() => loop()), "looper"); }
      async function loop() { while (true) await receive(); }`;
    const h = await runSnippet({ "Counter.ts": counter(1), "Main.ts": MAIN, "Loop.ts": loop("1") }, { until: 150 });
    await h.eval(`Loop.start()`);
    const c1 = (await h.eval(`Process.whereis("c1")`))!;
    const snap = h.session.inspect(c1)!;
    expect(snap).toMatchObject({ pid: c1, name: "c1", module: "Counter", kind: "gen_server", state: '{name: "c1", n: 1}', status: "waiting" });
    const looper = (await h.eval(`Process.whereis("looper")`))!;
    expect(h.session.inspect(looper)!.versions).toEqual(["Loop v1"]);
    await h.recompile({ "Loop.ts": loop("2") });
    expect(h.session.inspect(looper)!.versions).toEqual(["Loop v1 (old)"]);
    expect(h.session.inspect("#PID<0.99999.0>")).toBeNull();
    expect(h.session.processes().map((p) => p.pid)).toContain(looper);
  });
});
