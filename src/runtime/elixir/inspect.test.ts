import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Pid, Ref } from "../terms";
import "./errors";
import { inspect } from "./inspect";
import { Bin, EMPTY, EMap, Float, charlist, defineStruct, list, struct } from "./terms";

const b = (s: string) => new Bin(s);
const f = (v: number) => new Float(v);
const map = (...pairs: Array<[unknown, unknown]>) => EMap.from(pairs);
const range = (first: number, last: number, step: number) => struct("Elixir.Range", { first, last, step });
defineStruct("Elixir.Point", ["y", "x"]);
defineStruct("Elixir.Range", ["first", "last", "step"]);
defineStruct("Elixir.MapSet", ["map"]);
const enumMap = Object.assign(() => null, { elixir: { capture: "Enum.map/2" } });

/** The same terms as inspect-cases.txt, built the way compiled code builds them. */
const TERMS: Record<string, unknown> = {
  ":ok": "ok", ':"with space"': "with space", Counter: "Elixir.Counter", "Foo.Bar": "Elixir.Foo.Bar",
  nil: null, true: true, false: false, ":foo?": "foo?", ":foo!": "foo!", ':"9a"': "9a", ":Foo": "Foo",
  ':"foo.bar"': "foo.bar", ':"Elixir.foo"': "Elixir.foo", ":+": "+", ':"::"': "::", ":..": "..", ":<>": "<>",
  ":%{}": "%{}", ":\\\\": "\\\\", ":_": "_", ':"a\\"b"': 'a"b', ":olá": "olá",
  "1": 1, "-5": -5, "123456789012345678901234567890": 123456789012345678901234567890n,
  "1.0": f(1), "0.1": f(0.1), "-0.0": f(-0), "1.0e20": f(1e20), "1.0e15": f(1e15), "1.0e16": f(1e16),
  "1.0e-5": f(1e-5), "0.0001": f(0.0001), "1/3": f(1 / 3), "1.2345678901234568e17": f(1.2345678901234568e17),
  "12345.678": f(12345.678), "5.0e-324": f(5e-324),
  '"hello"': b("hello"), '"a\\"b\\\\c\\nd\\te"': b('a"b\\c\nd\te'), '"\\e\\a\\d"': b("\x1b\x07\x7f"),
  '"\\#{x}"': b("#{x}"), '"é日本"': b("é日本"), '"\\u00a0"': b("\u00a0"), '"\\uFEFF"': b("\ufeff"),
  '"a\\x01"': b("a\x01"), '""': b(""),
  "'hi'": charlist("hi"), "'it\\'s'": charlist("it's"), "'a\\nb'": charlist("a\nb"),
  "[104, 0]": list([104, 0]), "[233]": list([233]), "[7, 8]": list([7, 8]), "[27]": list([27]), "[127]": list([127]),
  "[]": EMPTY, "[1, 2, 3]": list([1, 2, 3]), "[1, 2 | 3]": list([1, 2], 3),
  "[a: 1, b: 2]": list([["a", 1], ["b", 2]]), "[{:a, 1}, {Foo, 2}]": list([["a", 1], ["Elixir.Foo", 2]]),
  '[a: 1, "a b": 2, Foo: 3, nil: 5, +: 7, foo?: 8]': list([["a", 1], ["a b", 2], ["Foo", 3], [null, 5], ["+", 7], ["foo?", 8]]),
  "[{:a, 1}, 2]": list([["a", 1], 2]),
  "{}": [], '{1, 2.0, "x", :y, nil, true, [], %{}, {}}': [1, f(2), b("x"), "y", null, true, EMPTY, map(), []],
  "%{}": map(), "%{a: 1, b: 2}": map(["a", 1], ["b", 2]), "%{b: 1, a: 2}": map(["b", 1], ["a", 2]),
  '%{"a" => 1}': map([b("a"), 1]), '%{:a => 1, "b" => 2}': map(["a", 1], [b("b"), 2]),
  '%{1 => 2, 1.0 => 3, :a => 4, "a" => 5, {1} => 6, [1] => 7, %{} => 8}':
    map([1, 2], [f(1), 3], ["a", 4], [b("a"), 5], [[1], 6], [list([1]), 7], [map(), 8]),
  "%{Foo => 1}": map(["Elixir.Foo", 1]), '%{"a b": 1, Foo: 2, foo?: 3, nil: 4}': map(["a b", 1], ["Foo", 2], ["foo?", 3], [null, 4]),
  "%{a: %{b: [1, 2]}, c: {1, 'x'}}": map(["a", map(["b", list([1, 2])])], ["c", [1, charlist("x")]]),
  "%Point{x: 1, y: 2}": struct("Elixir.Point", { x: 1, y: 2 }),
  '%RuntimeError{message: "boom"}': struct("Elixir.RuntimeError", { message: b("boom") }),
  "%KeyError{key: :a, term: %{}}": struct("Elixir.KeyError", { key: "a", term: map() }),
  "%MatchError{term: {:error, :x}}": struct("Elixir.MatchError", { term: ["error", "x"] }),
  '%ArgumentError{message: "x"}': struct("Elixir.ArgumentError", { message: b("x") }),
  "1..3": range(1, 3, 1), "1..10//2": range(1, 10, 2), "3..1//-1": range(3, 1, -1),
  "Enum.to_list(1..60)": list(Array.from({ length: 60 }, (_, i) => i + 1)),
  "List.to_tuple(Enum.to_list(1..55))": Array.from({ length: 55 }, (_, i) => i + 1),
  "MapSet.new([3, 1, 2])": struct("Elixir.MapSet", { map: map([3, EMPTY], [1, EMPTY], [2, EMPTY]) }),
  "&Enum.map/2": enumMap,
};

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures", "inspect.fixture.json"), "utf8")) as Record<string, string>;

describe("inspect prints as Elixir 1.14 does (recorded from the real elixir)", () => {
  it("has a term for every recorded case", () => {
    expect(Object.keys(fixture).filter((k) => !(k in TERMS))).toEqual([]);
  });
  for (const [expr, printed] of Object.entries(fixture)) {
    it(`inspect(${expr}) is ${printed}`, () => {
      expect(inspect(TERMS[expr])).toBe(printed);
    });
  }
});

describe("inspect of the runtime's own values", () => {
  it("prints pids and refs as IEx does", () => {
    expect(inspect(list([new Pid(102), new Ref(7)]))).toBe("[#PID<0.102.0>, #Reference<0.0.0.7>]");
  });
  it("prints an anonymous fun with its arity and no machine-dependent number", () => {
    expect(inspect((x: unknown) => x)).toBe("#Function<fn/1>");
  });
  it("prints a runtime record with no Elixir term of its own (a supervisor's state) as a map, not [object Object]", () => {
    expect(inspect({ strategy: "one_for_one", restarts: 0, children: list([new Pid(102)]) })).toBe("%{strategy: :one_for_one, restarts: 0, children: [#PID<0.102.0>]}");
  });
  it("prints a 100,000-element list without overflowing the stack", () => {
    const long = list(Array.from({ length: 100_000 }, (_, i) => i));
    expect(inspect(long, { limit: 3 })).toBe("[0, 1, 2, ...]");
  });
});

const ints = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const keyError = (key: unknown, term: unknown) => struct("Elixir.KeyError", { key, term });

/** The same terms as pretty-cases.txt. */
const PRETTY: Record<string, unknown> = {
  "Enum.to_list(1..30)": list(ints(1, 30)),
  "Enum.to_list(1..60)": list(ints(1, 60)),
  '%{alpha: "aaaaaaaaaaaaaaa", beta: "bbbbbbbbbbbbbbbbbb", gamma: "ccccccccccccccccc", delta: 1}':
    EMap.of({ alpha: b("aaaaaaaaaaaaaaa"), beta: b("bbbbbbbbbbbbbbbbbb"), gamma: b("ccccccccccccccccc"), delta: 1 }),
  '{:caught, :error, {:callback_failed, {:gen_server, :system_replace_state}, {:error, %RuntimeError{message: "no"}}}}':
    ["caught", "error", ["callback_failed", ["gen_server", "system_replace_state"], ["error", struct("Elixir.RuntimeError", { message: b("no") })]]],
  "{:caught, :error, {:callback_failed, {:gen_server, :system_replace_state}, {:throw, :nope}}}":
    ["caught", "error", ["callback_failed", ["gen_server", "system_replace_state"], ["throw", "nope"]]],
  '[1, 1.0, 2.0, 3, :atom, nil, {2}, {1, 2}, %{}, %{a: 1}, [], [0, 5], [1 | 2], [1], "a", "b"]':
    list([1, f(1), f(2), 3, "atom", null, [2], [1, 2], map(), map(["a", 1]), EMPTY, list([0, 5]), list([1], 2), list([1]), b("a"), b("b")]),
  '[first: "aaaaaaaaaaaaaaaaaaaa", second: "bbbbbbbbbbbbbbbbbbbbbbbb", third: "cccccccccccccccccc"]':
    list([["first", b("aaaaaaaaaaaaaaaaaaaa")], ["second", b("bbbbbbbbbbbbbbbbbbbbbbbb")], ["third", b("cccccccccccccccccc")]]),
  '%{"key one" => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "key two" => {:ok, "a long value here", 12345678}}':
    map([b("key one"), list(ints(1, 10))], [b("key two"), ["ok", b("a long value here"), 12345678]]),
  "{:ok, %{count: 1, step: 10}}": ["ok", EMap.of({ count: 1, step: 10 })],
  'Enum.map(1..12, fn i -> {i, String.duplicate("x", i)} end)': list(ints(1, 12).map((i) => [i, b("x".repeat(i))])),
  '%KeyError{key: :some_long_key_name, term: %{another_key: "with a long value", third: [1, 2, 3]}}':
    keyError("some_long_key_name", EMap.of({ another_key: b("with a long value"), third: list([1, 2, 3]) })),
  "Enum.map(1..30, fn i -> Enum.to_list(1..i) end)": list(ints(1, 30).map((i) => list(ints(1, i)))),
  "[1, 2, 3 | 4]": list([1, 2, 3], 4),
  "Enum.to_list(1..25) ++ [:tail_atom_that_is_long]": list([...ints(1, 25), "tail_atom_that_is_long"]),
  '{"a tuple with a very long string inside it that goes past the width by itself alone", 1}':
    [b("a tuple with a very long string inside it that goes past the width by itself alone"), 1],
  '%{list: Enum.to_list(1..40), name: "x"}': EMap.of({ list: list(ints(1, 40)), name: b("x") }),
};

const prettyFixture = JSON.parse(readFileSync(join(__dirname, "fixtures", "pretty.fixture.json"), "utf8")) as Record<string, string>;

describe("IO.inspect's layout in 80 columns (recorded from the real elixir)", () => {
  it("has a term for every recorded case", () => {
    expect(Object.keys(prettyFixture).filter((k) => !(k in PRETTY))).toEqual([]);
  });
  for (const [expr, printed] of Object.entries(prettyFixture)) {
    it(`lays out ${expr.slice(0, 60)}`, () => {
      expect(inspect(PRETTY[expr], { width: 80 })).toBe(printed);
    });
  }
});
