import { describe, expect, it } from "vitest";
import { Bin, EMap, list } from "../terms";
import { boot, fn } from "./harness";

const b = (s: string) => new Bin(s);

describe("IO and Logger write log lines of the calling process", () => {
  it("IO.puts prints chardata, IO.inspect prints with a label and returns its argument", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      ex.M("IO")["puts/1"](b("Counter: 11"));
      ex.M("IO")["puts/1"](list([b("a"), 98]));
      const same = ex.M("IO")["inspect/2"](EMap.of({ count: 1 }), list([["label", b("state")]]));
      return ex.M("IO")["inspect/1"](same);
    });
    expect(ex.texts()).toEqual(["Counter: 11", "ab", "state: %{count: 1}", "%{count: 1}"]);
    expect(result).toBe("%{count: 1}");
  });
  it("Logger.info / warning / error prefix the level", () => {
    const ex = boot();
    ex.run(function* () {
      yield ex.M("Logger")["info/1"](b("started"));
      yield ex.M("Logger")["warning/1"](fn(0, () => b("lazy")));
      return yield ex.M("Logger")["error/2"](b("bad"), list([]));
    });
    expect(ex.texts()).toEqual(["[info] started", "[warning] lazy", "[error] bad"]);
  });
});

describe("Process", () => {
  it("send_after delivers on virtual time; cancel_timer stops one", () => {
    const ex = boot();
    const P = ex.M("Process");
    ex.run(function* () {
      const me = ex.M("Kernel")["self/0"]();
      P["send_after/3"](me, "tick", 1000);
      const ref = P["send_after/3"](me, "never", 500);
      P["cancel_timer/1"](ref);
      const got = yield ex.api.receive();
      ex.M("IO")["inspect/1"]([got, ex.rt.now]);
      return got;
    });
    expect(ex.logs()).toEqual(["1000 {:tick, 1000}"]);
  });
  it("whereis gives nil for a free name, alive? and the trap_exit flag", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const P = ex.M("Process");
      const old = P["flag/2"]("trap_exit", true);
      return [P["whereis/1"]("nobody"), P["alive?/1"](ex.M("Kernel")["self/0"]()), old];
    });
    expect(result).toBe("{nil, true, false}");
  });
  it("a linked process that raises sends {:EXIT, pid, {%RuntimeError{}, stack}} to a trapping parent", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      ex.M("Process")["flag/2"]("trap_exit", true);
      ex.M("Kernel")["spawn_link/1"](fn(0, () => ex.M("Kernel")["raise/1"](b("boom"))));
      const msg = (yield ex.api.receive()) as unknown[];
      return [msg[0], (msg[2] as unknown[])[0]];
    });
    expect(result).toBe('{:EXIT, %RuntimeError{message: "boom"}}');
  });
  it("monitors deliver {:DOWN, ref, :process, pid, reason}", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const [pid, ref] = ex.M("Kernel")["spawn_monitor/1"](fn(0, () => ex.M("Kernel")["exit/1"]("bye")));
      const msg = (yield ex.api.receive()) as unknown[];
      return [msg[0], msg[1] === ref, msg[2], msg[3] === pid, msg[4]];
    });
    expect(result).toBe("{:DOWN, true, :process, true, :bye}");
    expect(ex.events.filter((e) => e.type === "down").map((e) => (e as { reason: string }).reason)).toEqual([":bye"]);
  });
});

describe(":code and :erlang", () => {
  it("reports old code the way IEx's helpers see it", () => {
    const ex = boot();
    ex.load("Mod", { "f/0": () => 1 });
    ex.load("Mod", { "f/0": () => 2 });
    const code = ex.M(":code"), erlang = ex.M(":erlang");
    expect(erlang["check_old_code/1"]("Elixir.Mod")).toBe(true);
    expect(code["soft_purge/1"]("Elixir.Mod")).toBe(true);
    expect(erlang["check_old_code/1"]("Elixir.Mod")).toBe(false);
    expect(code["is_loaded/1"]("Elixir.Nope")).toBe(false);
    expect(ex.M("Code")["ensure_loaded/1"]("Elixir.Enum")).toEqual(["module", "Elixir.Enum"]);
    expect(ex.M("Kernel")["apply/3"]("Elixir.Mod", "f", list([]))).toBe(2);
  });
});

describe("IO.inspect lays out long terms in 80 columns, as IEx prints them", () => {
  it("breaks a long tuple where Elixir does; inspect/1 keeps one line", () => {
    const ex = boot();
    const term = ["caught", "error", ["callback_failed", ["gen_server", "system_replace_state"], ["throw", "nope"]]];
    ex.run(function* () {
      return ex.M("IO")["inspect/1"](term);
    });
    // Recorded: conformance/elixir/sys_errors (IO.inspect on the BEAM).
    expect(ex.texts()).toEqual(["{:caught, :error,\n {:callback_failed, {:gen_server, :system_replace_state}, {:throw, :nope}}}"]);
    expect(ex.M("Kernel")["inspect/1"](term).s).toBe("{:caught, :error, {:callback_failed, {:gen_server, :system_replace_state}, {:throw, :nope}}}");
    expect(ex.M("Kernel")["inspect/2"](term, list([["pretty", true]])).s).toContain("\n");
  });
});

describe("crash reasons have the BEAM's shape", () => {
  it("a throw nobody catches ends the process with {{:nocatch, v}, stack}", () => {
    const ex = boot();
    ex.run(function* () {
      return ex.M("Kernel")["throw/1"]("oops");
    });
    expect(ex.exits()).toEqual(["{{:nocatch, :oops}, [{nil, nil, nil, []}]}"]);
  });
  it("the stack is a list of {module, fun, arity, [file: ..., line: ...]} built from the mapped frames", async () => {
    const { elixirStacktrace } = await import("../errors");
    const { inspect } = await import("../inspect");
    const { Stacktrace } = await import("../../terms");
    const st = elixirStacktrace([{ file: "counter.ex", line: 12, column: 5, fn: "handle_info/2", module: "Elixir.Counter" }]);
    expect(inspect(st)).toBe("[{Counter, :handle_info, 2, [file: 'counter.ex', line: 12]}]");
    expect(st instanceof Stacktrace).toBe(true);
  });
  it("sending to an unregistered name raises ArgumentError \"invalid destination\"", () => {
    const ex = boot();
    ex.run(function* () {
      return ex.M("Kernel")["send/2"]("watcher", 1);
    });
    expect(ex.exits()[0]).toMatch(/^\{:badarg, \[/);
  });
  it("Process.demonitor with :info tells whether the monitor was still active", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const P = ex.M("Process");
      const pid = ex.M("Kernel")["spawn/1"](fn(0, () => null));
      const ref = P["monitor/1"](pid);
      const first = P["demonitor/2"](ref, list(["info"]));
      return [first, P["demonitor/2"](ref, list(["info"]))];
    });
    expect(result).toBe("{true, false}");
  });
});

describe("timers", () => {
  it("read_timer tells the ms left, false once fired; :timer.send_interval repeats until cancelled", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const P = ex.M("Process"), timer = ex.M(":timer");
      const me = ex.M("Kernel")["self/0"]();
      const ref = P["send_after/3"](me, "fired", 200);
      yield P["sleep/1"](50);
      const left = P["read_timer/1"](ref);
      yield P["sleep/1"](200);
      const after = P["read_timer/1"](ref);
      const [, tref] = timer["send_interval/2"](100, "tick");
      yield P["sleep/1"](350);
      timer["cancel/1"](tref);
      yield P["sleep/1"](300);
      const got: unknown[] = [];
      for (;;) {
        const m = yield ex.api.receive(undefined, 0);
        if (typeof m === "symbol") break;
        got.push(m);
      }
      return [left, after, list(got)];
    });
    expect(result).toBe("{150, false, [:fired, :tick, :tick, :tick]}");
  });
});

describe(":code.purge", () => {
  it("answers whether it killed a process, as code:purge/1 does (recorded in conformance/elixir/old_code_checks)", () => {
    const ex = boot();
    ex.load("Mod", { "f/0": () => 1 });
    ex.load("Mod", { "f/0": () => 2 });
    expect(ex.M(":code")["purge/1"]("Elixir.Mod")).toBe(false);
    expect(ex.M(":code")["purge/1"]("Elixir.Mod")).toBe(false);
  });
});

describe("the process dictionary", () => {
  it("put returns the old value, get reads it, each process has its own", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const P = ex.M("Process");
      const first = P["put/2"]("count", 1);
      const second = P["put/2"]("count", 2);
      let other: unknown = "unset";
      ex.M("Kernel")["spawn/1"](fn(0, () => (other = P["get/1"]("count"))));
      yield P["sleep/1"](1);
      return [first, second, P["get/1"]("count"), other, P["delete/1"]("count"), P["get/2"]("count", 0)];
    });
    expect(result).toBe("{nil, 1, 2, nil, 2, 0}");
  });
});
