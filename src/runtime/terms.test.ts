import { describe, expect, it } from "vitest";
import { ExitError, Pid, Ref, SystemLimitError, TIMEOUT, UndefinedFunctionError, copyTerm, inspect } from "./terms";

describe("inspect prints every shape of SPEC §3 on one line", () => {
  it("prints strings in double quotes with JSON escapes", () => {
    expect(inspect("ok")).toBe('"ok"');
    expect(inspect('say "hi"\n\tback\\slash')).toBe('"say \\"hi\\"\\n\\tback\\\\slash"');
    expect(inspect("")).toBe('""');
    expect(inspect("\u0001")).toBe('"\\u0001"');
  });

  it("prints numbers as JavaScript writes them", () => {
    expect(inspect(1)).toBe("1");
    expect(inspect(-2.5)).toBe("-2.5");
    expect(inspect(0)).toBe("0");
    expect(inspect(1e21)).toBe("1e+21");
    expect(inspect(NaN)).toBe("NaN");
    expect(inspect(Infinity)).toBe("Infinity");
    expect(inspect(-0)).toBe("0");
  });

  it("prints every integer the same as String does, across the table's digit groups", () => {
    const samples = [0, 7, 999, 1000, 1001, 10_010, 999_999, 1_000_000, 1_000_001, 12_003_045, 999_999_999, 1e9, 2 ** 31, -1, -1000, 3.5];
    for (let n = 0; n < 3000; n += 7) samples.push(n, n * 997, n * 333_667);
    for (const n of samples) expect(inspect(n)).toBe(String(n));
  });

  it("prints true, false, null and undefined as words", () => {
    expect(inspect(true)).toBe("true");
    expect(inspect(false)).toBe("false");
    expect(inspect(null)).toBe("null");
    expect(inspect(undefined)).toBe("undefined");
  });

  it("prints arrays (tuples) with a comma and a space between elements", () => {
    expect(inspect(["ok", 1])).toBe('["ok", 1]');
    expect(inspect([])).toBe("[]");
    expect(inspect(["error", ["badarg", [1, [2]]]])).toBe('["error", ["badarg", [1, [2]]]]');
  });

  it("prints plain objects with bare identifier keys and quoted other keys", () => {
    expect(inspect({ count: 1, step: 10 })).toBe("{count: 1, step: 10}");
    expect(inspect({ "two words": 1, "a-b": 2, _ok$: 3, "1x": 4 })).toBe('{"two words": 1, "a-b": 2, _ok$: 3, "1x": 4}');
    expect(inspect({})).toBe("{}");
    expect(inspect({ nested: { list: [1, "a"] } })).toBe('{nested: {list: [1, "a"]}}');
  });

  it("prints pids and refs in the BEAM's notation", () => {
    expect(inspect(new Pid(81))).toBe("#PID<0.81.0>");
    expect(String(new Pid(7))).toBe("#PID<0.7.0>");
    expect(inspect(new Ref(12))).toBe("#Reference<0.0.0.12>");
    expect(String(new Ref(3))).toBe("#Reference<0.0.0.3>");
    expect(inspect(["DOWN", new Ref(1), "process", new Pid(100), "normal"])).toBe('["DOWN", #Reference<0.0.0.1>, "process", #PID<0.100.0>, "normal"]');
  });

  it("prints functions by name, anonymous ones as anonymous", () => {
    function handle_info() {}
    expect(inspect(handle_info)).toBe("#Function<handle_info>");
    const arrow = () => 1;
    expect(inspect(arrow)).toBe("#Function<arrow>");
    expect(inspect([(() => () => 1)()])).toBe("[#Function<anonymous>]");
  });

  it("prints errors as %Class{message: ...} with the subclass's name", () => {
    expect(inspect(new Error("boom"))).toBe('%Error{message: "boom"}');
    expect(inspect(new TypeError("x is not a function"))).toBe('%TypeError{message: "x is not a function"}');
    class MyError extends Error {}
    expect(inspect(new MyError('bad "thing"'))).toBe('%MyError{message: "bad \\"thing\\""}');
    expect(inspect(new UndefinedFunctionError("M", "f", 2))).toBe('%UndefinedFunctionError{message: "function M.f/2 is undefined or private"}');
  });

  it("prints the TIMEOUT marker and an ExitError's reason", () => {
    expect(inspect(TIMEOUT)).toBe("TIMEOUT");
    expect(new ExitError(["timeout", ["GenServer", "call", ["s", "r", 5000]]]).message).toBe('exit: ["timeout", ["GenServer", "call", ["s", "r", 5000]]]');
    expect(new SystemLimitError(100).message).toContain("system_limit");
  });

  it("does not loop forever on a cyclic structure", () => {
    const a: unknown[] = [1];
    a.push(a);
    const printed = inspect(a);
    expect(printed.startsWith("[1, [1, [1,")).toBe(true);
    expect(printed).toContain("…");
  });
});

describe("copyTerm", () => {
  it("copies arrays and plain objects so that mutating the copy leaves the original alone", () => {
    const original = { list: [1, 2, { deep: "x" }], meta: { n: 1 } };
    const copy = copyTerm(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
    expect(copy.list).not.toBe(original.list);
    (copy.list[2] as { deep: string }).deep = "changed";
    copy.meta.n = 99;
    copy.list.push(3);
    expect(original).toEqual({ list: [1, 2, { deep: "x" }], meta: { n: 1 } });
  });

  it("keeps pids, refs and functions identical", () => {
    const pid = new Pid(5);
    const ref = new Ref(9);
    const fn = () => 1;
    const copy = copyTerm(["msg", pid, ref, fn, { pid, fn }]);
    expect(copy[1]).toBe(pid);
    expect(copy[2]).toBe(ref);
    expect(copy[3]).toBe(fn);
    expect((copy[4] as { pid: Pid }).pid).toBe(pid);
    expect((copy[4] as { fn: unknown }).fn).toBe(fn);
  });

  it("returns primitives as they are", () => {
    for (const v of [1, "s", true, null, undefined, TIMEOUT, 10n]) expect(copyTerm(v)).toBe(v);
  });

  it("copies maps, sets and dates", () => {
    const m = new Map([["k", { v: 1 }]]);
    const s = new Set([[1]]);
    const d = new Date(0);
    const [m2, s2, d2] = copyTerm([m, s, d] as const);
    expect(m2).not.toBe(m);
    (m2.get("k") as { v: number }).v = 2;
    expect(m.get("k")!.v).toBe(1);
    expect(s2).not.toBe(s);
    expect([...s2]).toEqual([[1]]);
    expect(d2).not.toBe(d);
    expect(d2.getTime()).toBe(0);
  });

  it("copies a cyclic structure, keeping the cycle in the copy", () => {
    const node: Record<string, unknown> = { name: "a" };
    node.self = node;
    const list: unknown[] = ["x"];
    list.push(list);
    const copy = copyTerm({ node, list });
    const n = copy.node as Record<string, unknown>;
    expect(n).not.toBe(node);
    expect(n.name).toBe("a");
    // Somewhere down the chain the copy closes its own cycle instead of pointing back at the original.
    let cur = n;
    for (let i = 0; i < 200 && cur.self !== cur; i++) {
      expect(cur).not.toBe(node);
      cur = cur.self as Record<string, unknown>;
    }
    expect(cur.self).toBe(cur);
    expect(cur).not.toBe(node);
    let l = copy.list as unknown[];
    for (let i = 0; i < 200 && l[1] !== l; i++) {
      expect(l).not.toBe(list);
      l = l[1] as unknown[];
    }
    expect(l[1]).toBe(l);
    expect(l).not.toBe(list);
  });

  it("copies a structure deeper than the fast path's limit", () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 200; i++) deep = { next: deep };
    const copy = copyTerm(deep);
    let a: Record<string, unknown> = copy;
    let b: Record<string, unknown> = deep;
    for (let i = 0; i < 200; i++) {
      expect(a).not.toBe(b);
      a = a.next as Record<string, unknown>;
      b = b.next as Record<string, unknown>;
    }
    expect(a).toEqual({ leaf: true });
    expect(a).not.toBe(b);
  });

  it("passes frozen values as they are", () => {
    const frozen = Object.freeze({ a: 1 });
    expect(copyTerm(frozen)).toBe(frozen);
  });
});

describe("bounded printing and copying of shared structure", () => {
  const shared = () => {
    let o: unknown = [1];
    for (let i = 0; i < 30; i++) o = [o, o];
    return o as unknown[];
  };

  it("prints a structure with 2^30 paths in bounded time and length, ending in …", () => {
    const text = inspect(shared());
    expect(text.length).toBeLessThan(25_000);
    expect(text.endsWith("…") || text.endsWith("…]")).toBe(true);
    expect(text.startsWith("[[[[")).toBe(true);
  });

  it("cuts a very long string and says so with …", () => {
    const text = inspect("y".repeat(5_000_000));
    expect(text.length).toBeLessThan(21_000);
    expect(text).toMatch(/^"y+"…$/);
  });

  it("copies a shared structure once per node, keeping the sharing", () => {
    const o = shared();
    const copy = copyTerm(o);
    // (Booleans: a matcher would print the 2^30-path structure when it describes its operands.)
    expect(copy === o).toBe(false);
    expect(copy[0] === copy[1]).toBe(true);
    let depth = 0;
    for (let x: unknown = copy; Array.isArray(x) && x.length === 2; x = x[0]) depth++;
    expect(depth).toBe(30);
  });

  it("prints a term whose getter throws as unprintable instead of failing", () => {
    const bad = { get x() { throw new Error("no"); } };
    expect(inspect(bad)).toBe("#Unprintable<no>");
  });
});
