/**
 * The Elixir parser's two wasm files for a worker's Session: the bundle ships them as assets and
 * we read them into bytes here, so web-tree-sitter is handed bytes and never looks for files
 * itself (its known pitfall under bundlers). Fetched only when an Elixir file is compiled.
 */
import treeSitterUrl from "web-tree-sitter/web-tree-sitter.wasm?url";
import elixirUrl from "tree-sitter-elixir/tree-sitter-elixir.wasm?url";
import type { ParserBytes } from "../compiler/elixir/parser";

/** Taken before lockdown.ts removes `fetch` from this worker's global (user code must not have it). */
const ownFetch = globalThis.fetch.bind(globalThis);

async function bytesOf(url: string): Promise<Uint8Array> {
  // Absolute: this worker was started from a `blob:` script, which cannot resolve a path.
  const response = await ownFetch(new URL(url, import.meta.url).href);
  if (!response.ok) throw new Error(`the Elixir parser could not be loaded (${url}: ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function elixirParserBytes(): Promise<ParserBytes> {
  const [treeSitter, elixir] = await Promise.all([bytesOf(treeSitterUrl), bytesOf(elixirUrl)]);
  return { treeSitter, elixir };
}
