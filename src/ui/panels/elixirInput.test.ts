import { describe, expect, it } from "vitest";
import { isIncompleteElixir } from "./elixirInput";

describe("an Elixir console input is unfinished as IEx would see it", () => {
  it("when a do, fn or bracket is still open", () => {
    for (const text of ["1 +", "[1,", "%{a: 1,", "Enum.map([1, 2], fn x ->", "if true do", "case x do\n  1 -> :one", "<<1,", "defmodule A do\n  def f, do: 1", "x |>", "a and", "[name:"]) {
      expect(isIncompleteElixir(text), text).toBe(true);
    }
  });

  it("when a string, charlist, heredoc or sigil is still open", () => {
    for (const text of ['"abc', "'ab", '"""\nhello', "~w(a b", '"#{1 + "']) expect(isIncompleteElixir(text), text).toBe(true);
  });

  it("not when the expression is whole, whatever the strings and comments hold", () => {
    for (const text of ["1 + 2", "[1,\n2]", '"do ( [ end"', "x = 1 # a comment with do (", "if true, do: 1, else: 2", "fn x -> x end", '"""\nhi\n"""', "~w(a b)a", "?(", "Process.whereis(Counter)", ":sys.get_state(pid)", "recompile()", "%{a: 1}", "v()", "x.y", "a -> b end"]) {
      expect(isIncompleteElixir(text), text).toBe(false);
    }
  });

  it("not when a closer has no opener: that is a syntax error for the compiler to report", () => {
    expect(isIncompleteElixir("1)")).toBe(false);
    expect(isIncompleteElixir("end")).toBe(false);
  });
});
