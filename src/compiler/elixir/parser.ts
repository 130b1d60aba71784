/**
 * The Elixir parser: tree-sitter-elixir (the Elixir team's grammar, as a prebuilt .wasm) run by
 * web-tree-sitter. Both wasm files are handed in as bytes, so nothing is fetched: Node reads
 * them from node_modules (the default here), the worker passes them from its bundle. One parser
 * per thread, made once; `parseElixir` is synchronous after that.
 */
import { Language, Parser, type Tree } from "web-tree-sitter";

export type ParserBytes = { treeSitter: Uint8Array; elixir: Uint8Array };

let parser: Parser | null = null;
let starting: Promise<Parser> | null = null;

/** Starts the parser once; later calls return the same one. */
export function initElixirParser(bytes: ParserBytes | (() => Promise<ParserBytes>)): Promise<Parser> {
  if (parser) return Promise.resolve(parser);
  starting ??= (async () => {
    const b = typeof bytes === "function" ? await bytes() : bytes;
    await Parser.init({ wasmBinary: b.treeSitter });
    const language = await Language.load(b.elixir);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  return starting;
}

/**
 * Node's bytes: the two wasm files read from node_modules. Node's modules are reached through
 * `process.getBuiltinModule` (Node ≥ 20.16), so a browser build never pulls in `node:fs`; a
 * worker passes its own bytes instead.
 */
export async function nodeParserBytes(): Promise<ParserBytes> {
  type NodeProcess = { getBuiltinModule(name: string): any };
  const node = process as unknown as NodeProcess;
  const { readFileSync } = node.getBuiltinModule("node:fs");
  const { createRequire } = node.getBuiltinModule("node:module");
  const require = createRequire(import.meta.url);
  return {
    treeSitter: readFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm")),
    elixir: readFileSync(require.resolve("tree-sitter-elixir/tree-sitter-elixir.wasm")),
  };
}

const inNode = () => typeof process !== "undefined" && typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule === "function";

/** Starts the parser with `bytes`, or in Node with the files from node_modules. */
export async function ensureElixirParser(bytes?: () => Promise<ParserBytes>): Promise<string | null> {
  if (parser) return null;
  if (!bytes && !inNode()) return "the Elixir parser is not available in this host (no parser bytes were given)";
  await initElixirParser(bytes ?? nodeParserBytes);
  return null;
}

export function parserReady(): boolean {
  return parser !== null;
}

/** Parses source text; `initElixirParser` must have finished. */
export function parseElixir(source: string): Tree {
  if (!parser) throw new Error("the Elixir parser is not started: await initElixirParser(...) first");
  const tree = parser.parse(source);
  if (!tree) throw new Error("the Elixir parser gave no tree");
  return tree;
}
