/**
 * Node's way to start the Elixir parser (the CLI, tests and benchmarks): the wasm files read
 * from node_modules.
 */
import { initElixirParser, nodeParserBytes } from "./parser";

export { nodeParserBytes };

export function initNodeElixirParser() {
  return initElixirParser(nodeParserBytes);
}
