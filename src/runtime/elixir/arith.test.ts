import { describe, expect, it } from "vitest";
import { add, div, fdiv, mul, neg, pow, rem, sub } from "./arith";
import { ElixirError } from "./errors";
import { inspect } from "./inspect";
import { Bin, Float } from "./terms";

const f = (v: number) => new Float(v);
const raises = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ElixirError ? [err.message, inspect(err.erlangReason)] : ["not an ElixirError", String(err)];
  }
  return ["did not raise"];
};

describe("arithmetic with exact integers", () => {
  it("goes past 2^53 exactly and comes back to plain numbers", () => {
    expect(inspect(mul(9007199254740993n, 10))).toBe("90071992547409930");
    expect(inspect(add(2 ** 53, 1))).toBe("9007199254740993");
    expect(sub(add(2 ** 53, 1), 2)).toBe(2 ** 53 - 1);
    expect(inspect(pow(2, 100))).toBe("1267650600228229401496703205376");
  });
  it("mixes integers and floats into floats, and / always gives a float", () => {
    expect(inspect(add(1, f(0.5)))).toBe("1.5");
    expect(inspect(fdiv(4, 2))).toBe("2.0");
    expect(inspect(pow(f(2), 3))).toBe("8.0");
  });
  it("div and rem truncate toward zero, as the BEAM's", () => {
    expect([div(7, 2), div(-7, 2), rem(-7, 2), rem(7, -2)]).toEqual([3, -3, -1, 1]);
    expect(inspect(div(10n ** 30n, 7))).toBe("142857142857142857142857142857");
    expect(neg(0)).toBe(0);
  });
  it("raises ArithmeticError (:badarith) on bad arguments and division by zero", () => {
    const want = ["bad argument in arithmetic expression", ":badarith"];
    expect(raises(() => add(1, "a"))).toEqual(want);
    expect(raises(() => add(1, new Bin("1")))).toEqual(want);
    expect(raises(() => div(1, 0))).toEqual(want);
    expect(raises(() => fdiv(1, 0))).toEqual(want);
    expect(raises(() => div(f(1), 1))).toEqual(want);
    expect(raises(() => mul(f(1e308), 10))).toEqual(want);
  });
});
