/**
 * The Elixir compiler's entry points (SPEC §10): a `.ex` file to loadable modules, an Elixir
 * expression for the shell, the parser's start-up, and the quoted AST for tools and tests.
 */
export { compileElixirFile, isElixirFile } from "./compileFile";
export { compileShellExpression } from "./shellExpression";
export { compileElixirSource, quote } from "./compileElixir";
export { ensureElixirParser, initElixirParser, type ParserBytes } from "./parser";
