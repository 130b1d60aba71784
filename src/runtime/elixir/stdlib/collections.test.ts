import { describe, expect, it } from "vitest";
import { ElixirError } from "../errors";
import { inspect } from "../inspect";
import { Bin, EMPTY, EMap, Float, list } from "../terms";
import { boot, fn } from "./harness";

const b = (s: string) => new Bin(s);
const ex = boot();
/** A pure stdlib function, called directly; its result printed. */
const call = (mod: string, f: string, ...args: unknown[]) => inspect(ex.M(mod)[`${f}/${args.length}`](...args));
/** One that takes a fun runs in a process. */
const callIn = (mod: string, f: string, ...args: unknown[]) => {
  const e = boot();
  return e.run(function* () {
    return yield e.M(mod)[`${f}/${args.length}`](...args);
  }).result;
};
const raised = (thunk: () => unknown) => {
  try {
    thunk();
  } catch (err) {
    return err instanceof ElixirError ? `${err.name}: ${err.message}` : String(err);
  }
  return "no error";
};

// Expected values as `elixir -e 'IO.inspect(...)'` printed them (Elixir 1.14).
describe("Map", () => {
  const m = EMap.of({ a: 1, b: 2 });
  it("gets, puts, fetches and splits", () => {
    expect(call("Map", "get", m, "c")).toBe("nil");
    expect(call("Map", "get", m, "c", 0)).toBe("0");
    expect(call("Map", "fetch", m, "a")).toBe("{:ok, 1}");
    expect(call("Map", "put", m, b("k"), 3)).toBe('%{:a => 1, :b => 2, "k" => 3}');
    expect(call("Map", "pop", EMap.of({ a: 1 }), "a")).toBe("{1, %{}}");
    expect(call("Map", "split", m, list(["a"]))).toBe("{%{a: 1}, %{b: 2}}");
    expect(call("Map", "take", m, list(["a", "c"]))).toBe("%{a: 1}");
    expect(call("Map", "to_list", EMap.of({ b: 1, a: 2 }))).toBe("[a: 2, b: 1]");
    expect(call("Map", "new", list([["a", 1]]))).toBe("%{a: 1}");
  });
  it("updates through funs", () => {
    expect(callIn("Map", "update!", EMap.of({ a: 1 }), "a", fn(1, (x: number) => x + 1))).toBe("%{a: 2}");
    expect(callIn("Map", "merge", EMap.of({ a: 1 }), EMap.of({ a: 2, b: 3 }), fn(3, (_k: unknown, x: number, y: number) => x + y))).toBe("%{a: 3, b: 3}");
  });
  it("raises KeyError and BadMapError as Elixir does", () => {
    expect(raised(() => ex.M("Map")["fetch!/2"](EMap.of({ b: 1 }), "a"))).toBe("KeyError: key :a not found in: %{b: 1}");
    expect(raised(() => ex.M("Map")["get/2"](list([]), "a"))).toBe("BadMapError: expected a map, got: []");
  });
});

describe("List, Keyword, Tuple", () => {
  it("List", () => {
    expect(call("List", "delete", list([1, 2, 1]), 1)).toBe("[2, 1]");
    expect(call("List", "flatten", list([1, list([2, list([3])])]))).toBe("[1, 2, 3]");
    expect(call("List", "keyfind", list([["a", 1]]), "a", 0)).toBe("{:a, 1}");
    expect(call("List", "first", EMPTY)).toBe("nil");
    expect(call("List", "last", list([1, 2]))).toBe("2");
    expect(callIn("List", "update_at", list([1, 2, 3]), 1, fn(1, (x: number) => x * 10))).toBe("[1, 20, 3]");
    expect(raised(() => ex.M("List")["first/1"](1))).toBe("FunctionClauseError: no function clause matching in List.first/2");
  });
  it("Keyword", () => {
    const kw = list([["a", 1], ["b", 2], ["a", 3]]);
    expect(call("Keyword", "get", kw, "a")).toBe("1");
    expect(call("Keyword", "put", kw, "a", 9)).toBe("[a: 9, b: 2]");
    expect(call("Keyword", "delete", kw, "a")).toBe("[b: 2]");
    expect(call("Keyword", "merge", list([["a", 1], ["b", 2]]), list([["a", 3], ["c", 4]]))).toBe("[b: 2, a: 3, c: 4]");
    expect(call("Keyword", "keys", list([["b", 1], ["a", 2]]))).toBe("[:b, :a]");
    expect(raised(() => ex.M("Keyword")["fetch!/2"](list([["a", 1]]), "b"))).toBe("KeyError: key :b not found in: [a: 1]");
  });
  it("Tuple", () => {
    expect(call("Tuple", "append", [1], 2)).toBe("{1, 2}");
    expect(call("Tuple", "to_list", [1, "a"])).toBe("[1, :a]");
  });
  it("MapSet", () => {
    expect(call("MapSet", "new", list([3, 1, 2, 1]))).toBe("MapSet.new([1, 2, 3])");
    expect(call("MapSet", "member?", ex.M("MapSet")["new/1"](list([1])), 1)).toBe("true");
  });
});

describe("String and Integer", () => {
  it("splits, slices, pads and trims by grapheme", () => {
    expect(call("String", "split", b("a b  c"))).toBe('["a", "b", "c"]');
    expect(call("String", "split", b("a,b,,c"), b(","))).toBe('["a", "b", "", "c"]');
    expect(call("String", "split", b("a,b,,c"), b(","), list([["trim", true]]))).toBe('["a", "b", "c"]');
    expect(call("String", "split", b("abc"), b(""))).toBe('["", "a", "b", "c", ""]');
    expect(call("String", "split", b("a b c"), b(" "), list([["parts", 2]]))).toBe('["a", "b c"]');
    expect(call("String", "slice", b("hello"), 1, 3)).toBe('"ell"');
    expect(call("String", "pad_leading", b("7"), 3, b("0"))).toBe('"007"');
    expect(call("String", "graphemes", b("héllo"))).toBe('["h", "é", "l", "l", "o"]');
    expect(call("String", "length", b("héllo"))).toBe("5");
    expect(call("String", "capitalize", b("hELLO"))).toBe('"Hello"');
    expect(call("String", "replace", b("a-b-c"), b("-"), b("+"))).toBe('"a+b+c"');
    expect(call("String", "at", b("abc"), -1)).toBe('"c"');
    expect(call("String", "to_atom", b("ok"))).toBe(":ok");
  });
  it("parses integers, with Elixir's errors", () => {
    expect(call("String", "to_integer", b("-12"))).toBe("-12");
    expect(call("Integer", "parse", b("12abc"))).toBe('{12, "abc"}');
    expect(call("Integer", "parse", b("abc"))).toBe(":error");
    expect(call("Integer", "to_string", 255, 16)).toBe('"FF"');
    expect(call("Integer", "digits", 123)).toBe("[1, 2, 3]");
    expect(call("String", "to_integer", b("123456789012345678901234567890"))).toBe("123456789012345678901234567890");
    expect(raised(() => ex.M("String")["to_integer/1"](b("1.5")))).toBe(
      "ArgumentError: errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n",
    );
  });
  it("to_string follows String.Chars", () => {
    expect(call("Kernel", "to_string", new Float(1.5))).toBe('"1.5"');
    expect(call("Kernel", "to_string", list([97, b("bc"), list([100])]))).toBe('"abcd"');
    expect(call("Kernel", "to_string", null)).toBe('""');
    expect(raised(() => ex.M("Kernel")["to_string/1"]([1]))).toBe(`Protocol.UndefinedError: protocol String.Chars not implemented for {1} of type Tuple. This protocol is implemented for the following type(s): Atom, BitString, Date, DateTime, Float, Integer, List, NaiveDateTime, Time, URI, Version, Version.Requirement`);
  });
});

describe("Kernel", () => {
  it("elem, put_elem, hd, length with the BEAM's argument errors", () => {
    expect(call("Kernel", "elem", [1, 2], 1)).toBe("2");
    expect(call("Kernel", "put_elem", [1, 2], 0, "x")).toBe("{:x, 2}");
    expect(raised(() => ex.M("Kernel")["hd/1"](EMPTY))).toBe("ArgumentError: errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n");
    expect(call("Kernel", "length", list([1, 2]))).toBe("2");
    expect(call("Kernel", "max", 1, new Float(2))).toBe("2.0");
  });
  it("put_in / get_in / struct over maps and keyword lists", () => {
    const data = EMap.of({ a: EMap.of({ b: 1 }) });
    expect(call("Kernel", "put_in", data, list(["a", "b"]), 2)).toBe("%{a: %{b: 2}}");
    expect(call("Kernel", "get_in", data, list(["a", "b"]))).toBe("1");
    expect(call("Kernel", "struct", "Elixir.RuntimeError", list([["message", b("x")]]))).toBe('%RuntimeError{message: "x"}');
  });
});
