/**
 * Turns a scenario's snippet into the plan the BEAM-side driver (driver.exs) reads: an Elixir map
 * literal `%{main: Main, until: ms, steps: [%{at, files, action, eval, extra}]}` where `files`
 * holds, for each file a step's edit or patch changed, its whole new text and its path in the
 * Mix project (`lib/<file>`). Edits and patches are applied exactly as the engine applies them
 * (`applyStepEdits`: whole files, then find/replace of the first occurrence, an absent `find`
 * being an error), so both runs see the same files at every step.
 */
import { applyStepEdits } from "../../src/share/snippet";
import type { Snippet } from "../../src/share/snippetTypes";

export function planOf(snippet: Snippet, until: number): string {
  let files = { ...snippet.files };
  const steps = (snippet.script ?? []).map((step, i) => {
    const edited = applyStepEdits(files, step);
    if (!edited.ok) throw new Error(`script[${i}]: ${edited.error}`);
    const changed = Object.keys(edited.files).filter((f) => edited.files[f] !== files[f]);
    files = edited.files;
    const fields = [
      `at: ${step.at}`,
      `files: [${changed.map((f) => `{${elixir(`lib/${f}`)}, ${elixir(files[f])}}`).join(", ")}]`,
      `action: ${step.action ? `:${step.action}` : "nil"}`,
      `eval: ${step.eval === undefined ? "nil" : elixir(step.eval)}`,
      `extra: ${step.extra === undefined ? ":undefined" : elixir(step.extra)}`,
    ];
    return `  %{${fields.join(", ")}}`;
  });
  return `%{main: :${elixir(`Elixir.${snippet.main}`)}, until: ${until}, steps: [\n${steps.join(",\n")}\n]}\n`;
}

/**
 * A JSON value as an Elixir literal: strings are binaries (with `#` escaped, so no `#{`
 * interpolates), arrays lists, objects maps with string keys, null nil. This is how the engine
 * hands a step's `extra` to Elixir code too.
 */
export function elixir(value: unknown): string {
  if (value === null) return "nil";
  if (typeof value === "string") return `"${[...value].map(escapeChar).join("")}"`;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : Number(value).toExponential();
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(elixir).join(", ")}]`;
  if (typeof value === "object") return `%{${Object.entries(value).map(([k, v]) => `${elixir(k)} => ${elixir(v)}`).join(", ")}}`;
  throw new Error(`cannot write ${String(value)} as an Elixir term`);
}

function escapeChar(c: string): string {
  switch (c) {
    case "\\": return "\\\\";
    case '"': return '\\"';
    case "#": return "\\#";
    case "\n": return "\\n";
    case "\t": return "\\t";
    case "\r": return "\\r";
    default: return c.charCodeAt(0) < 0x20 ? `\\u{${c.charCodeAt(0).toString(16)}}` : c;
  }
}
