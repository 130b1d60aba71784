/** The Elixir dialect's runtime side: terms, order, inspect, errors, arithmetic, the stdlib. */
export * from "./terms";
export * from "./compare";
export * from "./inspect";
export * from "./errors";
export * from "./arith";
export { installElixir, type ElixirRuntime } from "./dialect";
export { createElixirStdlib, type Stdlib } from "./stdlib";
