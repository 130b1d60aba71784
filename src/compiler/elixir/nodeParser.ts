/**
 * Node's way to start the Elixir parser: the two wasm files read from node_modules (the CLI,
 * tests and benchmarks). The browser's worker passes the bytes from its bundle instead.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type ParserBytes, initElixirParser } from "./parser";

export async function nodeParserBytes(): Promise<ParserBytes> {
  const require = createRequire(import.meta.url);
  const [treeSitter, elixir] = await Promise.all([
    readFile(require.resolve("web-tree-sitter/web-tree-sitter.wasm")),
    readFile(require.resolve("tree-sitter-elixir/tree-sitter-elixir.wasm")),
  ]);
  return { treeSitter, elixir };
}

export function initNodeElixirParser() {
  return initElixirParser(nodeParserBytes);
}
