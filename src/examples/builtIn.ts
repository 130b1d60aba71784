/**
 * The built-in snippets that ship precompiled (see compiler/precompiled.ts): the seed, which is
 * what a first visit runs, and every lesson in both languages. By key: "seed", a demo's id (its
 * Elixir version) or `<id>/ts` (its TypeScript twin).
 */
import type { Snippet } from "../share/snippetTypes";
import { findLesson, lessons } from "./index";
import { seedSnippet } from "./seed";

export const precompiledIds = ["seed", ...lessons.map((l) => l.key)];

export function builtInSnippet(id: string): Snippet | undefined {
  return id === "seed" ? seedSnippet : findLesson(id)?.snippet;
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** The built-in snippet these files and script are, unchanged; null if they are anything else. */
export function builtInIdOf(snippet: Pick<Snippet, "files" | "script">): string | null {
  const script = JSON.stringify(snippet.script ?? []);
  for (const id of precompiledIds) {
    const b = builtInSnippet(id)!;
    if (sameFiles(b.files, snippet.files) && JSON.stringify(b.script ?? []) === script) return id;
  }
  return null;
}
