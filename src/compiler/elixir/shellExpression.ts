/**
 * An Elixir expression for the shell (a console line, a script `eval`, a lesson check) → a JS
 * function `__eval($b)` (with `require` and the loader's helpers in scope) that evaluates it with the bindings of earlier lines (`$b`, by name)
 * and returns `[value, bindings]`, so `pid = Process.whereis(:counter)` then
 * `:sys.get_state(pid)` works as in IEx. Written lowered, as module code is (asyncShape.ts): no
 * esbuild. `esbuild` is used only for its `memo` (a lesson's precompiled answers).
 */
import { ASYNC_FUNCTION_TAIL, asyncFunctionHead } from "./asyncShape";
import type { EsbuildLike } from "../compile";
import type { Diagnostic } from "../diagnostics";
import { postpass } from "../postpass";
import { Ctx, ModuleWriter } from "./context";
import { FnWriter, Scope } from "./emitter";
import { CompileError } from "./errors";
import { assignSink, into } from "./expressions";
import { quote } from "./compileElixir";
import { type ParserBytes, ensureElixirParser } from "./parser";
import { UnsupportedSyntax } from "./toQuoted";
import { SHELL_MODULE } from "./shellModule";

export type ShellExpression = { ok: true; code: string } | { ok: false; diagnostics: Diagnostic[] };

export { SHELL_MODULE };

/** IEx's helpers that every console line imports (the session provides `IEx.Helpers`, session/iex.ts). */
const IEX_HELPERS = { module: "Elixir.IEx.Helpers", only: new Set(["v/0", "v/1", "flush/0", "pid/1", "pid/3"]), except: new Set<string>() };

export async function compileShellExpression(
  esbuild: EsbuildLike,
  source: string,
  bindings: string[],
  parserBytes?: () => Promise<ParserBytes>,
): Promise<ShellExpression> {
  const front = async (): Promise<{ ok: true; js: string } | { ok: false; diagnostics: Diagnostic[] }> => {
    const missing = await ensureElixirParser(parserBytes);
    if (missing) return { ok: false, diagnostics: [{ file: "console", line: 1, column: 1, message: missing }] };
    try {
      return { ok: true, js: shellJs(source, bindings) };
    } catch (err) {
      if (err instanceof CompileError || err instanceof UnsupportedSyntax) {
        return { ok: false, diagnostics: [{ file: "console", line: err.line, column: err.column, message: err.message }] };
      }
      throw err;
    }
  };
  // A built-in lesson's evals and checks may be precompiled (compiler/precompiled.ts).
  const compiled = esbuild.memo ? await esbuild.memo(["elixir-shell", source, bindings], front) : await front();
  if (!compiled.ok) return compiled;
  return { ok: true, code: postpass(compiled.js).code };
}

function shellJs(source: string, bindings: string[]): string {
  const ast = quote(source);
  const mod = { name: SHELL_MODULE, meta: null, groups: new Map(), vsn: undefined, struct: null, behaviours: [] };
  const mw = new ModuleWriter(mod, new Map());
  const w = new FnWriter(new Set(["$b", "$v"]));
  const scope = new Scope(null);
  for (const b of bindings) scope.set(b, `$b[${JSON.stringify(b)}]`);
  const ctx = new Ctx(mw, w, scope, { module: SHELL_MODULE, aliases: new Map(), imports: [IEX_HELPERS], attrs: new Map() }, { name: "eval", arity: 0 });
  w.emit("let $v;");
  into(ast, ctx, assignSink(ctx, "$v"));
  const names = new Map<string, string>();
  for (const b of bindings) names.set(b, `$b[${JSON.stringify(b)}]`);
  for (const [name, js] of scope.own()) names.set(name, js);
  w.emit(`return [$v, { ${[...names].map(([n, js]) => `${JSON.stringify(n)}: ${js}`).join(", ")} }];`);
  const head = [`const E = require("$elixir");`, ...[...mw.requires].map(([m, id]) => `const ${id} = require(${JSON.stringify(m)});`), ...mw.constants];
  return `${asyncFunctionHead("__eval", ["$b"])}\n${head.join("\n")}\n${w.lines.map((l) => l.code).join("\n")}\n${ASYNC_FUNCTION_TAIL}\n`;
}
