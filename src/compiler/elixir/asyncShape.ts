/**
 * The shape esbuild gives an async function once it is lowered to a generator (TRANSFORM_OPTIONS:
 * `supported: { "async-await": false }`), written by the Elixir compiler itself, so an Elixir
 * module goes to the post-pass and the loader without an esbuild transform (esbuild-wasm costs
 * tens of milliseconds a module in a worker, and megabytes before a first Elixir Run). The
 * post-pass and the loader's `__async` take this shape as they take a lowered TypeScript module.
 *
 * Each helper keeps the line count of what it wraps: generated lines map one to one to the line
 * table's Elixir lines (moduleCode.ts `flatten`), which is the whole source map.
 */

/** `async function name(params) {`, lowered; close it with ASYNC_FUNCTION_TAIL. */
export function asyncFunctionHead(name: string, params: string[]): string {
  return `function ${name}(${params.join(", ")}) { return __async(this, null, function* () {`;
}

export const ASYNC_FUNCTION_TAIL = "}); }";

/** `async (params) => {\nbody\n}`, lowered. */
export function asyncArrow(params: string[], body: string): string {
  return `(${params.join(", ")}) => __async(null, null, function* () {\n${body}\n})`;
}

/** `(await expr)`, lowered: parenthesised, since `yield` binds looser than any operator. */
export function awaited(expr: string): string {
  return `(yield ${expr})`;
}
