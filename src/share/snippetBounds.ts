/**
 * How big a snippet may be. A share link or a CLI file is someone else's input: ten thousand
 * files or a 10 MB module would freeze the editor and keep the compiler busy for minutes, so a
 * snippet past any bound is refused as a whole, with a message that names the bound.
 * Sizes count characters (UTF-16 units, what the editor holds), not bytes on the wire.
 */
import type { Snippet } from "./snippetTypes";

export const SNIPPET_BOUNDS = {
  /** Files in the snippet (the editor makes one tab per file). */
  files: 50,
  /** Characters in one file. */
  fileChars: 200_000,
  /** Characters in all files, script edits, patches and evals together. */
  totalChars: 1_000_000,
  /** Script steps, and lesson checks. */
  steps: 1_000,
  checks: 200,
} as const;

const kb = (chars: number) => `${Math.round(chars / 1000).toLocaleString("en-US")} KB`;

/** Null when the snippet is within every bound, else the message that names the first one it breaks. */
export function boundsError(snippet: Snippet): string | null {
  const b = SNIPPET_BOUNDS;
  const files = Object.keys(snippet.files);
  if (files.length > b.files) return `the snippet has ${files.length.toLocaleString("en-US")} files; a snippet may have at most ${b.files}`;
  let total = 0;
  const count = (where: string, text: string): string | null => {
    total += text.length;
    if (text.length > b.fileChars) return `${where} is ${kb(text.length)}; one file may be at most ${kb(b.fileChars)}`;
    return null;
  };
  for (const name of files) {
    const error = count(name, snippet.files[name]);
    if (error) return error;
  }
  if ((snippet.script?.length ?? 0) > b.steps) return `the script has ${snippet.script!.length.toLocaleString("en-US")} steps; a script may have at most ${b.steps.toLocaleString("en-US")}`;
  if ((snippet.checks?.length ?? 0) > b.checks) return `the snippet has ${snippet.checks!.length.toLocaleString("en-US")} checks; it may have at most ${b.checks}`;
  for (const [i, step] of (snippet.script ?? []).entries()) {
    for (const [name, text] of Object.entries(step.edit ?? {})) {
      const error = count(`script[${i}].edit ${name}`, text);
      if (error) return error;
    }
    for (const p of step.patch ?? []) total += p.find.length + p.replace.length;
    total += step.eval?.length ?? 0;
  }
  for (const check of snippet.checks ?? []) total += check.eval.length;
  if (total > b.totalChars) return `the snippet is ${kb(total)} in all; a snippet may be at most ${kb(b.totalChars)}`;
  return null;
}
