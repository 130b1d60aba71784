/**
 * Elixir source → the JavaScript of each module it defines (before esbuild), or diagnostics at
 * Elixir lines and columns: syntax errors from the parse tree first, then constructs outside
 * the supported subset, then errors of the code itself (an undefined variable or function).
 */
import type { Diagnostic } from "../diagnostics";
import { CompileError } from "./errors";
import { type ModuleJs, moduleJs } from "./moduleCode";
import { collectModules } from "./modules";
import { parseElixir } from "./parser";
import type { Quoted } from "./quoted";
import { syntaxErrors } from "./syntaxErrors";
import { UnsupportedSyntax, toQuoted } from "./toQuoted";

export type ElixirCompileResult = { ok: true; modules: ModuleJs[] } | { ok: false; diagnostics: Diagnostic[] };

/** The quoted AST of a source text, or a CompileError at the first syntax error. */
export function quote(source: string): Quoted {
  const tree = parseElixir(source);
  try {
    const problems = syntaxErrors(tree);
    if (problems.length) throw new CompileError(problems[0].message, problems[0].line, problems[0].column);
    return toQuoted(tree.rootNode);
  } finally {
    tree.delete();
  }
}

const defaultsCache = new Map<string, Quoted>();
function parseDefaults(source: string): Quoted {
  let q = defaultsCache.get(source);
  if (!q) defaultsCache.set(source, (q = quote(source)));
  return q;
}

/**
 * Compiles one file. `known` lists the other modules of the snippet with their public
 * name/arities (so `import Other` resolves at compile time).
 */
export function compileElixirSource(file: string, source: string, known: Map<string, Set<string>> = new Map()): ElixirCompileResult {
  try {
    const mods = collectModules(quote(source), parseDefaults);
    if (mods.length === 0) throw new CompileError("this file defines no module: write `defmodule Name do ... end`", 1, 1);
    const siblings = new Map(known);
    for (const m of mods) siblings.set(m.name, new Set([...m.groups.values()].filter((g) => g.kind === "def").flatMap((g) => [`${g.name}/${g.arity}`, ...g.defaults.map((d) => `${g.name}/${d.arity}`)])));
    return { ok: true, modules: mods.map((m) => moduleJs(m, siblings)) };
  } catch (err) {
    if (err instanceof CompileError || err instanceof UnsupportedSyntax) {
      return { ok: false, diagnostics: [{ file, line: err.line, column: err.column, message: err.message }] };
    }
    throw err;
  }
}
