import { describe, expect, it } from "vitest";
import { UndefinedFunctionError } from "../terms";
import {
  ElixirError, badArityError, caseClauseError, condClauseError, crashReasonOf, exceptionMessage, exceptionOf,
  functionClauseError, keyError, keyErrorRaised, matchError, protocolError, runtimeError, undefinedFunctionError, withClauseError,
} from "./errors";
import { inspect } from "./inspect";
import { Bin, EMap, list } from "./terms";

const shape = (e: ElixirError) => [e.message, inspect(e.exception), inspect(e.erlangReason)];

// Messages and reasons recorded from Elixir 1.14 (Exception.message/1 and the EXIT reason of a
// process that raised it).
describe("Elixir's exceptions: their messages and their Erlang reasons", () => {
  it("MatchError", () => {
    expect(shape(matchError(2))).toEqual(["no match of right hand side value: 2", "%MatchError{term: 2}", "{:badmatch, 2}"]);
  });
  it("CaseClauseError, CondClauseError, WithClauseError", () => {
    expect(shape(caseClauseError(1))[0]).toBe("no case clause matching: 1");
    expect(inspect(caseClauseError(1).erlangReason)).toBe("{:case_clause, 1}");
    expect(shape(condClauseError())).toEqual(["no cond clause evaluated to a truthy value", "%CondClauseError{}", ":cond_clause"]);
    expect(shape(withClauseError(2))[2]).toBe("{:with_clause, 2}");
  });
  it("FunctionClauseError names the function the Elixir way", () => {
    expect(shape(functionClauseError("Elixir.Foo", "bar", 1))).toEqual([
      "no function clause matching in Foo.bar/1",
      "%FunctionClauseError{module: Foo, function: :bar, arity: 1, kind: nil, args: nil, clauses: nil}",
      ":function_clause",
    ]);
  });
  it("KeyError from map.key, Map.fetch! and Keyword.fetch!", () => {
    const m = EMap.of({ b: 1 });
    expect(shape(keyError("a", m, true))).toEqual(["key :a not found in: %{b: 1}", "%KeyError{key: :a, term: %{b: 1}, message: nil}", "{:badkey, :a, %{b: 1}}"]);
    expect(inspect(keyError("a", m).erlangReason)).toBe("{:badkey, :a}");
    const kw = keyErrorRaised("b", list([["a", 1]]));
    expect(kw.message).toBe("key :b not found in: [a: 1]");
    expect(inspect(kw.erlangReason)).toBe("%KeyError{key: :b, term: [a: 1], message: nil}");
  });
  it("UndefinedFunctionError tells a missing module from a missing function", () => {
    const loaded = (m: string) => m === "Elixir.Enum";
    expect(undefinedFunctionError("Elixir.Foo", "bar", 0, loaded).message).toBe("function Foo.bar/0 is undefined (module Foo is not available)");
    expect(undefinedFunctionError("Elixir.Enum", "bar", 0, loaded).message).toBe("function Enum.bar/0 is undefined or private");
    expect(undefinedFunctionError("sys", "nope", 1, () => true).message).toBe("function :sys.nope/1 is undefined or private");
    expect(inspect(undefinedFunctionError("Elixir.Foo", "bar", 0).erlangReason)).toBe(":undef");
  });
  it("BadArityError and Protocol.UndefinedError", () => {
    const fun = Object.assign((_a: unknown, _b: unknown) => null, { elixir: { capture: "Enum.map/2" } });
    expect(badArityError(fun, [1]).message).toBe("&Enum.map/2 with arity 2 called with 1 argument (1)");
    expect(protocolError("Enumerable", 1).message).toBe("protocol Enumerable not implemented for 1 of type Integer. This protocol is implemented for the following type(s): Date.Range, File.Stream, Function, GenEvent.Stream, HashDict, HashSet, IO.Stream, List, Map, MapSet, Range, Stream");
    expect(protocolError("String.Chars", [1]).message).toBe("protocol String.Chars not implemented for {1} of type Tuple. This protocol is implemented for the following type(s): Atom, BitString, Date, DateTime, Float, Integer, List, NaiveDateTime, Time, URI, Version, Version.Requirement");
  });
  it("RuntimeError is its own reason", () => {
    expect(shape(runtimeError("boom"))).toEqual(["boom", '%RuntimeError{message: "boom"}', '%RuntimeError{message: "boom"}']);
  });
});

describe("errors thrown by the runtime, seen from Elixir", () => {
  it("a missing function of a live namespace is UndefinedFunctionError, reason :undef", () => {
    const err = new UndefinedFunctionError("Elixir.Counter", "nope", 2);
    expect(exceptionMessage(exceptionOf(err))).toBe("function Counter.nope/2 is undefined or private");
    expect(crashReasonOf(err)).toBe("undef");
  });
  it("a badarg from the runtime is an ArgumentError, reason :badarg", () => {
    const err = new Error("badarg: no process is registered as :nope");
    expect(inspect(exceptionOf(err))).toBe('%ArgumentError{message: "badarg: no process is registered as :nope"}');
    expect(crashReasonOf(err)).toBe("badarg");
  });
  it("any other JS error reads as a RuntimeError with its message", () => {
    expect(exceptionMessage(exceptionOf(new TypeError("x is not a function")))).toBe("x is not a function");
    expect(exceptionOf(new Bin("x") as unknown).structName).toBe("Elixir.ErlangError");
  });
});

describe("the runtime's Erlang-level errors", () => {
  it("an ErlangError of the runtime (error(term)) is %ErlangError{original: term}, reason term", () => {
    const err = Object.assign(new Error("Erlang error"), { name: "ErlangError", original: ["callback_failed", "x"] });
    expect(inspect(exceptionOf(err))).toBe("%ErlangError{original: {:callback_failed, :x}, reason: nil}");
    expect(inspect(crashReasonOf(err))).toBe("{:callback_failed, :x}");
  });
});
