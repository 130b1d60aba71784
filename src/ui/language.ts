/**
 * The snippet's language, as the page shows it: an Elixir snippet is one whose files are all
 * `.ex` (SPEC §10). The display language (format.ts) follows the editor's files, so terms,
 * names and reports read in the language of the code on screen.
 */
import { setDisplayLanguage, type DisplayLanguage } from "./format";
import { appStore, useApp } from "./store/appStore";

export function isElixirFiles(files: Record<string, string>): boolean {
  const names = Object.keys(files);
  return names.length > 0 && names.every((f) => f.endsWith(".ex") || f.endsWith(".exs"));
}

export const languageOf = (files: Record<string, string>): DisplayLanguage => (isElixirFiles(files) ? "elixir" : "typescript");

/** The language of the editor's snippet, for components. */
export function useSnippetLanguage(): DisplayLanguage {
  return useApp((s) => languageOf(s.files));
}

/** Keeps format.ts's display language in step with the editor's files (called once at start). */
export function followSnippetLanguage(): void {
  setDisplayLanguage(languageOf(appStore.getState().files));
  appStore.subscribe((s, prev) => {
    if (s.files !== prev.files) setDisplayLanguage(languageOf(s.files));
  });
}
