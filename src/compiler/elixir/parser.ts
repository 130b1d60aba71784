/**
 * The Elixir parser: tree-sitter-elixir (the Elixir team's grammar, as a prebuilt .wasm) run by
 * web-tree-sitter. Both wasm files are handed in as bytes, so nothing is fetched: Node reads
 * them from node_modules (`nodeParserBytes`), the worker gets them from its bundle. One parser
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
