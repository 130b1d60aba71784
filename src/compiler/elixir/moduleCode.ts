/**
 * One Elixir module → the JavaScript module text the loader runs (before esbuild): the
 * namespaces it calls through, its constants, one async function per name/arity, and its
 * exports keyed "name/arity" (public functions only), `vsn`, struct and exception support.
 * Every line carries the Elixir line it came from, for the source map.
 */
import { ModuleWriter } from "./context";
import { Ctx } from "./context";
import { FnWriter, Scope } from "./emitter";
import { errorAt } from "./errors";
import { compileDefault, compileGroup } from "./functions";
import { literalCode } from "./literals";
import type { ModuleDef } from "./modules";

export type ModuleJs = { module: string; code: string; lineOf: number[] };

export function moduleJs(mod: ModuleDef, siblings: Map<string, Set<string>>): ModuleJs {
  const mw = new ModuleWriter(mod, siblings);
  const bodies: FnWriter[] = [];
  const exported: string[] = [];
  for (const g of mod.groups.values()) {
    bodies.push(compileGroup(g, mw));
    if (g.kind === "def") exported.push(`exports[${JSON.stringify(`${g.name}/${g.arity}`)}] = ${mw.fnName(g.name, g.arity)};`);
    for (const d of g.defaults) {
      if (mod.groups.has(`${g.name}/${d.arity}`)) throw errorAt(null, `def ${g.name}/${g.arity} has default values and ${g.name}/${d.arity} is also defined`, d.meta);
      bodies.push(compileDefault(g, d, mw));
      if (g.kind === "def") exported.push(`exports[${JSON.stringify(`${g.name}/${d.arity}`)}] = ${mw.fnName(g.name, d.arity)};`);
    }
  }
  const line = mod.meta?.line ?? 1;
  const tail: Array<{ code: string; line: number }> = exported.map((code) => ({ code, line }));
  const constCtx = new Ctx(mw, new FnWriter(), new Scope(null), { module: mod.name, aliases: new Map(), imports: [], attrs: new Map() }, { name: "__info__", arity: 0 });
  if (mod.vsn !== undefined) {
    const v = literalCode(mod.vsn, constCtx);
    if (v === null) throw errorAt(mod.vsn, "@vsn must be a literal (a number, string or atom)", mod.meta);
    tail.push({ code: `exports.vsn = E.str(${v});`, line });
    // The term itself, for code_change's old_vsn (`@vsn "1"` is the binary "1").
    tail.push({ code: `exports.__vsn__ = ${v};`, line });
  }
  if (mod.struct) {
    const sctx = new Ctx(mw, new FnWriter(), new Scope(null), mod.struct.lex, { name: "__struct__", arity: 0 });
    const fields = mod.struct.fields.map(([k, v]) => {
      const c = literalCode(v, sctx);
      if (c === null) throw errorAt(v, `the default of struct field ${k} must be a literal here`, mod.meta);
      return `[${JSON.stringify(k)}, ${c}]`;
    });
    const define = mod.struct.exception ? "E.defineException" : "E.defineStruct";
    tail.push({ code: `${define}(__MODULE__, [${fields.join(", ")}]);`, line });
    tail.push({ code: `exports["__struct__/0"] = () => E.struct(__MODULE__, []);`, line });
    tail.push({ code: `exports["__struct__/1"] = (kv) => E.struct(__MODULE__, E.iter(kv));`, line });
    if (mod.struct.exception) {
      if (!mod.groups.has("exception/1")) tail.push({ code: `exports["exception/1"] = (attrs) => E.exceptionFrom(__MODULE__, attrs);`, line });
      if (!mod.groups.has("message/1")) tail.push({ code: `exports["message/1"] = (e) => e.get("message");`, line });
    }
  }
  tail.push({ code: `exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;`, line });
  const head: Array<{ code: string; line: number }> = [{ code: `const E = require("$elixir");`, line }];
  for (const [module, id] of mw.requires) head.push({ code: `const ${id} = require(${JSON.stringify(module)});`, line });
  for (const c of mw.constants) head.push({ code: c, line });
  const all = [...head, ...bodies.flatMap((b) => b.lines), ...tail];
  return { module: mod.name, ...flatten(all) };
}

/** Joins tagged lines into code and a per-line table of Elixir lines (nested functions carry `/*@Ln*\/` marks). */
export function flatten(lines: Array<{ code: string; line: number }>): { code: string; lineOf: number[] } {
  const out: string[] = [];
  const lineOf: number[] = [];
  for (const l of lines) {
    for (const part of l.code.split("\n")) {
      const m = /^(\s*)\/\*@L(\d+)\*\//.exec(part);
      if (m) {
        out.push(m[1] + part.slice(m[0].length));
        lineOf.push(Number(m[2]) || l.line);
      } else {
        out.push(part);
        lineOf.push(l.line);
      }
    }
  }
  return { code: out.join("\n"), lineOf };
}
