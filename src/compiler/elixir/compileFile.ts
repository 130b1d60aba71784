/**
 * A `.ex` file → loadable modules: the Elixir compiler's JavaScript for each `defmodule`, already
 * in the shape esbuild gives a lowered `.ts` module (async as generators, asyncShape.ts), then the
 * same post-pass. No esbuild: an Elixir snippet compiles before esbuild-wasm has loaded, and a
 * Recompile costs no round trip to the compiler's worker. The compiler's line table is the source
 * map, so stack frames name Elixir lines. `esbuild` is used only for its `memo` (precompiled.ts).
 */
import { type CompileResult, type CompiledModule, type EsbuildLike, shortHash } from "../compile";
import type { Diagnostic } from "../diagnostics";
import { postpass } from "../postpass";
import type { LineMappings } from "../sourceMap";
import { type ElixirCompileResult, compileElixirSource } from "./compileElixir";
import { type ParserBytes, ensureElixirParser } from "./parser";

export type ElixirFileResult = { ok: true; modules: CompiledModule[] } | { ok: false; diagnostics: Diagnostic[] };

export const isElixirFile = (file: string) => file.endsWith(".ex") || file.endsWith(".exs");

export async function compileElixirFile(
  esbuild: EsbuildLike,
  file: string,
  source: string,
  parserBytes: (() => Promise<ParserBytes>) | undefined,
  known: Map<string, Set<string>> = new Map(),
): Promise<ElixirFileResult> {
  const front = async (): Promise<ElixirCompileResult | { missing: string }> => {
    const missing = await ensureElixirParser(parserBytes);
    return missing ? { missing } : compileElixirSource(file, source, known);
  };
  // A built-in lesson's answer may be precompiled (compiler/precompiled.ts): then no parser loads.
  const knownKey = [...known].map(([m, fns]) => [m, [...fns].sort()]).sort();
  const compiled = esbuild.memo ? await esbuild.memo(["elixir-file", file, source, knownKey], front) : await front();
  if ("missing" in compiled) return { ok: false, diagnostics: [{ file, line: 1, column: 1, message: compiled.missing }] };
  if (!compiled.ok) return compiled;
  const modules: CompiledModule[] = [];
  for (const m of compiled.modules) {
    const r = lower(file, source, m.module, m.code, m.lineOf);
    if (!r.ok) return r;
    modules.push(r.module);
  }
  return { ok: true, modules };
}

/**
 * The compiler's JavaScript is already lowered (asyncShape.ts): only the post-pass runs. Each
 * generated line maps to its Elixir line from the line table.
 */
function lower(file: string, source: string, module: string, js: string, lineOf: number[]): CompileResult {
  let pass: ReturnType<typeof postpass>;
  try {
    pass = postpass(js);
  } catch (err) {
    const at = (err as { loc?: { line: number } }).loc?.line ?? (err as { line?: number }).line;
    const line = at ? lineOf[at - 1] ?? 1 : 1;
    return { ok: false, diagnostics: [{ file, line, column: 1, message: `internal: the Elixir compiler made invalid JavaScript for ${module.replace(/^Elixir\./, "")}: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const mappings: LineMappings = lineOf.map((line) => [[0, line - 1, 0]]);
  return { ok: true, module: { file, module, source, code: pass.code, mappings, shifts: pass.shifts, hash: shortHash(js) } };
}
