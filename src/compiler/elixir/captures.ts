/**
 * How a capture of a Kernel function or operator (`&+/2`, `&length/1`, `&elem/2`) is named when
 * inspected, as Elixir 1.14 names it: Kernel functions that are the BEAM's own BIFs print as
 * `&:erlang.length/1` (operators in Erlang's spelling: `&:erlang."=<"/2`); the others as
 * `&Kernel.elem/2`; a capture of a macro (`&is_nil/1`, `&to_string/1`, `&<>/2`) is a plain fun.
 */

/** Operators that can be captured, by `op/arity`, in Erlang's spelling. */
const ERLANG_OPERATORS: Record<string, string> = {
  "+/2": "+", "-/2": "-", "*/2": "*", "//2": "/", "-/1": "-", "+/1": "+", "==/2": "==", "!=/2": '"/="',
  "===/2": '"=:="', "!==/2": '"=/="', "</2": "<", ">/2": ">", "<=/2": '"=<"', ">=/2": ">=", "++/2": "++",
  "--/2": "--", "not/1": "not",
};

/** Kernel functions that are Erlang BIFs (checked with Elixir 1.14's `inspect(&f/n)`). */
const ERLANG_BIFS = new Set([
  "abs/1", "byte_size/1", "div/2", "rem/2", "hd/1", "tl/1", "length/1", "map_size/1", "tuple_size/1", "max/2", "min/2",
  "self/0", "send/2", "make_ref/0", "round/1", "trunc/1", "floor/1", "ceil/1", "node/0", "node/1", "exit/1", "throw/1",
  "spawn/1", "spawn/3", "spawn_link/1", "spawn_link/3", "spawn_monitor/1", "spawn_monitor/3", "apply/2", "apply/3",
  "is_integer/1", "is_float/1", "is_number/1", "is_atom/1", "is_boolean/1", "is_binary/1", "is_bitstring/1", "is_list/1",
  "is_tuple/1", "is_map/1", "is_pid/1", "is_reference/1", "is_function/1", "is_function/2", "bit_size/1",
]);

/** Kernel macros: their captures are anonymous funs. */
const KERNEL_MACROS = new Set(["is_nil/1", "to_string/1", "<>/2", "then/2", "is_struct/1", "is_struct/2", "is_exception/1", "is_exception/2"]);

/** Whether `&name/arity` captures an operator the compiler inlines (`&+/2`, `&-/1`, `&<>/2`, power). */
export function isCapturableOperator(name: string, arity: number): boolean {
  const key = `${name}/${arity}`;
  return key in ERLANG_OPERATORS || key === "<>/2" || key === "**/2";
}

/** What follows `&` when the capture `&name/arity` of Kernel is inspected; null for a macro's. */
export function kernelCaptureName(name: string, arity: number): string | null {
  const key = `${name}/${arity}`;
  if (KERNEL_MACROS.has(key)) return null;
  if (key in ERLANG_OPERATORS) return `:erlang.${ERLANG_OPERATORS[key]}/${arity}`;
  if (ERLANG_BIFS.has(key)) return `:erlang.${name}/${arity}`;
  return `Kernel.${name}/${arity}`;
}
