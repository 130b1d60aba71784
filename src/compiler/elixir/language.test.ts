import { beforeAll, describe, expect, it } from "vitest";
import { evalElixir, runElixir } from "./testing";
import { ensureElixirParser } from "./parser";

beforeAll(async () => {
  await ensureElixirParser();
});

const M = (body: string) => `defmodule M do\n${body}\nend\n`;

describe("pattern matching", () => {
  it("matches tuples, lists, [h | t], maps, structs, binaries and pins in function heads", async () => {
    const mod = M(`
  defstruct [:x, y: 0]
  def kind({:ok, v}), do: {:tuple, v}
  def kind([h | t]), do: {:cons, h, t}
  def kind([]), do: :empty
  def kind(%M{x: x}), do: {:struct, x}
  def kind(%{"k" => v}), do: {:map, v}
  def kind("pre:" <> rest), do: {:prefix, rest}
  def kind(<<"b:", rest::binary>>), do: {:bits, rest}
  def kind(x) when is_integer(x) and x > 10, do: :big
  def kind(1.0), do: :float_one
  def kind(_), do: :other
  def pinned(x, y) do
    case y do
      ^x -> :same
      _ -> :different
    end
  end
  def twice({a, a}), do: :equal
  def twice({_, _}), do: :unequal`);
    expect(await evalElixir(mod,
      "M.kind({:ok, 1})", "M.kind([1, 2])", "M.kind([])", "M.kind(%M{x: 5})", "M.kind(%{\"k\" => :v})",
      "M.kind(\"pre:fix\")", "M.kind(\"b:it\")", "M.kind(11)", "M.kind(5)", "M.kind(1.0)", "M.kind(1)",
      "M.pinned(1, 1)", "M.pinned(1, 1.0)", "M.twice({2, 2})", "M.twice({2, 3})",
    )).toEqual([
      "{:tuple, 1}", "{:cons, 1, [2]}", ":empty", "{:struct, 5}", "{:map, :v}",
      "{:prefix, \"fix\"}", "{:bits, \"it\"}", ":big", ":other", ":float_one", ":other",
      ":same", ":different", ":equal", ":unequal",
    ]);
  });

  it("raises MatchError, FunctionClauseError and CaseClauseError with Elixir's messages", async () => {
    const mod = M(`
  def only_ok(:ok), do: 1
  def c(x) do
    case x do
      :a -> 1
    end
  end`);
    expect(await evalElixir(mod, "{:ok, x} = {:error, 1}", "M.only_ok(:no)", "M.c(:b)", "cond do\n false -> 1\nend")).toEqual([
      "** (MatchError) no match of right hand side value: {:error, 1}",
      "** (FunctionClauseError) no function clause matching in M.only_ok/1",
      "** (CaseClauseError) no case clause matching: :b",
      "** (CondClauseError) no cond clause evaluated to a truthy value",
    ]);
  });

  it("keeps shell bindings from one eval to the next, as IEx does", async () => {
    expect(await evalElixir(M(""), "x = 41", "y = x + 1", "{x, y}")).toEqual(["41", "42", "{41, 42}"]);
  });
});

describe("expressions", () => {
  it("computes with exact integers, floats, term order and strict booleans", async () => {
    expect(await evalElixir(M(""),
      "2 ** 64", "1 / 2", "div(7, 2)", "rem(-7, 2)", "1 == 1.0", "1 === 1.0", ":a < \"a\"", "[3, 1, 2] -- [1]", "[1] ++ [2]",
      "\"a\" <> \"b\"", "true and 1", "nil || :x", "!nil", "x = 5\nx in 1..10", "max(1, :a)",
    )).toEqual([
      "18446744073709551616", "0.5", "3", "-1", "true", "false", "true", "[3, 2]", "[1, 2]",
      "\"ab\"", "1", ":x", "true", "true", ":a",
    ]);
  });

  it("builds maps, updates them, reads fields and raises KeyError", async () => {
    expect(await evalElixir(M(""), "m = %{a: 1, b: 2}", "%{m | a: 3}", "m.b", "m[:a]", "m.c", "%{m | c: 1}")).toEqual([
      "%{a: 1, b: 2}", "%{a: 3, b: 2}", "2", "1",
      "** (KeyError) key :c not found in: %{a: 1, b: 2}",
      "** (KeyError) key :c not found in: %{a: 1, b: 2}",
    ]);
  });

  it("interpolates with String.Chars and prints sigils and charlists", async () => {
    expect(await evalElixir(M(""), "\"n=#{1} f=#{1.5} a=#{:x} s=#{\"s\"} l=#{'hi'}\"", "~w(a b)", "~w(a b)a", "~s(q \"x\")", "'hi'")).toEqual([
      "\"n=1 f=1.5 a=x s=s l=hi\"", "[\"a\", \"b\"]", "[:a, :b]", "\"q \\\"x\\\"\"", "'hi'",
    ]);
  });

  it("captures operators and Kernel functions, inspected as Elixir 1.14 names them (checked on the BEAM)", async () => {
    const mod = M("  def run, do: {Enum.reduce([1, 2, 3], &+/2), Enum.map([1, -2], &-/1), Enum.reduce([\"a\", \"b\"], &<>/2)}\n  def loc(x), do: x");
    expect(await evalElixir(mod, "M.run()", "[&+/2, &!==/2, &<=/2, &elem/2, &M.loc/1]", "&length/1", "Enum.to_list(10..1//-4)")).toEqual([
      '{6, [-1, 2], "ba"}',
      "[&:erlang.+/2, &:erlang.\"=/=\"/2, &:erlang.\"=<\"/2, &Kernel.elem/2, &M.loc/1]", "&:erlang.length/1",
      "[10, 6, 2]",
    ]);
  });

  it("names a fn that no clause matched as Elixir does, in a module and in the shell", async () => {
    const mod = M("  def run, do: (fn 1 -> :one end).(2)");
    expect(await evalElixir(mod, "M.run()", "(fn 1 -> :one end).(2)")).toEqual([
      "** (FunctionClauseError) no function clause matching in anonymous fn/1 in M.run/0",
      '** (FunctionClauseError) no function clause matching in :erl_eval."-inside-an-interpreted-fun-"/1',
    ]);
  });

  it("reraises with __STACKTRACE__, and a map update's KeyError names the map only in the shell (as erl_eval's)", async () => {
    const mod = M(`
  defexception message: "m"
  def again do
    try do
      raise "inner"
    rescue
      e -> reraise M, [message: "wrapped " <> e.message <> " " <> inspect(is_list(__STACKTRACE__))], __STACKTRACE__
    end
  end
  def update(m), do: %{m | c: 1}`);
    expect(await evalElixir(mod, "M.again()", "M.update(%{a: 1})", "%{%{a: 1} | c: 1}")).toEqual([
      "** (M) wrapped inner true",
      "** (KeyError) key :c not found",
      "** (KeyError) key :c not found in: %{a: 1}",
    ]);
  });

  it("pipes, captures and fns with clauses", async () => {
    const mod = M(`
  def double(x), do: x * 2
  def run(list) do
    list
    |> Enum.map(&double/1)
    |> Enum.map(&(&1 + 1))
    |> Enum.filter(fn
      x when x > 5 -> true
      _ -> false
    end)
  end`);
    expect(await evalElixir(mod, "M.run([1, 2, 3, 4]) |> Enum.sum()", "f = &M.double/1", "f.(21)", "(fn a, b -> a - b end).(5, 3)", "f.(1, 2)")).toEqual([
      "16", "&M.double/1", "42", "2", "** (BadArityError) &M.double/1 with arity 1 called with 2 arguments (1, 2)",
    ]);
  });

  it("runs if/unless/cond/case/with/for comprehensions", async () => {
    const mod = M(`
  def w(a, b) do
    with {:ok, x} <- a,
         y = x + 1,
         {:ok, z} when z > y <- b do
      z - y
    else
      {:error, why} -> why
      other -> {:other, other}
    end
  end`);
    expect(await evalElixir(mod,
      "if 1 > 2, do: :a, else: :b", "unless false, do: :yes", "cond do\n 1 > 2 -> :no\n true -> :yes\nend",
      "M.w({:ok, 1}, {:ok, 5})", "M.w({:error, :bad}, nil)", "M.w({:ok, 1}, {:ok, 0})",
      "for x <- 1..6, rem(x, 2) == 0, y <- [:a], do: {x, y}",
      "for x <- [1, 2, 3], reduce: 0 do\n acc -> acc + x\nend",
      "for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k}",
      "for x <- [1, 1, 2], uniq: true, do: x",
    )).toEqual([
      ":b", ":yes", ":yes", "3", ":bad", "{:other, {:ok, 0}}",
      "[{2, :a}, {4, :a}, {6, :a}]", "6", "%{1 => :a, 2 => :b}", "[1, 2]",
    ]);
  });

  it("try/rescue/catch/after/else, raise, throw and exit", async () => {
    const mod = M(`
  defmodule Oops do
    defexception message: "oops"
  end
  def t(f) do
    try do
      f.()
    rescue
      e in ArgumentError -> {:arg, e.message}
      e in [M.Oops] -> {:oops, Exception.message(e)}
      e -> {:other, e}
    catch
      :throw, v -> {:thrown, v}
      :exit, r -> {:exited, r}
    else
      v -> {:ok, v}
    after
      IO.puts("after")
    end
  end`);
    expect(await evalElixir(mod,
      "M.t(fn -> 1 end)", "M.t(fn -> raise ArgumentError, \"bad\" end)", "M.t(fn -> raise M.Oops end)",
      "M.t(fn -> throw(:ball) end)", "M.t(fn -> exit(:bye) end)", "M.t(fn -> 1 + :a end)",
    )).toEqual([
      "after", "{:ok, 1}", "after", "{:arg, \"bad\"}", "after", "{:oops, \"oops\"}",
      "after", "{:thrown, :ball}", "after", "{:exited, :bye}", "after", "{:other, %ArithmeticError{message: \"bad argument in arithmetic expression\"}}",
    ]);
  });

  it("uses default arguments, module attributes, aliases and imports", async () => {
    const mod = `defmodule Shapes.Square do\n  def area(s), do: s * s\nend\n` + M(`
  alias Shapes.Square, as: Sq
  import Enum, only: [sum: 1]
  @factor 10
  def scaled(x, f \\\\ @factor), do: x * f
  def total(list), do: sum(Enum.map(list, &Sq.area/1))`);
    expect(await evalElixir(mod, "M.scaled(2)", "M.scaled(2, 3)", "M.total([1, 2])")).toEqual(["20", "6", "5"]);
  });
});

describe("processes", () => {
  it("receives with patterns, guards and after", async () => {
    const mod = M(`
  def wait(ms) do
    receive do
      {:n, x} when x > 1 -> {:got, x}
    after
      ms -> :timeout
    end
  end`);
    expect(await evalElixir(mod, "send(self(), {:n, 1})\nsend(self(), {:n, 2})\nM.wait(10)", "M.wait(0)", "receive do\n m -> m\nend")).toEqual([
      "{:got, 2}", ":timeout", "{:n, 1}",
    ]);
  });

  it("runs a function that calls itself last as a loop, and each step's funs keep that step's values", async () => {
    const mod = M(`
  def collect(0, acc), do: acc
  def collect(n, acc), do: collect(n - 1, [fn -> n end | acc])
  def pairs(x, 0), do: [x]
  def pairs(x, n) do
    case rem(n, 2) do
      0 -> pairs(x + 1, n - 1)
      _ -> [x | pairs(x, n - 1)]
    end
  end
  def forever(n), do: forever(n + 1)`);
    const { logs, harness } = await runElixir({ "m.ex": mod }, ["M.collect(3, []) |> Enum.map(& &1.())", "M.pairs(0, 4)", "spawn(fn -> M.forever(0) end)"], 10);
    expect(logs.slice(0, 2)).toEqual(["[1, 2, 3]", "[1, 2, 2]"]); // (both as the BEAM gives them)
    // A loop with no end is still stopped by the runaway guard, as the tail calls were.
    expect(harness.of("exit").some((e) => e.reason.includes("killed"))).toBe(true);
  }, 60_000);

  // A fun calling itself last is a tail call the runtime drives (not a plain loop): it counts as
  // a reduction, so the others keep their turns, and the guard still counts its steps across
  // those turns (steps since the process last waited) until it is stopped.
  it("stops a loop of tail calls through a fun, while the other processes keep their turns", async () => {
    const line = 'spawn(fn -> f = fn g -> g.(g) end; f.(f) end); spawn(fn -> IO.puts("the other ran") end)';
    const { harness } = await runElixir({}, [line], 10, { maxSteps: 200_000 });
    const events = harness.events;
    const other = events.findIndex((e) => e.type === "log" && e.text === "the other ran");
    const stopped = events.findIndex((e) => e.type === "exit" && e.reason.includes("runaway: ran 200,000 steps without waiting"));
    expect(stopped).toBeGreaterThan(-1);
    expect(other).toBeGreaterThan(-1);
    // The other process ran while the loop still went round, not only once it was stopped.
    expect(other).toBeLessThan(stopped);
  });

  // Under the runaway guard's default budget (steps, not wall time): honest deep work survives it.
  it("runs body recursion 100,000 deep and a tail loop of 3 million steps", async () => {
    const mod = M(`
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)`);
    const { logs } = await runElixir({ "m.ex": mod }, ["M.sum(Enum.to_list(1..100_000))", "M.count(3_000_000, 0)"], 0);
    expect(logs).toEqual(["5000050000", "3000000"]);
    // Seconds on a quiet machine, over a minute under a load of 25 on 2 cores: the limit only bounds a hang.
  }, 300_000);
});
