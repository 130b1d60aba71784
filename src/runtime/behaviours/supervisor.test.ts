import { describe, expect, it } from "vitest";
import { runSnippet } from "../../session/testing";

/** A worker registered under its id; it traps exits so that shutdowns show as terminate lines. */
const WORKER = `
import { GenServer, Process, log } from "otp";
type S = { id: string; n: number };
export function start_link(id: string) { return GenServer.start_link(__MODULE__, id, { name: id }); }
export function init(id: string) {
  Process.flag("trap_exit", true);
  log("init", id);
  return ["ok", { id, n: 0 }];
}
export function handle_call(_req: "get", _from: unknown, s: S) { return ["reply", s, s]; }
export function handle_cast(m: string, s: S) {
  if (m === "inc") return ["noreply", { ...s, n: s.n + 1 }];
  if (m === "crash") throw new Error("crash " + s.id);
  if (m === "normal") return ["stop", "normal", s];
  return ["noreply", s];
}
export function terminate(reason: unknown, s: S) {
  log("terminate", s.id, typeof reason === "string" ? reason : "error");
}
`;

const IMPORTS = `import { Supervisor, DynamicSupervisor, GenServer, Process, log, inspect, spawn, self } from "otp";\n`;

const child = (id: string, extra = "") => `{ id: "${id}", start: ["Worker", "start_link", ["${id}"]]${extra} }`;

/** Starts a supervisor over w1..w3 (registered as "sup") from `start()`, then runs `body` in a driver process. */
function supervised(opts: string, body: string, children = [child("w1"), child("w2"), child("w3")].join(", ")) {
  return `${IMPORTS}
    export async function start() {
      const [, sup] = await Supervisor.start_link([${children}], { name: "sup", ${opts} });
      spawn(async () => { ${body} });
    }
    const whereis = (n: string) => String(Process.whereis(n));
    const state = async (n: string) => inspect(await GenServer.call(n, "get"));`;
}

const run = (main: string, until = 5000) => runSnippet({ "Worker.ts": WORKER, "Main.ts": main }, { until });

describe("Supervisor restart strategies", () => {
  it("one_for_one restarts only the child that died, with a new pid and a fresh state", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      const before = ["w1", "w2", "w3"].map(whereis);
      GenServer.cast("w1", "inc"); GenServer.cast("w2", "inc");
      await Process.sleep(10);
      GenServer.cast("w2", "crash");
      await Process.sleep(10);
      const after = ["w1", "w2", "w3"].map(whereis);
      log("same", after.map((p, i) => p === before[i]).join(" "));
      log("states", await state("w1"), await state("w2"));`));
    expect(h.logs().filter((l) => !l.startsWith("0 "))).toEqual([
      "10 terminate w2 error",
      "10 init w2",
      "20 same true false true",
      '20 states {id: "w1", n: 1} {id: "w2", n: 0}',
    ]);
  });

  it("one_for_all stops the others in reverse start order and restarts all in start order", async () => {
    const h = await run(supervised(`strategy: "one_for_all"`, `
      const before = ["w1", "w2", "w3"].map(whereis);
      GenServer.cast("w1", "inc");
      await Process.sleep(10);
      GenServer.cast("w2", "crash");
      await Process.sleep(10);
      const after = ["w1", "w2", "w3"].map(whereis);
      log("same", after.map((p, i) => p === before[i]).join(" "));
      log("w1", await state("w1"));`));
    expect(h.logs().filter((l) => !l.startsWith("0 "))).toEqual([
      "10 terminate w2 error",
      "10 terminate w3 shutdown",
      "10 terminate w1 shutdown",
      "10 init w1",
      "10 init w2",
      "10 init w3",
      "20 same false false false",
      '20 w1 {id: "w1", n: 0}',
    ]);
  });

  it("rest_for_one restarts the child that died and the ones started after it", async () => {
    const h = await run(supervised(`strategy: "rest_for_one"`, `
      const before = ["w1", "w2", "w3"].map(whereis);
      GenServer.cast("w2", "crash");
      await Process.sleep(10);
      const after = ["w1", "w2", "w3"].map(whereis);
      log("same", after.map((p, i) => p === before[i]).join(" "));`));
    expect(h.texts().slice(3)).toEqual(["terminate w2 error", "terminate w3 shutdown", "init w2", "init w3", "same true false false"]);
  });
});

describe("Supervisor groups as OTP's supervisor.erl handles them (checked on OTP 25)", () => {
  const four = [child("w1"), child("w2", `, restart: "temporary"`), child("w3"), child("w4", `, restart: "transient"`)].join(", ");
  const ids = `(await Supervisor.which_children("sup")).map(([id, pid]) => id + (pid === "undefined" ? "=undefined" : "")).join(" ")`;

  it("one_for_all removes a temporary sibling instead of restarting it: siblings stop newest first and start in start order", async () => {
    const h = await run(supervised(`strategy: "one_for_all"`, `
      log("children", ${ids});
      GenServer.cast("w1", "crash");
      await Process.sleep(10);
      log("children", ${ids});
      log(inspect(await Supervisor.count_children("sup")));`, four));
    expect(h.texts().slice(4)).toEqual([
      "children w4 w3 w2 w1",
      "terminate w1 error",
      "terminate w4 shutdown",
      "terminate w3 shutdown",
      "terminate w2 shutdown",
      "init w1",
      "init w3",
      "init w4",
      "children w4 w3 w1",
      "{specs: 3, active: 3, supervisors: 0, workers: 3}",
    ]);
  });

  it("rest_for_one removes a temporary child after the one that died and restarts the others in start order", async () => {
    const h = await run(supervised(`strategy: "rest_for_one"`, `
      GenServer.cast("w1", "crash");
      await Process.sleep(10);
      log("children", ${ids});`, [child("w0"), four].join(", ")));
    expect(h.texts().slice(5)).toEqual([
      "terminate w1 error",
      "terminate w4 shutdown",
      "terminate w3 shutdown",
      "terminate w2 shutdown",
      "init w1",
      "init w3",
      "init w4",
      "children w4 w3 w1 w0",
    ]);
  });

  it("start_child puts the new child first in which_children; a restarted child keeps its place", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      await Supervisor.start_child("sup", ${child("w4")});
      log("children", ${ids});
      await Supervisor.terminate_child("sup", "w2");
      await Supervisor.restart_child("sup", "w2");
      log("children", ${ids});`));
    expect(h.texts().filter((t) => t.startsWith("children"))).toEqual(["children w4 w3 w2 w1", "children w4 w3 w2 w1"]);
  });
});

describe("Supervisor restart intensity", () => {
  // max_restarts: 2 within max_seconds: 1, in exact virtual milliseconds, the window inclusive.
  const crashes = (times: number[]) => `
    let t = 0;
    for (const at of [${times.join(", ")}]) {
      await Process.sleep(at - t);
      t = at;
      GenServer.cast("w1", "crash");
    }`;

  it("allows exactly max_restarts restarts within max_seconds", async () => {
    const h = await run(supervised(`max_restarts: 2, max_seconds: 1`, crashes([100, 600]), child("w1")), 3000);
    expect(h.logs().filter((l) => l.includes("init"))).toEqual(["0 init w1", "100 init w1", "600 init w1"]);
    expect(await h.eval(`Process.alive(Process.whereis("sup"))`)).toBe("true");
  });

  it("ends the supervisor with 'shutdown' on one restart more within the window, to the exact ms", async () => {
    const h = await run(supervised(`max_restarts: 2, max_seconds: 1`, crashes([100, 600, 1100]), child("w1")), 3000);
    const sup = h.of("register").find((e) => e.name === "sup")!.pid;
    expect(h.of("exit").find((e) => e.pid === sup)).toMatchObject({ t: 1100, reason: '"shutdown"' });
    expect(h.logs().filter((l) => l.includes("init"))).toEqual(["0 init w1", "100 init w1", "600 init w1"]);
  });

  it("allows the restart when the oldest one is one ms out of the window", async () => {
    const h = await run(supervised(`max_restarts: 2, max_seconds: 1`, crashes([100, 600, 1101]), child("w1")), 3000);
    expect(h.logs().filter((l) => l.includes("init"))).toEqual(["0 init w1", "100 init w1", "600 init w1", "1101 init w1"]);
    expect(await h.eval(`Process.alive(Process.whereis("sup"))`)).toBe("true");
  });

  it("uses 3 restarts in 5 seconds by default", async () => {
    const ok = await run(supervised(``, crashes([1000, 2000, 3000]), child("w1")), 7000);
    expect(await ok.eval(`Process.alive(Process.whereis("sup"))`)).toBe("true");
    const over = await run(supervised(``, crashes([1000, 2000, 3000, 6000]), child("w1")), 7000);
    const sup = over.of("register").find((e) => e.name === "sup")!.pid;
    expect(over.of("exit").find((e) => e.pid === sup)).toMatchObject({ t: 6000, reason: '"shutdown"' });
  });
});

describe("Supervisor child management", () => {
  it("which_children (most recently started first, as OTP lists them) and count_children describe the children", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      const kids = await Supervisor.which_children("sup");
      log(kids.map(([id, pid, type, mods]) => [id, pid === Process.whereis(id), type, mods[0]].join(" ")).join("; "));
      log(inspect(await Supervisor.count_children("sup")));`));
    expect(h.texts().slice(3)).toEqual([
      "w3 true worker Worker; w2 true worker Worker; w1 true worker Worker",
      "{specs: 3, active: 3, supervisors: 0, workers: 3}",
    ]);
  });

  it("terminate_child stops a child without restarting it; restart_child and delete_child follow OTP's rules", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      log("terminate", inspect(await Supervisor.terminate_child("sup", "w2")));
      log("after", (await Supervisor.which_children("sup")).map(([id, pid]) => id + "=" + (pid === "undefined" ? "undefined" : "pid")).join(" "));
      log("count", inspect(await Supervisor.count_children("sup")));
      log("restart", (await Supervisor.restart_child("sup", "w2"))[0], whereis("w2") !== "null");
      log("restart running", inspect(await Supervisor.restart_child("sup", "w2")));
      log("delete running", inspect(await Supervisor.delete_child("sup", "w2")));
      await Supervisor.terminate_child("sup", "w2");
      log("delete", inspect(await Supervisor.delete_child("sup", "w2")));
      log("ids", (await Supervisor.which_children("sup")).map(([id]) => id).join(" "));
      log("unknown", inspect(await Supervisor.delete_child("sup", "nope")), inspect(await Supervisor.terminate_child("sup", "nope")));`));
    expect(h.texts().slice(3)).toEqual([
      "terminate w2 shutdown",
      'terminate "ok"',
      "after w3=pid w2=undefined w1=pid",
      "count {specs: 3, active: 2, supervisors: 0, workers: 3}",
      "init w2",
      "restart ok true",
      'restart running ["error", "running"]',
      'delete running ["error", "running"]',
      "terminate w2 shutdown",
      'delete "ok"',
      "ids w3 w1",
      'unknown ["error", "not_found"] ["error", "not_found"]',
    ]);
  });

  it("restarts a transient child only after an abnormal exit", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      GenServer.cast("w1", "crash");
      await Process.sleep(10);
      GenServer.cast("w1", "normal");
      await Process.sleep(10);
      log("w1", whereis("w1"));
      log(inspect(await Supervisor.count_children("sup")));`, child("w1", `, restart: "transient"`)));
    expect(h.texts()).toEqual([
      "init w1",
      "terminate w1 error",
      "init w1",
      "terminate w1 normal",
      "w1 null",
      "{specs: 1, active: 0, supervisors: 0, workers: 1}",
    ]);
  });

  it("never restarts a temporary child and forgets it once it ends", async () => {
    const h = await run(supervised(`strategy: "one_for_one"`, `
      GenServer.cast("w1", "crash");
      await Process.sleep(10);
      log("w1", whereis("w1"));
      log(inspect(await Supervisor.count_children("sup")));`, child("w1", `, restart: "temporary"`)));
    expect(h.texts()).toEqual(["init w1", "terminate w1 error", "w1 null", "{specs: 0, active: 0, supervisors: 0, workers: 0}"]);
  });

  it("accepts 'Mod' and ['Mod', arg] as children meaning Mod.start_link(arg)", async () => {
    const h = await run(`${IMPORTS}
      export async function start() {
        const r = await Supervisor.start_link([["Worker", "solo"]], {});
        log(r[0], inspect((await Supervisor.which_children(r[1]))[0][0]));
      }`);
    expect(h.texts()).toEqual(["init solo", 'ok "Worker"']);
  });

  it("fails to start with failed_to_start_child when a child's init fails", async () => {
    const h = await runSnippet({
      "Bad.ts": `import { GenServer } from "otp";
        export function start_link() { return GenServer.start_link(__MODULE__, null); }
        export function init() { return ["stop", "nope"]; }`,
      "Main.ts": `${IMPORTS}
        export async function start() {
          Process.flag("trap_exit", true);
          log(inspect(await Supervisor.start_link(["Bad"], {})));
        }`,
    }, { until: 100 });
    expect(h.texts()).toEqual(['["error", ["shutdown", ["failed_to_start_child", "Bad", "nope"]]]']);
  });
});

describe("Supervisor shutdown of a child", () => {
  it("waits the child's shutdown time for it to exit, then kills it; brutal_kill kills at once", async () => {
    const slow = `import { GenServer, Process, log, inspect } from "otp";
      export function start_link(k: string) { return GenServer.start_link(__MODULE__, k, { name: k }); }
      export function init(k: string) { Process.flag("trap_exit", true); return ["ok", k]; }
      export async function terminate(r: unknown, k: string) { log("terminate", k, inspect(r)); await Process.sleep(10000); log("never"); }`;
    const h = await runSnippet({
      "Slow.ts": slow,
      "Main.ts": `${IMPORTS}
        export async function start() {
          await Supervisor.start_link([
            { id: "a", start: ["Slow", "start_link", ["a"]] },
            { id: "b", start: ["Slow", "start_link", ["b"]], shutdown: "brutal_kill" },
            { id: "c", start: ["Slow", "start_link", ["c"]], shutdown: 100 },
          ], { name: "sup" });
          spawn(async () => {
            await Process.sleep(10);
            for (const id of ["a", "b", "c"]) log("terminate_child", id, inspect(await Supervisor.terminate_child("sup", id)));
          });
        }`,
    }, { until: 20000 });
    expect(h.logs()).toEqual([
      '10 terminate a "shutdown"',
      '5010 terminate_child a "ok"',
      '5010 terminate_child b "ok"',
      '5010 terminate c "shutdown"',
      '5110 terminate_child c "ok"',
    ]);
    expect(h.exits(true).map((l) => l.replace(/#PID<[^>]+> /, ""))).toEqual(['5010 "killed"', '5010 "killed"', '5110 "killed"']);
  });
});

describe("DynamicSupervisor", () => {
  it("starts children on demand and restarts a permanent child that crashes", async () => {
    const h = await run(`${IMPORTS}
      export async function start() {
        const [, sup] = await DynamicSupervisor.start_link({ name: "dyn" });
        const r1 = await DynamicSupervisor.start_child("dyn", ${child("d1")});
        const r2 = await DynamicSupervisor.start_child("dyn", ${child("d2")});
        log(r1[0], r1[1] === Process.whereis("d1"), r2[0]);
        log(inspect((await DynamicSupervisor.which_children("dyn")).map(([id, pid, type]) => [id, pid === Process.whereis("d1") || pid === Process.whereis("d2"), type])));
        spawn(async () => {
          const old = Process.whereis("d1");
          GenServer.cast("d1", "crash");
          await Process.sleep(10);
          log("restarted", Process.whereis("d1") !== old && Process.whereis("d1") !== null);
          log(inspect(await DynamicSupervisor.count_children("dyn")));
          log(inspect(await DynamicSupervisor.terminate_child("dyn", Process.whereis("d2"))));
          log(inspect(await DynamicSupervisor.count_children("dyn")));
        });
      }`);
    expect(h.texts()).toEqual([
      "init d1",
      "init d2",
      "ok true ok",
      '[["undefined", true, "worker"], ["undefined", true, "worker"]]',
      "terminate d1 error",
      "init d1",
      "restarted true",
      "{specs: 2, active: 2, supervisors: 0, workers: 2}",
      "terminate d2 shutdown",
      '"ok"',
      "{specs: 1, active: 1, supervisors: 0, workers: 1}",
    ]);
  });
});
