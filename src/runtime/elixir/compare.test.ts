import { describe, expect, it } from "vitest";
import { Ref } from "../terms";
import { compare, equals, sortTerms, strictEquals } from "./compare";
import { inspect } from "./inspect";
import { Bin, EMPTY, EMap, Float, list } from "./terms";

const b = (s: string) => new Bin(s);
const f = (v: number) => new Float(v);
const map = (...pairs: Array<[unknown, unknown]>) => EMap.from(pairs);

describe("Erlang term order", () => {
  it("sorts a mixed list as Enum.sort does on the BEAM", () => {
    const items = [list([1]), b("b"), map(["a", 1]), [1, 2], [2], "atom", null, f(2), 1, new Ref(3), EMPTY, map(), b("a"), list([1], 2), list([0, 5]), f(1)];
    // Recorded: elixir -e 'IO.inspect Enum.sort([...])' (the ref stands where the BEAM's sits).
    expect(inspect(list(sortTerms(items)))).toBe(
      '[1, 1.0, 2.0, :atom, nil, #Reference<0.0.0.3>, {2}, {1, 2}, %{}, %{a: 1}, [], [0, 5], [1 | 2], [1], "a", "b"]',
    );
  });
  it("keeps equal numbers in their order (a stable sort, 1 == 1.0)", () => {
    expect(inspect(list(sortTerms([f(1), 1])))).toBe("[1.0, 1]");
    expect(inspect(list(sortTerms([1, f(1)])))).toBe("[1, 1.0]");
  });
  it("orders maps by size, then keys, then values", () => {
    const sorted = sortTerms([map(["b", 1]), map(["a", 2]), map(["a", 1], ["b", 1]), map(["c", 0])]);
    expect(inspect(list(sorted))).toBe("[%{a: 2}, %{b: 1}, %{c: 0}, %{a: 1, b: 1}]");
  });
  it("compares integers beyond 2^53 exactly, and against floats", () => {
    expect(compare(2n ** 64n, 2n ** 64n + 1n)).toBe(-1);
    expect(compare(f(1e300), 2n ** 64n)).toBe(1);
    expect(equals(f(2 ** 60), 2n ** 60n)).toBe(true);
  });
  it("compares strings by code point, as UTF-8 bytes do", () => {
    expect(compare(b("\u{1F600}"), b("\uFFFD"))).toBe(1);
  });
  it("compares long lists without deep recursion", () => {
    const n = 200_000;
    const a = list(Array.from({ length: n }, (_, i) => i));
    const c = list(Array.from({ length: n }, (_, i) => (i === n - 1 ? -1 : i)));
    expect(compare(a, c)).toBe(1);
  });
});

describe("== and ===", () => {
  it("1 == 1.0 but not 1 === 1.0, also inside structures", () => {
    expect(equals(1, f(1))).toBe(true);
    expect(strictEquals(1, f(1))).toBe(false);
    expect(equals(list([1]), list([f(1)]))).toBe(true);
    expect(strictEquals([1, b("a")], [1, b("a")])).toBe(true);
  });
  it("map keys are exact: %{1 => :a} != %{1.0 => :a}", () => {
    expect(equals(map([1, "a"]), map([f(1), "a"]))).toBe(false);
  });
});

describe("maps with structural keys", () => {
  it("keeps 1, 1.0, \"a\" and :a as four keys", () => {
    const m = map([1, "int"], [f(1), "float"], [b("a"), "bin"], ["a", "atom"]);
    expect(m.size).toBe(4);
    expect(m.get(f(1))).toBe("float");
    expect(m.get([1, list([2])])).toBeUndefined();
    expect(m.put([1, list([2])], "t").get([1, list([2])])).toBe("t");
  });
  it("is immutable: put and delete return new maps", () => {
    const m = map(["a", 1]);
    const m2 = m.put("b", 2).delete("a");
    expect(inspect(m)).toBe("%{a: 1}");
    expect(inspect(m2)).toBe("%{b: 2}");
  });
});
