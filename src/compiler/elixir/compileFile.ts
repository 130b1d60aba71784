/**
 * A `.ex` file → loadable modules: the Elixir compiler's JavaScript for each `defmodule`, then
 * the same esbuild step (async lowered to generators) and post-pass as a `.ts` module. The
 * source map is composed with the compiler's line table, so stack frames name Elixir lines.
 */
import { type CompileResult, type CompiledModule, type EsbuildLike, TRANSFORM_OPTIONS, shortHash } from "../compile";
import type { Diagnostic } from "../diagnostics";
import { postpass } from "../postpass";
import { decodeMappings } from "../sourceMap";
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
    const r = await lower(esbuild, file, source, m.module, m.code, m.lineOf);
    if (!r.ok) return r;
    modules.push(r.module);
  }
  return { ok: true, modules };
}

async function lower(esbuild: EsbuildLike, file: string, source: string, module: string, js: string, lineOf: number[]): Promise<CompileResult> {
  let out: { code: string; map: string };
  try {
    out = await esbuild.transform(js, { ...TRANSFORM_OPTIONS, loader: "js", sourcefile: file });
  } catch (err) {
    const text = (err as { errors?: Array<{ text: string; location?: { line: number } }> }).errors?.[0];
    const line = text?.location ? lineOf[text.location.line - 1] ?? 1 : 1;
    return { ok: false, diagnostics: [{ file, line, column: 1, message: `internal: the Elixir compiler made invalid JavaScript for ${module.replace(/^Elixir\./, "")}: ${text?.text ?? String(err)}` }] };
  }
  const pass = postpass(out.code);
  const mappings = decodeMappings((JSON.parse(out.map) as { mappings: string }).mappings).map((segs) =>
    segs.map(([col, srcLine]) => [col, (lineOf[srcLine] ?? 1) - 1, 0] as [number, number, number]),
  );
  return { ok: true, module: { file, module, source, code: pass.code, mappings, shifts: pass.shifts, hash: shortHash(out.code) } };
}
