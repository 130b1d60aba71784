/**
 * What the editor's Elixir completions offer (pure, no Monaco): the snippet's own modules and
 * their public functions, read from the editor's text as it is being typed (so a half-written
 * file still gives its finished functions), and the supported stdlib, read from the runtime's
 * own Elixir stdlib tables (`"name/arity"` keys), so the list never drifts from what runs.
 *
 * The snippet is read line by line, not parsed: a `defmodule Alias do` opens a module until
 * the `end` at its indentation, and a `def name(args)` head on one line gives the name and
 * its arities (each default `\\` adds one). A completion list only suggests; the compiler, not
 * this reading, decides what the code means.
 */

export type FunctionInfo = { name: string; arity: number };
export type ModuleOutline = { module: string; functions: FunctionInfo[]; privates: FunctionInfo[] };

/** Top-level commas split a head's arguments; brackets and strings inside do not count. */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (quote) {
      if (c === "\\") cur += args[i++] ?? "";
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** The argument list of a head that starts at `(`: up to its matching `)` on the same line. */
function headArgs(rest: string): string | null {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "(") depth++;
    else if (rest[i] === ")" && --depth === 0) return rest.slice(1, i);
  }
  return null;
}

export function outlineElixir(source: string): ModuleOutline[] {
  const modules: ModuleOutline[] = [];
  const open: Array<{ outline: ModuleOutline; indent: number }> = [];
  for (const raw of source.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "");
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    while (open.length && text === "end" && indent <= open[open.length - 1].indent) {
      open.pop();
      break;
    }
    const mod = /^defmodule\s+([A-Z]\w*(?:\.[A-Z]\w*)*)\s+do\b/.exec(text);
    if (mod) {
      const parent = open[open.length - 1]?.outline.module;
      const outline = { module: parent ? `${parent}.${mod[1]}` : mod[1], functions: [], privates: [] };
      modules.push(outline);
      open.push({ outline, indent });
      continue;
    }
    const def = /^(defp?)\s+([a-z_]\w*[?!]?)(.*)$/.exec(text);
    const current = open[open.length - 1]?.outline;
    if (!def || !current) continue;
    const [, kind, name, rest] = def;
    const args = rest.startsWith("(") ? headArgs(rest) : "";
    if (args === null) continue;
    const parts = splitArgs(args);
    const defaults = parts.filter((p) => p.includes("\\\\")).length;
    const into = kind === "def" ? current.functions : current.privates;
    for (let arity = parts.length - defaults; arity <= parts.length; arity++) {
      if (!into.some((f) => f.name === name && f.arity === arity)) into.push({ name, arity });
    }
  }
  return modules;
}

/** A stdlib table's module atom as Elixir writes it: `Elixir.Enum` → `Enum`, `erlang` → `:erlang`. */
export function stdlibModuleName(atom: string): string {
  return atom.startsWith("Elixir.") ? atom.slice(7) : `:${atom}`;
}

/** `"map/2"` keys → functions, sorted by name then arity. */
export function functionsOf(keys: string[]): FunctionInfo[] {
  return keys
    .map((k) => /^(.+)\/(\d+)$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], arity: Number(m[2]) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.arity - b.arity);
}
