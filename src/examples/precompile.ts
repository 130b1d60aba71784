/**
 * Build time (Node, native esbuild): the transforms a built-in snippet needs, recorded by playing
 * it headless to the end of its script and checks, so the browser can replay it before (or
 * without) loading esbuild-wasm. What is recorded is exactly what the page's Session asks for:
 * the same Session code makes the same transform calls, in the worker as here.
 */
import * as esbuild from "esbuild";
import { type PrecompiledTable, recordingCompiler } from "../compiler/precompiled";
import { Session } from "../session/session";
import type { Snippet } from "../share/snippetTypes";

export { builtInSnippet, precompiledIds } from "./builtIn";

/** Virtual ms past a snippet's last script step or check that are played too (as a lesson's end does). */
const TAIL_MS = 2000;

export async function precompileSnippet(snippet: Snippet): Promise<PrecompiledTable> {
  const table: PrecompiledTable = {};
  const session = new Session({ esbuild: recordingCompiler(esbuild, table), onEvent: () => {} });
  const started = await session.start(snippet);
  if (!started.ok) throw new Error(`"${snippet.title}" does not start: ${started.message ?? JSON.stringify(started.diagnostics)}`);
  const last = Math.max(0, ...(snippet.script ?? []).map((s) => s.at), ...(snippet.checks ?? []).map((c) => c.at));
  await session.advance(last + TAIL_MS);
  return table;
}
