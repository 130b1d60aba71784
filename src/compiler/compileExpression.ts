/**
 * Compiles a console or script `eval` expression into a function the shell can run: every
 * name of `otp` and every module (by its name, `App.Worker` as a nested name) is in scope,
 * and `await` works because the expression is wrapped in an async function (lowered like
 * module code, so the shell drives it).
 */
import type { EsbuildLike } from "./compile";
import { type Diagnostic, fromEsbuild } from "./diagnostics";
import { RefusedCode, postpass } from "./postpass";

export type CompiledExpression = { ok: true; code: string } | { ok: false; diagnostics: Diagnostic[] };

const PREFIX = "async function __eval() {\nreturn (\n";
const PREFIX_LINES = 2;

export async function compileExpression(esbuild: EsbuildLike, expr: string): Promise<CompiledExpression> {
  const body = expr.trim().replace(/;+$/, "");
  if (!body) return { ok: false, diagnostics: [{ file: "console", line: 1, column: 1, message: "nothing to evaluate" }] };
  let code: string;
  try {
    const out = await esbuild.transform(`${PREFIX}${body}\n);\n}\n`, {
      loader: "ts", target: "es2022", supported: { "async-await": false }, sourcefile: "console", logLevel: "silent",
    });
    code = out.code;
  } catch (err) {
    const diagnostics = fromEsbuild("console", err).map((d) => ({ ...d, line: Math.max(1, d.line - PREFIX_LINES) }));
    return { ok: false, diagnostics };
  }
  try {
    return { ok: true, code: postpass(code).code };
  } catch (err) {
    if (err instanceof RefusedCode) return { ok: false, diagnostics: [{ file: "console", line: Math.max(1, err.line + 1 - PREFIX_LINES), column: err.column + 1, message: err.message }] };
    throw err;
  }
}

/** The names an expression sees: module names become nested objects (`App.Worker`). */
export function moduleScope(modules: string[], namespace: (m: string) => object): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const name of [...modules].sort((a, b) => a.split(".").length - b.split(".").length)) {
    const parts = name.split(".");
    if (parts.length === 1) {
      scope[name] = Object.create(namespace(name));
      continue;
    }
    let node = (scope[parts[0]] ??= {}) as Record<string, unknown>;
    for (const part of parts.slice(1, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = namespace(name);
  }
  return scope;
}
