import { describe, expect, it } from "vitest";
import { ExitError } from "../../terms";
import { runtimeError } from "../errors";
import { EMPTY, EMap, list } from "../terms";
import { type Elixir, boot, fn, gfn } from "./harness";


/** A `use GenServer` counter, as compiled Elixir exports it (keys "name/arity"). */
function loadCounter(ex: Elixir) {
  ex.load("Counter", {
    "start_link/1": (arg: unknown) => ex.M("GenServer")["start_link/3"]("Elixir.Counter", arg, list([["name", "counter"]])),
    "child_spec/1": (arg: unknown) => EMap.of({ id: "Elixir.Counter", start: ["Elixir.Counter", "start_link", list([arg])] }),
    "init/1": fn(1, (n: number) => ["ok", n]),
    "handle_call/3": fn(3, (req: unknown, _from: unknown, s: number) =>
      req === "get" ? ["reply", s, s] : req === "slow" ? ["noreply", s] : ["reply", "ok", s]),
    "handle_cast/2": fn(2, (msg: unknown[], s: number) => ["noreply", s + (msg[1] as number)]),
    "handle_info/2": fn(2, (msg: unknown, s: number) => {
      if (msg === "boom") throw runtimeError("boom");
      return ["noreply", s + 1];
    }),
  });
}

describe("GenServer from Elixir", () => {
  it("starts with name:, answers calls, takes casts and prints its state the Elixir way", () => {
    const ex = boot();
    loadCounter(ex);
    const { result } = ex.run(function* () {
      const started = yield ex.M("Counter")["start_link/1"](10);
      ex.M("GenServer")["cast/2"]("counter", ["add", 5]);
      ex.M("Kernel")["send/2"]("counter", "tick");
      const got = yield ex.M("GenServer")["call/2"]("counter", "get");
      return [started[0], got, ex.M("GenServer")["whereis/1"]("counter") === started[1]];
    });
    expect(result).toBe("{:ok, 16, true}");
    expect(ex.events.filter((e) => e.type === "state").map((e) => (e as { state: string }).state)).toEqual(["10", "15", "16"]);
  });

  it("a call that times out exits the caller with {:timeout, {GenServer, :call, [...]}}", () => {
    const ex = boot();
    loadCounter(ex);
    ex.run(function* () {
      yield ex.M("Counter")["start_link/1"](0);
      ex.M("Process")["flag/2"]("trap_exit", true);
      return yield ex.M("GenServer")["call/3"]("counter", "slow", 100);
    });
    expect(ex.exits()[0]).toBe("{:timeout, {GenServer, :call, [:counter, :slow, 100]}}");
  });

  it("a raise in a callback crashes the server with {%RuntimeError{}, stack}", () => {
    const ex = boot();
    loadCounter(ex);
    ex.run(function* () {
      yield ex.M("GenServer")["start/2"]("Elixir.Counter", 0);
      const pid = (yield ex.M("GenServer")["start/2"]("Elixir.Counter", 0))[1];
      ex.M("Kernel")["send/2"](pid, "boom");
      return yield ex.M("Process")["sleep/1"](10);
    });
    expect(ex.exits()).toContain('{%RuntimeError{message: "boom"}, [{nil, nil, nil, []}]}');
  });

  it("calling a dead name exits with {:noproc, {GenServer, :call, ...}}", () => {
    const ex = boot();
    ex.run(function* () {
      return yield ex.M("GenServer")["call/2"]("nobody", "get");
    });
    expect(ex.exits()[0]).toBe("{:noproc, {GenServer, :call, [:nobody, :get, 5000]}}");
  });
});

describe("Supervisor from Elixir", () => {
  it("starts children given as a module, restarts a crashed one, and reports them as Elixir terms", () => {
    const ex = boot();
    loadCounter(ex);
    const { result } = ex.run(function* () {
      const [, sup] = yield ex.M("Supervisor")["start_link/2"](list(["Elixir.Counter"]), list([["strategy", "one_for_one"]]));
      const before = ex.M("Process")["whereis/1"]("counter");
      ex.M("Process")["exit/2"](before, "kill");
      yield ex.M("Process")["sleep/1"](1);
      const after = ex.M("Process")["whereis/1"]("counter");
      const children = yield ex.M("Supervisor")["which_children/1"](sup);
      const counts = yield ex.M("Supervisor")["count_children/1"](sup);
      return [before !== after && after !== null, children === EMPTY ? "none" : (children as { head: unknown[] }).head[0], counts];
    });
    expect(result).toBe("{true, Counter, %{active: 1, specs: 1, supervisors: 0, workers: 1}}");
  });

  it("runs a `use Supervisor` module's init/1 (Supervisor.init/2 with {Mod, arg} children)", () => {
    const ex = boot();
    loadCounter(ex);
    ex.load("App.Sup", {
      "init/1": gfn(1, function* (_arg: unknown) {
        return yield ex.M("Supervisor")["init/2"](list([["Elixir.Counter", 7]]), list([["strategy", "one_for_all"]]));
      }),
    });
    const { result } = ex.run(function* () {
      const started = yield ex.M("Supervisor")["start_link/3"]("Elixir.App.Sup", null, list([["name", "sup"]]));
      const got = yield ex.M("GenServer")["call/2"]("counter", "get");
      return [started[0], got];
    });
    expect(result).toBe("{:ok, 7}");
    expect(ex.events.find((e) => e.type === "behaviour" && (e as { behaviour: string }).behaviour === "supervisor")).toMatchObject({ module: "App.Sup" });
  });

  it("Supervisor.child_spec/2 overrides a module's spec", () => {
    const ex = boot();
    loadCounter(ex);
    const { result } = ex.run(function* () {
      return yield ex.M("Supervisor")["child_spec/2"](["Elixir.Counter", 1], list([["id", "other"]]));
    });
    expect(result).toBe("%{id: :other, start: {Counter, :start_link, [1]}}");
  });

  it("a child module that does not exist is an ArgumentError with Elixir's message", () => {
    const ex = boot();
    ex.run(function* () {
      return yield ex.M("Supervisor")["start_link/2"](list(["Elixir.Nope"]), list([["strategy", "one_for_one"]]));
    });
    expect(ex.exits()[0]).toContain("The module Nope was given as a child to a supervisor but it does not exist");
  });

  it("DynamicSupervisor starts children on demand", () => {
    const ex = boot();
    loadCounter(ex);
    const { result } = ex.run(function* () {
      const [, sup] = yield ex.M("DynamicSupervisor")["start_link/1"](list([["strategy", "one_for_one"]]));
      const started = yield ex.M("DynamicSupervisor")["start_child/2"](sup, ["Elixir.Counter", 3]);
      const counts = yield ex.M("DynamicSupervisor")["count_children/1"](sup);
      return [started[0], counts.get("active")];
    });
    expect(result).toBe("{:ok, 1}");
  });
});

describe("Task and Agent", () => {
  it("Task.async/await runs the fun in another process and returns its value", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const task = ex.M("Task")["async/1"](gfn(0, function* () {
        yield ex.M("Process")["sleep/1"](50);
        return 42;
      }));
      return [yield ex.M("Task")["await/1"](task), task.structName];
    });
    expect(result).toBe("{42, Task}");
  });

  it("Task.await past its timeout exits with {:timeout, {Task, :await, [task, ms]}}", () => {
    const ex = boot();
    ex.run(function* () {
      const task = ex.M("Task")["async/1"](gfn(0, function* () {
        return yield ex.M("Process")["sleep/1"](500);
      }));
      return yield ex.M("Task")["await/2"](task, 100);
    });
    expect(ex.exits()[0]).toMatch(/^\{:timeout, \{Task, :await, \[%Task\{mfa: \{:erlang, :apply, 2\}, owner: #PID<0\.\d+\.0>, pid: #PID<0\.\d+\.0>, ref: #Reference<[\d.]+>\}, 100\]\}\}$/);
  });

  it("Agent keeps state behind get, update and get_and_update", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const [, a] = yield ex.M("Agent")["start_link/2"](fn(0, () => 1), list([["name", "acc"]]));
      yield ex.M("Agent")["update/2"]("acc", fn(1, (n: number) => n + 1));
      const pair = yield ex.M("Agent")["get_and_update/2"](a, fn(1, (n: number) => [n, n * 10]));
      return [pair, yield ex.M("Agent")["get/2"](a, fn(1, (n: number) => n))];
    });
    expect(result).toBe("{2, 20}");
  });
});

describe(":sys from Elixir", () => {
  it("get_state, replace_state with an async fun, suspend/resume and get_status", () => {
    const ex = boot();
    loadCounter(ex);
    const { result } = ex.run(function* () {
      yield ex.M("Counter")["start_link/1"](1);
      const sys = ex.M(":sys");
      const s1 = yield sys["get_state/1"]("counter");
      const s2 = yield sys["replace_state/2"]("counter", fn(1, (s: number) => s * 100));
      yield sys["suspend/1"]("counter");
      const status = yield sys["get_status/1"]("counter");
      yield sys["resume/1"]("counter");
      return [s1, s2, status[3].tail.head];
    });
    expect(result).toBe("{1, 100, :suspended}");
  });
});

describe("errors crossing into Elixir", () => {
  it("exit/1 ends a process with the bare reason", () => {
    const ex = boot();
    ex.run(function* () {
      return ex.M("Kernel")["exit/1"]("bye");
    });
    expect(ex.exits()).toEqual([":bye"]);
    expect(() => ex.M("Kernel")["exit/1"]("x")).toThrow(ExitError);
  });
  it("apply/3 of a missing module says it is not available; of a missing function, undefined or private", () => {
    const ex = boot();
    loadCounter(ex);
    expect(() => ex.M("Kernel")["apply/3"]("Elixir.Foo", "bar", EMPTY)).toThrow("function Foo.bar/0 is undefined (module Foo is not available)");
    expect(() => ex.M("Kernel")["apply/3"]("Elixir.Counter", "nope", list([1]))).toThrow("function Counter.nope/1 is undefined or private");
    expect(() => ex.M("Kernel")["apply/3"]("Elixir.Enum", "nope", EMPTY)).toThrow("function Enum.nope/0 is undefined or private");
  });
  it("Exception.message/1 of a rescued struct", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      return yield ex.M("Exception")["message/1"](EMap.of({ __struct__: "Elixir.KeyError", __exception__: true, key: "a", term: EMap.of({}), message: null }));
    });
    expect(result).toBe('"key :a not found in: %{}"');
  });
});

describe("DynamicSupervisor max_children", () => {
  it("refuses a child past max_children with {:error, :max_children}", () => {
    const ex = boot();
    const { result } = ex.run(function* () {
      const [, sup] = yield ex.M("DynamicSupervisor")["start_link/1"](list([["strategy", "one_for_one"], ["max_children", 1]]));
      const agent = EMap.of({ id: "a", start: ["Elixir.Agent", "start_link", list([fn(0, () => 0)])] });
      const first = yield ex.M("DynamicSupervisor")["start_child/2"](sup, agent);
      const second = yield ex.M("DynamicSupervisor")["start_child/2"](sup, agent);
      return [first[0], second];
    });
    expect(result).toBe("{:ok, {:error, :max_children}}");
  });
});
