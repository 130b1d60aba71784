import { describe, expect, it } from "vitest";
import { runSnippet } from "../session/testing";

/** A module with processes that loop through local calls and one that hops by external calls. */
const loops = (v: string) => `
import { spawn, receive, log } from "otp";
import * as Me from "Loops";
export const vsn = "${v}";
export function version() { return vsn; }
export function start_local(tag: string) { return spawn(() => local_loop(tag)); }
export function start_hop(tag: string) { return spawn(() => Me.hop(tag)); }
async function local_loop(tag: string) {
  while (true) {
    const m = await receive();
    log(tag, "local", vsn, m);
  }
}
export async function hop(tag: string): Promise<unknown> {
  const m = await receive();
  log(tag, "hop", vsn, m);
  return Me.hop(tag);
}
`;

const main = `
import { Process } from "otp";
import * as Loops from "Loops";
export function start() {
  for (const n of ["a", "b", "c"]) Process.register(Loops.start_local(n), n);
  Process.register(Loops.start_hop("d"), "d");
}
`;

async function startLoops() {
  const h = await runSnippet({ "Loops.ts": loops("1"), "Main.ts": main }, { until: 10 });
  const pid = async (name: string) => (await h.eval(`Process.whereis("${name}")`))!;
  const pids = { a: await pid("a"), b: await pid("b"), c: await pid("c"), d: await pid("d") };
  return { h, pids };
}

describe("the code server keeps two versions: current and old", () => {
  it("makes the current version old on a load, and reports both in Code.versions", async () => {
    const { h } = await startLoops();
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "1", old: null}');
    const r = await h.recompile({ "Loops.ts": loops("2") });
    expect(r.ok).toBe(true);
    expect(r.killed).toEqual([]);
    expect(h.of("load").at(-1)).toMatchObject({ module: "Loops", vsn: "2", previous: "1" });
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "2", old: "1"}');
    expect(await h.eval(`Loops.version()`)).toBe('"2"');
  });

  it("keeps a local loop in the old version and moves a process that hops by an external call", async () => {
    const { h } = await startLoops();
    await h.recompile({ "Loops.ts": loops("2") });
    await h.eval(`send("a", "m1")`);
    await h.eval(`send("d", "m1")`); // received by v1's code, then `return Me.hop()` enters v2
    await h.eval(`send("d", "m2")`);
    await h.eval(`send("a", "m2")`);
    expect(h.texts().filter((t) => /local|hop/.test(t))).toEqual(["a local 1 m1", "d hop 1 m1", "d hop 2 m2", "a local 1 m2"]);
  });

  it("lists the processes still in the old version with Code.processes_using_old", async () => {
    const { h, pids } = await startLoops();
    expect(await h.eval(`Code.processes_using_old("Loops")`)).toBe("[]");
    await h.recompile({ "Loops.ts": loops("2") });
    expect(await h.eval(`Code.processes_using_old("Loops")`)).toBe(`[${pids.a}, ${pids.b}, ${pids.c}, ${pids.d}]`);
    await h.eval(`send("d", "hop")`);
    expect(await h.eval(`Code.processes_using_old("Loops")`)).toBe(`[${pids.a}, ${pids.b}, ${pids.c}]`);
  });

  it("purges the oldest version when a third is loaded, killing its processes in start order", async () => {
    const { h, pids } = await startLoops();
    await h.recompile({ "Loops.ts": loops("2") });
    await h.eval(`send("d", "hop")`);
    const mark = h.events.length;
    const r = await h.recompile({ "Loops.ts": loops("3") });
    expect(r.killed).toEqual([pids.a, pids.b, pids.c]);
    const after = h.since(mark);
    const purge = after.find((e) => e.type === "purge");
    expect(purge).toMatchObject({ module: "Loops", vsn: "1", killed: [pids.a, pids.b, pids.c] });
    const exits = after.filter((e) => e.type === "exit").map((e) => e.type === "exit" && `${e.pid} ${e.reason}`);
    expect(exits).toEqual([`${pids.a} "killed"`, `${pids.b} "killed"`, `${pids.c} "killed"`]);
    // The purge happens before the new version is loaded.
    expect(after.findIndex((e) => e.type === "purge")).toBeLessThan(after.findIndex((e) => e.type === "load"));
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "3", old: "2"}');
    expect(await h.eval(`Process.alive(Process.whereis("d"))`)).toBe("true");
  });

  it("refuses soft_purge while a process runs the old version, and allows it once none does", async () => {
    const { h, pids } = await startLoops();
    await h.recompile({ "Loops.ts": loops("2") });
    await h.eval(`send("d", "hop")`);
    expect(await h.eval(`Code.soft_purge("Loops")`)).toBe("false");
    expect(await h.eval(`["a", "b", "c"].map((n) => Process.alive(Process.whereis(n)))`)).toBe("[true, true, true]");
    expect(await h.eval(`Code.versions("Loops").old`)).toBe('"1"');
    expect(h.of("purge")).toEqual([]);
    for (const n of ["a", "b", "c"]) await h.eval(`Process.exit("${n}", "kill")`);
    expect(await h.eval(`Code.soft_purge("Loops")`)).toBe("true");
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "2", old: null}');
    expect(h.of("purge").at(-1)).toMatchObject({ module: "Loops", vsn: "1", killed: [] });
    expect(pids.d).toMatch(/^#PID/);
  });

  it("kills the old version's processes on Code.purge and reports whether there was an old version", async () => {
    const { h, pids } = await startLoops();
    expect(await h.eval(`Code.purge("Loops")`)).toBe("false");
    await h.recompile({ "Loops.ts": loops("2") });
    expect(await h.eval(`Code.purge("Loops")`)).toBe("true");
    expect(h.of("purge").at(-1)).toMatchObject({ vsn: "1", killed: [pids.a, pids.b, pids.c, pids.d] });
    for (const p of Object.values(pids)) expect(h.exitReason(p)).toBe('"killed"');
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "2", old: null}');
  });

  it("makes the current version old on Code.delete, after which external calls are undefined", async () => {
    const { h, pids } = await startLoops();
    await h.recompile({ "Loops.ts": loops("2") });
    expect(await h.eval(`Code.delete("Loops")`)).toBe("false"); // an old version exists
    await h.eval(`send("d", "hop")`); // d now runs v2
    await h.eval(`Code.purge("Loops")`);
    expect(await h.eval(`Code.delete("Loops")`)).toBe("true");
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: null, old: "2"}');
    expect(await h.eval(`Loops.version()`)).toBe("** (UndefinedFunctionError) function Loops.version/0 is undefined or private");
    // d still runs the deleted (now old) code; its next hop is an external call to nothing.
    await h.eval(`send("d", "last")`);
    expect(h.texts()).toContain("d hop 2 last");
    expect(h.exitReason(pids.d)).toMatch(/^\[%UndefinedFunctionError\{message: "function Loops.hop\/1 is undefined or private"\}, #Stacktrace<Loops.ts:\d+>\]$/);
  });
});

describe("a purge started by a process that runs the old code", () => {
  it("kills that process and all the others in start order, and drops the old version", async () => {
    const selfPurging = (v: string) => loops(v)
      .replace('import { spawn, receive, log } from "otp";', 'import { spawn, receive, log, Code } from "otp";')
      .replace("const m = await receive();", 'const m = await receive(); if (m === "purge") { log(tag, "purging"); Code.purge("Loops"); log(tag, "never"); }');
    const h = await runSnippet({ "Loops.ts": selfPurging("1"), "Main.ts": main }, { until: 10 });
    const pid = async (name: string) => (await h.eval(`Process.whereis("${name}")`))!;
    const pids = { a: await pid("a"), b: await pid("b"), c: await pid("c"), d: await pid("d") };
    await h.recompile({ "Loops.ts": selfPurging("2") });
    await h.eval(`send("b", "purge")`);
    expect(h.texts()).toContain("b purging");
    expect(h.texts()).not.toContain("b never");
    expect(h.of("purge")).toEqual([expect.objectContaining({ module: "Loops", vsn: "1", killed: [pids.a, pids.b, pids.c, pids.d] })]);
    expect(h.exits(true).map((l) => l.split(" ").slice(1).join(" "))).toEqual([pids.a, pids.b, pids.c, pids.d].map((p) => `${p} "killed"`));
    expect(await h.eval(`Code.versions("Loops")`)).toBe('{current: "2", old: null}');
  });
});

describe("a module as a value", () => {
  it("prints as the module's name in the shell, as IEx does", async () => {
    const h = await runSnippet({ "Loops.ts": loops("1"), "Main.ts": main }, { until: 10 });
    expect(await h.eval(`Loops`)).toBe("Loops");
  });
});

describe("external calls to functions that are not exported", () => {
  it("throw UndefinedFunctionError naming module, function and arity", async () => {
    const h = await runSnippet(
      {
        "Loops.ts": loops("1"),
        "Main.ts": `
          import { log, apply, UndefinedFunctionError } from "otp";
          import * as Loops from "Loops";
          const attempt = (f: () => unknown) => {
            try { f(); log("no error"); } catch (e) { log(e instanceof UndefinedFunctionError, e.name, e.message); }
          };
          export function start() {
            attempt(() => (Loops as any).missing(1, 2));
            attempt(() => (Loops as any).local_loop("x"));
            attempt(() => apply("Loops", "nope", [1, 2, 3]));
            attempt(() => apply("Nowhere", "f", []));
          }`,
      },
      { until: 10 },
    );
    expect(h.texts()).toEqual([
      "true UndefinedFunctionError function Loops.missing/2 is undefined or private",
      "true UndefinedFunctionError function Loops.local_loop/1 is undefined or private",
      "true UndefinedFunctionError function Loops.nope/3 is undefined or private",
      "true UndefinedFunctionError function Nowhere.f/0 is undefined or private",
    ]);
  });
});

describe("which processes count as running a version", () => {
  const inner = `
    import { receive } from "otp";
    export async function wait() { return await receive(); }`;
  const outer = (v: string) => `
    import { log, Process } from "otp";
    import * as Inner from "Inner";
    export const vsn = "${v}";
    export async function nontail() { const m = await Inner.wait(); log("nontail", vsn, m); }
    export async function tail() { return Inner.wait(); }
    export async function return_await() { return await Inner.wait(); }
    export async function sleeper() { await Process.sleep(100000); }`;
  const mainOuter = `
    import { spawn, Process } from "otp";
    import * as Outer from "Outer";
    export function start() {
      Process.register(spawn(() => Outer.nontail()), "nontail");
      Process.register(spawn(() => Outer.tail()), "tail");
      Process.register(spawn(() => Outer.return_await()), "return_await");
      Process.register(spawn(() => Outer.sleeper()), "sleeper");
    }`;

  it("kills a process with a frame of the old version below the current one, and spares a tail call", async () => {
    const h = await runSnippet({ "Inner.ts": inner, "Outer.ts": outer("1"), "Main.ts": mainOuter }, { until: 10 });
    const pid = async (n: string) => (await h.eval(`Process.whereis("${n}")`))!;
    const p = { nontail: await pid("nontail"), tail: await pid("tail"), return_await: await pid("return_await"), sleeper: await pid("sleeper") };
    await h.recompile({ "Outer.ts": outer("2") });
    expect(h.of("exit").filter((e) => e.reason !== '"normal"')).toEqual([]);
    const r = await h.recompile({ "Outer.ts": outer("3") });
    // `await Inner.wait()` (not in tail position) leaves an Outer v1 frame to return to, as does
    // `return await`; `return Inner.wait()` leaves none; a sleep inside v1 is inside v1.
    expect(r.killed).toEqual([p.nontail, p.return_await, p.sleeper]);
    expect(h.exitReason(p.tail)).toBeUndefined();
    await h.eval(`send("tail", "still here")`);
    expect(h.exitReason(p.tail)).toBe('"normal"');
  });

  it("counts the innermost frame too: purging the callee's module kills every process waiting in it", async () => {
    const h = await runSnippet({ "Inner.ts": inner, "Outer.ts": outer("1"), "Main.ts": mainOuter }, { until: 10 });
    const pid = async (n: string) => (await h.eval(`Process.whereis("${n}")`))!;
    const p = { nontail: await pid("nontail"), tail: await pid("tail"), return_await: await pid("return_await") };
    // Three of the four wait in Inner's receive; the sleeper never called Inner.
    await h.recompile({ "Inner.ts": inner + "\n// v2" });
    const r = await h.recompile({ "Inner.ts": inner + "\n// v3" });
    expect(r.killed).toEqual([p.nontail, p.tail, p.return_await]);
    expect(await h.eval(`Process.alive(Process.whereis("sleeper"))`)).toBe("true");
  });
});

describe("funs across reloads (SPEC §4), as on the BEAM", () => {
  const maker = (v: string) => `
    export const vsn = "${v}";
    export function make() { return (x: number) => ["version", vsn, x]; }
    export function make_async() { return async () => ["async", vsn]; }`;
  // The holder loops in Main, not in Maker: only the funs it keeps come from Maker's versions.
  const holder = `
    import { spawn, receive, log, inspect, Process } from "otp";
    import * as Maker from "Maker";
    export function start() {
      const f = Maker.make();
      const g = Maker.make_async();
      Process.register(spawn(async () => {
        while (true) {
          await receive();
          try { log("f", inspect(f(1))); } catch (e: any) { log("f raised", e.name, e.message); }
          try { log("g", inspect(await g())); } catch (e: any) { log("g raised", e.name); }
        }
      }), "holder");
    }`;

  it("runs the version that made the fun after a load, and raises badfun once that version is purged, without killing the holder", async () => {
    const h = await runSnippet({ "Maker.ts": maker("1"), "Main.ts": holder }, { until: 10 });
    await h.eval(`send("holder", "go")`);
    await h.recompile({ "Maker.ts": maker("2") });
    await h.eval(`send("holder", "go")`);
    const r = await h.recompile({ "Maker.ts": maker("3") });
    expect(r.killed).toEqual([]);
    await h.eval(`send("holder", "go")`);
    expect(await h.eval(`Process.alive(Process.whereis("holder"))`)).toBe("true");
    expect(h.texts().filter((t) => /^[fg]/.test(t))).toEqual([
      'f ["version", "1", 1]',
      'g ["async", "1"]',
      'f ["version", "1", 1]',
      'g ["async", "1"]',
      "f raised BadFunctionError a function of Maker v1 is invalid, likely because it points to an old version of the code",
      "g raised BadFunctionError",
    ]);
  });

  it("crashes a process that calls a purged fun and does not catch it, with reason [BadFunctionError, stacktrace]", async () => {
    const h = await runSnippet({ "Maker.ts": maker("1"), "Main.ts": holder.replace(/try \{ (log\("f", inspect\(f\(1\)\)\);) \} catch[^\n]*/, "$1") }, { until: 10 });
    await h.recompile({ "Maker.ts": maker("2") });
    await h.recompile({ "Maker.ts": maker("3") });
    const pid = (await h.eval(`Process.whereis("holder")`))!;
    await h.eval(`send("holder", "go")`);
    expect(h.exitReason(pid)).toMatch(/^\[%BadFunctionError\{message: "a function of Maker v1 is invalid.*"\}, #Stacktrace<Maker.ts:3>\]$/);
  });
});
