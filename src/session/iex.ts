/**
 * IEx's helpers in an Elixir snippet's console (SPEC §10), as IEx 1.14 answers them:
 *
 * - `v()`, `v(n)`: the result of prompt `n` (negative: counted back from the last); the history
 *   is the results of the lines that succeeded, numbered as IEx numbers its prompts
 *   (`iex(N)>` goes up only when a line evaluates without an error).
 * - `flush()`: prints every message in the shell's mailbox, oldest first, and answers `:ok`.
 * - `pid("0.102.0")`, `pid(0, 102, 0)`: the pid of that number, live or not.
 * - `recompile()` and `r(Mod)` act on the editor's files, so the session runs them as actions
 *   (see `editorHelper`); this namespace holds only the helpers that run inside the shell.
 *
 * The helpers are the module `IEx.Helpers`, imported into every console line by the shell's
 * compiler, so user code cannot call them and a user module of another name is unaffected.
 */
import { ReceiveToken } from "../runtime/activation";
import type { Runtime } from "../runtime/runtime";
import { Pid, TIMEOUT } from "../runtime/terms";
import { argumentError, runtimeError } from "../runtime/elixir/errors";
import { Bin, charlistText, isInteger } from "../runtime/elixir/terms";
import { driven, type Namespace } from "../runtime/elixir/stdlib/support";

export const IEX_HELPERS = "Elixir.IEx.Helpers";

/** The results of the console's lines that succeeded; `results[n - 1]` is `v(n)`. */
export class IexHistory {
  results: unknown[] = [];
  /** The number of the next prompt, `iex(N)>`. */
  get counter(): number {
    return this.results.length + 1;
  }
  add(value: unknown): void {
    this.results.push(value);
  }
  nth(n: number): unknown {
    const i = n < 0 ? this.results.length + n : n - 1;
    if (i < 0 || i >= this.results.length) throw runtimeError(`v(${n}) is out of bounds`);
    return this.results[i];
  }
}

function pidOf(rt: Runtime, id: number): Pid {
  return rt.processes().find((p) => p.pid.id === id)?.pid ?? new Pid(id);
}

function pidFromText(rt: Runtime, text: unknown): Pid {
  const s = text instanceof Bin ? text.s : charlistText(text) ?? null;
  const m = s === null ? null : /^<?0\.(\d+)\.0>?$/.exec(s.trim());
  if (!m) {
    const shown = s === null ? "" : s.replace(/^<?|>?$/g, "");
    throw argumentError(`errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n\n    :erlang.list_to_pid('<${shown}>')`, true);
  }
  return pidOf(rt, Number(m[1]));
}

/** The `IEx.Helpers` namespace for one session's shell; `print` logs a line from the shell. */
export function iexHelpers(rt: Runtime, history: IexHistory, print: (term: unknown) => void): Namespace {
  return {
    "v/0": () => history.nth(-1),
    "v/1": (n: unknown) => {
      if (!isInteger(n)) throw argumentError("v/1 expects an integer");
      return history.nth(Number(n));
    },
    "flush/0": driven("IEx.Helpers.flush", function* () {
      for (;;) {
        const msg = yield new ReceiveToken(() => true, 0);
        if (msg === TIMEOUT) return "ok";
        print(msg);
      }
    }),
    "pid/1": (text: unknown) => pidFromText(rt, text),
    "pid/3": (a: unknown, b: unknown, c: unknown) => {
      if (a !== 0 || c !== 0 || !isInteger(b)) throw argumentError("pid/3 expects the three integers of a local pid, like pid(0, 102, 0)");
      return pidOf(rt, Number(b));
    },
  };
}

/**
 * A console line that is one of the helpers acting on the editor's files, or null: `recompile()`
 * (also written without parentheses) or `r(Mod)` / `r Mod`.
 */
export function editorHelper(line: string): { helper: "recompile" } | { helper: "r"; module: string } | null {
  const text = line.trim();
  if (/^recompile(\s*\(\s*\))?$/.test(text)) return { helper: "recompile" };
  const r = /^r(?:\s*\(\s*([A-Z]\w*(?:\.[A-Z]\w*)*)\s*\)|\s+([A-Z]\w*(?:\.[A-Z]\w*)*))$/.exec(text);
  if (r) return { helper: "r", module: r[1] ?? r[2] };
  return null;
}

/** How Mix reports a failed compile in IEx: the file, then each error, as Elixir prints it. */
export function compileErrorLines(diagnostics: Array<{ file: string; line: number; column: number; message: string }>): string[] {
  const out: string[] = [];
  const files = [...new Set(diagnostics.map((d) => d.file))];
  for (const file of files) {
    out.push(`== Compilation error in file ${file} ==`);
    for (const d of diagnostics.filter((x) => x.file === file)) {
      const kind = /^(syntax error|missing terminator|unexpected)/.test(d.message) ? "SyntaxError" : "CompileError";
      out.push(`** (${kind}) ${file}:${d.line}:${d.column}: ${d.message}`);
    }
  }
  return out;
}
