import { describe, expect, it } from "vitest";
import { runMain } from "../session/testing";

const HEADER = `import { spawn, spawn_link, spawn_monitor, send, receive, self, log, inspect, exit, TIMEOUT, Process, SystemLimitError } from "otp";\n`;

/** Runs `Main.ts` made of the shared import line and `body`, to `until` virtual ms. */
const run = (body: string, until = 5000, options = {}) => runMain(HEADER + body, { until, ...options });

describe("spawn, send and receive", () => {
  it("delivers messages in the order they were sent, and receive() takes the oldest", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => { for (let i = 0; i < 3; i++) log(inspect(await receive())); });
        send(p, "a");
        send(p, ["b", 1]);
        send(p, { c: 2 });
      }`);
    expect(h.logs()).toEqual(['0 "a"', '0 ["b", 1]', "0 {c: 2}"]);
  });

  it("returns the message from send, as Elixir does", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => { await receive(); });
        log(inspect(send(p, ["hello", 1])));
      }`);
    expect(h.texts()).toEqual(['["hello", 1]']);
  });

  it("lets receive(match) take the oldest matching message and leaves the others in order", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => {
          log("first", await receive((m) => m[0] === "b"));
          for (let i = 0; i < 3; i++) log("then", await receive());
        });
        send(p, ["a", 1]);
        send(p, ["b", 1]);
        send(p, ["a", 2]);
        send(p, ["b", 2]);
      }`);
    expect(h.texts()).toEqual(['first ["b", 1]', 'then ["a", 1]', 'then ["a", 2]', 'then ["b", 2]']);
  });

  it("wakes a selective receive only for a matching message, even one sent later", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => {
          log("got", await receive((m) => m === "wanted"));
          log("left", Process.info(self()).message_queue_len);
        });
        Process.send_after(p, "noise", 10);
        Process.send_after(p, "noise", 20);
        Process.send_after(p, "wanted", 30);
      }`);
    expect(h.logs()).toEqual(["30 got wanted", "30 left 2"]);
  });
});

describe("console", () => {
  it("captures console.log in process code as a log line of that process", async () => {
    const h = await run(`
      export function start() {
        console.log("from start", { a: 1 });
        const p = spawn(() => console.info("from child"));
        log("child is", String(p));
      }`);
    const shell = h.of("spawn").find((e) => e.kind === "shell")!.pid;
    const child = h.of("spawn").find((e) => e.kind === "process")!.pid;
    expect(h.of("log").map((e) => [e.pid, e.text])).toEqual([
      [shell, "from start {a: 1}"],
      [shell, `child is ${child}`],
      [child, "from child"],
    ]);
  });
});

describe("receive with a timeout", () => {
  it("resolves to TIMEOUT at exactly the virtual ms when nothing comes", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => { const r = await receive(undefined, 250); log(r === TIMEOUT ? "timeout" : "got"); });
      }`);
    expect(h.logs()).toEqual(["250 timeout"]);
  });

  it("resolves to the message when it arrives in time, and the timeout never fires", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => {
          log(inspect(await receive(undefined, 250)));
          log(inspect(await receive(undefined, 1000)));
        });
        Process.send_after(p, "early", 100);
      }`);
    expect(h.logs()).toEqual(['100 "early"', "1100 TIMEOUT"]);
  });

  it("times out when only non-matching messages arrive, leaving them in the mailbox", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => {
          const r = await receive((m) => m === "yes", 300);
          log(inspect(r), Process.info(self()).message_queue_len);
          log(inspect(await receive()));
        });
        Process.send_after(p, "no", 100);
        Process.send_after(p, "no2", 200);
      }`);
    expect(h.logs()).toEqual(["300 TIMEOUT 2", '300 "no"']);
  });

  it("with a timeout of 0 only looks at what is already there", async () => {
    const h = await run(`
      export async function start() {
        log("empty:", inspect(await receive(undefined, 0)));
        send(self(), "x");
        log("full:", inspect(await receive(undefined, 0)));
      }`);
    expect(h.logs()).toEqual(["0 empty: TIMEOUT", '0 full: "x"']);
  });

  it("sleeps in virtual time", async () => {
    const h = await run(`
      export async function start() {
        await Process.sleep(1234);
        log("awake");
      }`);
    expect(h.logs()).toEqual(["1234 awake"]);
  });
});

describe("send_after and cancel_timer", () => {
  it("delivers at now + ms, and a cancelled timer returns the ms left and never delivers", async () => {
    const h = await run(`
      export async function start() {
        const me = self();
        const t1 = Process.send_after(me, "one", 100);
        const t2 = Process.send_after(me, "two", 300);
        await Process.sleep(50);
        log("left", Process.cancel_timer(t2));
        log("again", Process.cancel_timer(t2));
        log(inspect(await receive()));
        log(inspect(await receive(undefined, 1000)));
        log("fired", Process.cancel_timer(t1));
      }`);
    expect(h.logs()).toEqual(["50 left 250", "50 again false", '100 "one"', "1100 TIMEOUT", "1100 fired false"]);
  });

  it("delivers two timers due at the same ms in the order they were set", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => { for (;;) log(inspect(await receive())); });
        for (const m of ["a", "b", "c"]) Process.send_after(p, m, 100);
        Process.send_after(p, "first", 50);
      }`);
    expect(h.logs()).toEqual(['50 "first"', '100 "a"', '100 "b"', '100 "c"']);
  });

  it("resolves a registered name when the timer fires, and drops the message if nobody holds it", async () => {
    const h = await run(`
      export function start() {
        Process.send_after("late", "hi", 100);
        Process.send_after("nobody", "lost", 100);
        Process.register(spawn(async () => log(inspect(await receive()))), "late");
      }`);
    expect(h.logs()).toEqual(['100 "hi"']);
    expect(h.exits(true)).toEqual([]);
  });
});

describe("links", () => {
  it("kills a linked process with the same reason when one exits abnormally", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          log("parent");
          spawn_link(async () => { log("child"); await Process.sleep(100); exit("boom"); });
          await receive();
        });
      }`);
    const [parent, child] = [h.pidOfLog(/^parent$/), h.pidOfLog(/^child$/)];
    expect(h.exitReason(child)).toBe('"boom"');
    expect(h.exitReason(parent)).toBe('"boom"');
    expect(h.of("exit").filter((e) => e.pid === parent)[0].t).toBe(100);
  });

  it("does not kill a linked process when one exits normally", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          spawn_link(() => log("child done"));
          await Process.sleep(200);
          log("parent still here");
        });
      }`);
    expect(h.logs()).toEqual(["0 child done", "200 parent still here"]);
  });

  it("turns exit signals into ['EXIT', pid, reason] messages for a trapping process", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          Process.flag("trap_exit", true);
          const a = spawn_link(async () => { await Process.sleep(10); exit("boom"); });
          const b = spawn_link(async () => { await Process.sleep(20); });
          for (let i = 0; i < 2; i++) {
            const [tag, from, reason] = await receive();
            log(tag, from === a ? "a" : from === b ? "b" : "?", inspect(reason));
          }
        });
      }`);
    expect(h.logs()).toEqual(['10 EXIT a "boom"', '20 EXIT b "normal"']);
  });

  it("reports a thrown error as the exit reason [error, stacktrace] to a trapping linked process", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          Process.flag("trap_exit", true);
          spawn_link(() => { throw new TypeError("bad"); });
          const [, , [err]] = await receive();
          log(inspect(err));
        });
      }`);
    expect(h.texts()).toEqual(['%TypeError{message: "bad"}']);
  });

  it("kills even a trapping process with Process.exit(pid, 'kill'), and its links see 'killed'", async () => {
    const h = await run(`
      export function start() {
        const victim = spawn(async () => { Process.flag("trap_exit", true); log("victim"); await receive(); log("never"); });
        spawn(async () => {
          Process.flag("trap_exit", true);
          Process.link(victim);
          Process.exit(victim, "kill");
          log(inspect((await receive())[2]));
        });
      }`);
    expect(h.texts()).toEqual(["victim", '"killed"']);
    expect(h.exitReason(h.pidOfLog(/^victim$/))).toBe('"killed"');
  });

  it("sends 'kill', not 'killed', to the links of a process that calls exit('kill') itself", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          Process.flag("trap_exit", true);
          spawn_link(() => exit("kill"));
          log(inspect((await receive())[2]));
        });
      }`);
    expect(h.texts()).toEqual(['"kill"']);
  });

  it("ignores Process.exit(pid, 'normal') from another process unless the target traps exits", async () => {
    const h = await run(`
      export async function start() {
        const plain = spawn(async () => { await Process.sleep(100); log("plain survived"); });
        const trapping = spawn(async () => { Process.flag("trap_exit", true); log(inspect(await receive())); });
        await Process.sleep(10);
        Process.exit(plain, "normal");
        Process.exit(trapping, "normal");
      }`);
    expect(h.texts()).toEqual([expect.stringMatching(/^\["EXIT", #PID<0\.\d+\.0>, "normal"\]$/), "plain survived"]);
  });

  it("gives a trapping process ['EXIT', pid, 'noproc'] when it links to a dead pid", async () => {
    const h = await run(`
      export async function start() {
        const dead = spawn(() => {});
        await Process.sleep(10);
        spawn(async () => {
          Process.flag("trap_exit", true);
          log("link returns", Process.link(dead));
          const m = await receive();
          log(m[0], m[1] === dead, m[2]);
        });
      }`);
    expect(h.texts()).toEqual(["link returns true", "EXIT true noproc"]);
  });

  it("raises a catchable noproc error when a non-trapping process links to a dead pid", async () => {
    // On the BEAM, link/1 to a dead pid fails with error:noproc when the caller does not trap
    // exits (Elixir: ** (ErlangError) Erlang error: :noproc); it is an exception, not an exit signal.
    const h = await run(`
      export async function start() {
        const dead = spawn(() => {});
        await Process.sleep(10);
        spawn(async () => {
          try {
            Process.link(dead);
            log("no error");
          } catch (e) {
            log("caught", String(e?.message ?? e).includes("noproc"));
          }
          log("alive");
        });
      }`);
    expect(h.texts()).toEqual(["caught true", "alive"]);
  });

  it("unlink stops an exit from propagating", async () => {
    const h = await run(`
      export function start() {
        spawn(async () => {
          const child = spawn_link(async () => { await Process.sleep(10); exit("boom"); });
          Process.unlink(child);
          await Process.sleep(50);
          log("survived");
        });
      }`);
    expect(h.texts()).toEqual(["survived"]);
  });
});

describe("monitors", () => {
  it("delivers ['DOWN', ref, 'process', pid, reason] once when the watched process ends", async () => {
    const h = await run(`
      export async function start() {
        const [pid, ref] = spawn_monitor(async () => { await Process.sleep(30); exit("bye"); });
        const m = await receive();
        log(m[0], m[1] === ref, m[2], m[3] === pid, m[4]);
        log(inspect(await receive(undefined, 100)));
      }`);
    expect(h.logs()).toEqual(["30 DOWN true process true bye", "130 TIMEOUT"]);
  });

  it("delivers DOWN with noproc for a pid that is already dead", async () => {
    const h = await run(`
      export async function start() {
        const dead = spawn(() => {});
        await Process.sleep(10);
        const ref = Process.monitor(dead);
        const m = await receive();
        log(m[0], m[1] === ref, m[3] === dead, m[4]);
        log(inspect(await receive(undefined, 100)));
      }`);
    expect(h.logs()).toEqual(["10 DOWN true true noproc", "110 TIMEOUT"]);
  });

  it("demonitor before the death means no DOWN arrives", async () => {
    const h = await run(`
      export async function start() {
        const p = spawn(async () => { await Process.sleep(10); exit("x"); });
        const ref = Process.monitor(p);
        Process.demonitor(ref);
        log(inspect(await receive(undefined, 100)));
      }`);
    expect(h.logs()).toEqual(["100 TIMEOUT"]);
  });

  it("demonitor with flush removes a DOWN already in the mailbox, without flush it stays", async () => {
    const h = await run(`
      export async function start() {
        const [, r1] = spawn_monitor(() => {});
        const [, r2] = spawn_monitor(() => {});
        await Process.sleep(10);
        Process.demonitor(r1, { flush: true });
        Process.demonitor(r2);
        const m = await receive(undefined, 0);
        log(m === TIMEOUT ? "empty" : m[1] === r2 ? "r2 stayed" : "r1 stayed");
        log(inspect(await receive(undefined, 0)));
      }`);
    expect(h.texts()).toEqual(["r2 stayed", "TIMEOUT"]);
  });
});

describe("registered names", () => {
  it("refuses a name that is already taken, and a second name for the same process", async () => {
    const h = await run(`
      export function start() {
        const a = spawn(async () => { await receive(); });
        const b = spawn(async () => { await receive(); });
        Process.register(a, "svc");
        try { Process.register(b, "svc"); log("registered twice"); } catch (e) { log("taken:", e.message); }
        try { Process.register(a, "other"); log("two names"); } catch (e) { log("second name:", e.message); }
        log(Process.whereis("svc") === a, Process.whereis("other"));
      }`);
    const t = h.texts();
    expect(t[0]).toMatch(/^taken: badarg/);
    expect(t[1]).toMatch(/^second name: badarg/);
    expect(t[2]).toBe("true null");
  });

  it("frees the name when its process dies: whereis is null and the name can be taken again", async () => {
    const h = await run(`
      export async function start() {
        const a = spawn(async () => { await Process.sleep(10); });
        Process.register(a, "svc");
        log(Process.whereis("svc") === a);
        await Process.sleep(20);
        log(inspect(Process.whereis("svc")), Process.alive(a));
        const b = spawn(async () => { await receive(); });
        Process.register(b, "svc");
        log(Process.whereis("svc") === b);
      }`);
    expect(h.texts()).toEqual(["true", "null false", "true"]);
  });

  it("sends by name, and sending to an unregistered name throws badarg", async () => {
    const h = await run(`
      export async function start() {
        Process.register(spawn(async () => log("got", await receive())), "echo");
        send("echo", "by name");
        try { send("ghost", 1); } catch (e) { log("error:", e.message); }
      }`);
    expect(h.texts()[0]).toMatch(/^error: badarg/);
    expect(h.texts()[1]).toBe("got by name");
  });

  it("unregister frees the name while the process lives on", async () => {
    const h = await run(`
      export function start() {
        const a = spawn(async () => { await receive(); });
        Process.register(a, "svc");
        Process.unregister("svc");
        log(inspect(Process.whereis("svc")), Process.alive(a));
      }`);
    expect(h.texts()).toEqual(["null true"]);
  });
});

describe("messages are copied on send", () => {
  it("gives the receiver its own copy: neither side sees the other's mutations, pids stay pids", async () => {
    const h = await run(`
      export async function start() {
        const me = self();
        const data = { items: [1], owner: me };
        const p = spawn(async () => {
          const m = await receive();
          m.items.push("receiver");
          log("receiver sees", inspect(m.items), m.owner === me);
          send(m.owner, "done");
        });
        send(p, data);
        data.items.push("sender");
        await receive();
        log("sender sees", inspect(data.items));
      }`);
    expect(h.texts()).toEqual(['receiver sees [1, "receiver"] true', 'sender sees [1, "sender"]']);
  });

  it("copies the message of send_after when the timer is set", async () => {
    const h = await run(`
      export async function start() {
        const msg = { n: 1 };
        Process.send_after(self(), msg, 10);
        msg.n = 2;
        log(inspect(await receive()));
      }`);
    expect(h.texts()).toEqual(["{n: 1}"]);
  });

  it("keeps a function in a message callable by the receiver", async () => {
    const h = await run(`
      export function start() {
        const p = spawn(async () => { const [f] = await receive(); log("result", f(20)); });
        send(p, [(x) => x + 1]);
      }`);
    expect(h.texts()).toEqual(["result 21"]);
  });
});

describe("determinism", () => {
  it("gives identical event JSON when the same snippet runs twice", async () => {
    const files = {
      "Main.ts": HEADER + `
        import { Supervisor } from "otp";
        export async function start() {
          await Supervisor.start_link(["Worker"], { strategy: "one_for_one", max_restarts: 10 });
          for (let i = 0; i < 3; i++) {
            spawn(async () => {
              for (let k = 0; k < 4; k++) { await Process.sleep(70 * (i + 1)); send("worker", ["hit", i]); }
            });
          }
        }`,
      "Worker.ts": `
        import { GenServer, log, self } from "otp";
        export function start_link() { return GenServer.start_link(__MODULE__, 0, { name: "worker" }); }
        export function init(n: number) { return ["ok", n]; }
        export function handle_info(m: [string, number], n: number) {
          log("hit", m[1], n, String(self()));
          if (n === 3) throw new Error("third time");
          return ["noreply", n + 1];
        }`,
    };
    const once = async () => {
      const { runSnippet } = await import("../session/testing");
      const h = await runSnippet(files, { until: 2000, traceSends: true });
      return h;
    };
    const a = await once();
    const b = await once();
    expect(a.of("exit").length).toBeGreaterThan(0);
    expect(a.of("log").length).toBeGreaterThan(5);
    expect(b.json()).toBe(a.json());
  });
});

describe("the process limit", () => {
  it("raises a catchable SystemLimitError past maxProcesses, and the runtime carries on", async () => {
    const h = await run(`
      export async function start() {
        const pids = [];
        try {
          for (let i = 0; i < 1000; i++) pids.push(spawn(async () => { await receive(); }));
          log("no limit");
        } catch (e) {
          log("caught", e instanceof SystemLimitError, e.name, e.message.includes("system_limit"), pids.length);
        }
        for (const p of pids.slice(0, 5)) send(p, "stop");
        await Process.sleep(100);
        const again = spawn(() => log("spawned again"));
        log("still alive", Process.alive(self()));
      }`, 1000, { maxProcesses: 100 });
    // The shell is one of the 100 processes.
    expect(h.texts()).toEqual(["caught true SystemLimitError true 99", "still alive true", "spawned again"]);
  });
});

describe("a receive timeout that falls in the same ms as a message", () => {
  it("takes the message when it arrived before the timeout fired", async () => {
    // The send_after timer is set first, so at t = 100 it fires first; the receive still
    // looks at its mailbox once more before giving up, as the BEAM does.
    const h = await run(`
      export async function start() {
        Process.send_after(self(), "hello", 100);
        const got = await receive(undefined, 100);
        log(got === TIMEOUT ? "timeout" : inspect(got));
      }`, 200);
    expect(h.logs()).toEqual(['100 "hello"']);
  });

  it("times out when the message comes later in the same ms", async () => {
    const h = await run(`
      export async function start() {
        const me = self();
        spawn(async () => { await Process.sleep(100); send(me, "late"); });
        const got = await receive(undefined, 100);
        log(got === TIMEOUT ? "timeout" : inspect(got));
        await Process.sleep(1);
        log("then", inspect(await receive(undefined, 0)));
      }`, 200);
    expect(h.logs()).toEqual(["100 timeout", '101 then "late"']);
  });
});

describe("an async call that is never awaited", () => {
  it("is reported with a warning that names it, since it cannot run on its own here", async () => {
    const h = await run(`
      async function loop(n: number) { while (true) { await receive(); } }
      export function start() {
        spawn(() => { loop(0); });
      }`, 10);
    const warnings = h.of("warning").map((w) => w.text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^loop was called but has not run/);
  });

  it("is not reported when it is awaited or returned", async () => {
    const h = await run(`
      async function loop(n: number) { while (true) { await receive(); } }
      async function once() { return 1; }
      export async function start() {
        spawn(() => loop(0));
        log(await once());
      }`, 10);
    expect(h.of("warning")).toEqual([]);
    expect(h.texts()).toEqual(["1"]);
  });
});

describe("throw of a value that is not an Error (Erlang's throw)", () => {
  it("ends a plain process with [['nocatch', value], stacktrace], and try/catch still catches it", async () => {
    const h = await run(`
      export function start() {
        spawn(() => { try { throw 42; } catch (v) { log("caught", v); } });
        spawn(async () => {
          const [a] = spawn_monitor(() => { throw ["ok", 1]; });
          const [b] = spawn_monitor(async () => { await Process.sleep(5); throw "x"; });
          const down = [await receive(), await receive()];
          log(down.map((m: any) => inspect(m[4][0])).join(" "), down[0][3] === a, down[1][3] === b);
        });
      }`);
    expect(h.texts()).toEqual(["caught 42", '["nocatch", ["ok", 1]] ["nocatch", "x"] true true']);
    expect(h.exits(true).map((l) => l.split(" ").slice(2).join(" "))).toEqual(['[["nocatch", ["ok", 1]], #Stacktrace<>]', '[["nocatch", "x"], #Stacktrace<>]']);
  });
});
