import { describe, expect, it } from "vitest";
import { Bin, EMap, Float, list } from "../terms";
import { boot, fn } from "./harness";
import { range } from "./support";

const b = (s: string) => new Bin(s);

/** Runs Enum.<f> in a process (funs may wait) and prints the result as inspect does. */
function enumCall(f: string, ...args: unknown[]): string | undefined {
  const ex = boot();
  return ex.run(function* () {
    return yield ex.M("Enum")[`${f}/${args.length}`](...args);
  }).result;
}

// Expected values as `elixir -e 'IO.inspect(...)'` printed them.
describe("Enum", () => {
  const l = list([3, 1, 2]);
  it("maps, filters, rejects and reduces through async funs", () => {
    expect(enumCall("map", l, fn(1, (x: number) => x * 2))).toBe("[6, 2, 4]");
    expect(enumCall("filter", range(1, 6, 1), fn(1, (x: number) => x % 2 === 0))).toBe("[2, 4, 6]");
    expect(enumCall("reject", l, fn(1, (x: number) => x > 1))).toBe("[1]");
    expect(enumCall("reduce", l, 0, fn(2, (x: number, acc: number) => x + acc))).toBe("6");
    expect(enumCall("reduce", l, fn(2, (x: number, acc: number) => x * acc))).toBe("6");
    expect(enumCall("flat_map", list([1, 2]), fn(1, (x: number) => list([x, x])))).toBe("[1, 1, 2, 2]");
  });
  it("sorts in term order, with :desc, and by a fun (stable)", () => {
    expect(enumCall("sort", list([b("b"), "a", 2, new Float(1)]))).toBe('[1.0, 2, :a, "b"]');
    expect(enumCall("sort", l, "desc")).toBe("[3, 2, 1]");
    expect(enumCall("sort", l, fn(2, (a: number, c: number) => a >= c))).toBe("[3, 2, 1]");
    expect(enumCall("sort_by", list([[2, "x"], [1, "y"], [2, "a"]]), fn(1, (t: unknown[]) => t[0]))).toBe("[{1, :y}, {2, :x}, {2, :a}]");
  });
  it("walks maps as {key, value} tuples in key order", () => {
    const m = EMap.of({ b: 2, a: 1 });
    expect(enumCall("map", m, fn(1, (kv: unknown[]) => kv[0]))).toBe("[:a, :b]");
    expect(enumCall("to_list", m)).toBe("[a: 1, b: 2]");
    expect(enumCall("into", list([["a", 1]]), EMap.of({}))).toBe("%{a: 1}");
  });
  it("joins, counts, finds and groups", () => {
    expect(enumCall("join", list([1, b("a"), "b"]), b(", "))).toBe('"1, a, b"');
    expect(enumCall("map_join", l, b("-"), fn(1, (x: number) => x + 1))).toBe('"4-2-3"');
    expect(enumCall("count", l)).toBe("3");
    expect(enumCall("find", l, fn(1, (x: number) => x < 3))).toBe("1");
    expect(enumCall("group_by", list([1, 2, 3, 4]), fn(1, (x: number) => x % 2 === 0))).toBe("%{false: [1, 3], true: [2, 4]}");
    expect(enumCall("frequencies", list(["a", "b", "a"]))).toBe("%{a: 2, b: 1}");
  });
  it("slices: take, drop, chunk_every, with_index, zip, uniq, at", () => {
    expect(enumCall("take", l, 2)).toBe("[3, 1]");
    expect(enumCall("drop", l, -1)).toBe("[3, 1]");
    expect(enumCall("chunk_every", list([1, 2, 3, 4, 5]), 2)).toBe("[[1, 2], [3, 4], [5]]");
    expect(enumCall("with_index", list(["a", "b"]))).toBe("[a: 0, b: 1]");
    expect(enumCall("zip", list([1, 2, 3]), list(["a", "b"]))).toBe("[{1, :a}, {2, :b}]");
    expect(enumCall("uniq", list([1, new Float(1), 1]))).toBe("[1, 1.0]");
    expect(enumCall("at", l, -1)).toBe("2");
    expect(enumCall("sum", range(1, 100, 1))).toBe("5050");
    expect(enumCall("min", l)).toBe("1");
    expect(enumCall("max", l)).toBe("3");
    expect(enumCall("member?", range(1, 3, 1), 2)).toBe("true");
    expect(enumCall("reverse", l)).toBe("[2, 1, 3]");
  });
  it("raises Elixir's errors: Protocol.UndefinedError, Enum.EmptyError, BadArityError", () => {
    const ex = boot();
    ex.run(function* () {
      return yield ex.M("Enum")["map/2"](1, fn(1, (x: unknown) => x));
    });
    expect(ex.exits()).toEqual(['{%Protocol.UndefinedError{protocol: Enumerable, value: 1, description: ""}, #Stacktrace<>}']);
    const ex2 = boot();
    ex2.run(function* () {
      return yield ex2.M("Enum")["max/1"](list([]));
    });
    expect(ex2.exits()).toEqual(['{%Enum.EmptyError{message: "empty error"}, #Stacktrace<>}']);
    const ex3 = boot();
    ex3.run(function* () {
      return yield ex3.M("Enum")["map/2"](list([1]), fn(2, (x: unknown) => x));
    });
    expect(ex3.exits()[0]).toMatch(/^\{\{:badarity, \{#Function<fn\/2>, \[1\]\}\}, /);
  });
});
