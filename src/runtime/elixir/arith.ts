/**
 * Elixir arithmetic with exact integers: integers stay JS numbers while they are safe integers
 * and become bigints past 2^53 (and back when they shrink), so no result is silently rounded.
 * Floats are `Float`; mixing gives a float; anything else raises ArithmeticError (`:badarith`).
 */
import { arithmeticError } from "./errors";
import { Float, normInt } from "./terms";

type Num = number | bigint | Float;

const isInt = (x: unknown): x is number | bigint => typeof x === "bigint" || (typeof x === "number" && Number.isInteger(x));
const isNum = (x: unknown): x is Num => isInt(x) || x instanceof Float;
const toFloat = (x: Num): number => (x instanceof Float ? x.v : Number(x));

function checked(v: number): Float {
  if (!Number.isFinite(v)) throw arithmeticError();
  return new Float(v);
}

function intOp(a: number | bigint, b: number | bigint, op: (x: bigint, y: bigint) => bigint, fast: (x: number, y: number) => number): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const r = fast(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(op(BigInt(a), BigInt(b)));
}

export function add(a: unknown, b: unknown): Num {
  if (isInt(a) && isInt(b)) return intOp(a, b, (x, y) => x + y, (x, y) => x + y);
  if (isNum(a) && isNum(b)) return checked(toFloat(a) + toFloat(b));
  throw arithmeticError();
}

export function sub(a: unknown, b: unknown): Num {
  if (isInt(a) && isInt(b)) return intOp(a, b, (x, y) => x - y, (x, y) => x - y);
  if (isNum(a) && isNum(b)) return checked(toFloat(a) - toFloat(b));
  throw arithmeticError();
}

export function mul(a: unknown, b: unknown): Num {
  if (isInt(a) && isInt(b)) return intOp(a, b, (x, y) => x * y, (x, y) => x * y);
  if (isNum(a) && isNum(b)) return checked(toFloat(a) * toFloat(b));
  throw arithmeticError();
}

/** `/`: always a float; division by zero raises. */
export function fdiv(a: unknown, b: unknown): Float {
  if (!isNum(a) || !isNum(b)) throw arithmeticError();
  const d = toFloat(b);
  if (d === 0) throw arithmeticError();
  return checked(toFloat(a) / d);
}

/** `div/2`: integer division truncated toward zero. */
export function div(a: unknown, b: unknown): number | bigint {
  if (!isInt(a) || !isInt(b) || b === 0 || b === 0n) throw arithmeticError();
  if (typeof a === "number" && typeof b === "number") return Math.trunc(a / b) + 0;
  return normInt(BigInt(a) / BigInt(b));
}

/** `rem/2`: the remainder with the dividend's sign. */
export function rem(a: unknown, b: unknown): number | bigint {
  if (!isInt(a) || !isInt(b) || b === 0 || b === 0n) throw arithmeticError();
  if (typeof a === "number" && typeof b === "number") return (a % b) + 0;
  return normInt(BigInt(a) % BigInt(b));
}

export function neg(a: unknown): Num {
  if (isInt(a)) return typeof a === "number" ? 0 - a : normInt(-a);
  if (a instanceof Float) return new Float(-a.v);
  throw arithmeticError();
}

export function abs(a: unknown): Num {
  if (isInt(a)) return typeof a === "number" ? Math.abs(a) : normInt(a < 0n ? -a : a);
  if (a instanceof Float) return new Float(Math.abs(a.v));
  throw arithmeticError();
}

/** `**`: an integer power stays exact; a negative integer exponent raises, as Elixir's does. */
export function pow(a: unknown, b: unknown): Num {
  if (isInt(a) && isInt(b)) {
    if (b < 0) throw arithmeticError();
    return normInt(BigInt(a) ** BigInt(b));
  }
  if (isNum(a) && isNum(b)) return checked(Math.pow(toFloat(a), toFloat(b)));
  throw arithmeticError();
}

/** A JS number of any Elixir number (for indexes, timeouts and the like). */
export const toNumber = (x: Num): number => toFloat(x);
