/**
 * Which Monaco language an editor file uses, and when the heavy part of it loads. A file is
 * first shown with its language's colouring only; its language service starts when someone
 * types in a file of that language, so reading code costs nothing but the editor itself.
 *
 * - `.ts`: coloured by Monaco's TypeScript grammar under the id `hotswap-ts`, which has no
 *   language service. The first keystroke in a .ts file moves every .ts model to `typescript`,
 *   which starts TypeScript's worker (8 MB: IntelliSense, its diagnostics).
 * - `.ex`: coloured by Monaco's built-in Elixir grammar (Monarch). The first keystroke in a .ex
 *   file loads its completions (elixirCompletions.ts) — never for a visitor who only reads. The
 *   Elixir parser itself (tree-sitter, a wasm file) lives in the worker and loads only when an
 *   .ex file is compiled.
 */
import { monaco } from "./monacoSetup";

type FileLanguage = {
  matches: (file: string) => boolean;
  /** Colouring only, available at once. */
  view: string;
  /** The full language, with its service. */
  edit: string;
  /** Loads what the full language needs (a parser, a worker) before models switch to it. */
  activate?: () => Promise<void>;
};

const LANGUAGES: FileLanguage[] = [
  { matches: (f) => f.endsWith(".ts"), view: "hotswap-ts", edit: "typescript" },
  // Monaco's own Elixir grammar colours at once; editing loads the completions (with the
  // runtime's stdlib tables) and asks the worker for the Elixir parser, for the first Recompile.
  {
    matches: (f) => f.endsWith(".ex") || f.endsWith(".exs"),
    view: "elixir",
    edit: "elixir",
    activate: () => import("./elixirCompletions").then((m) => m.registerElixirCompletions()),
  },
];

const activated = new Map<FileLanguage, Promise<void>>();

monaco.languages.register({ id: "hotswap-ts", extensions: [] });
monaco.languages.onLanguage("hotswap-ts", () => {
  void import("monaco-editor/languages/definitions/typescript/typescript").then(({ conf, language }) => {
    monaco.languages.setLanguageConfiguration("hotswap-ts", conf);
    monaco.languages.setMonarchTokensProvider("hotswap-ts", language);
  });
});

const languageOf = (file: string) => LANGUAGES.find((l) => l.matches(file));

/** The language id a new model for `file` gets now. */
export function languageFor(file: string): string {
  const lang = languageOf(file);
  if (!lang) return "plaintext";
  return activated.has(lang) ? lang.edit : lang.view;
}

/** Someone edits `file`: its language's service starts, and every model of that language moves to it. */
export function activateLanguageFor(models: { all(): monaco.editor.ITextModel[] }, file: string): Promise<void> {
  const lang = languageOf(file);
  if (!lang) return Promise.resolve();
  let done = activated.get(lang);
  if (!done) {
    done = (lang.activate?.() ?? Promise.resolve()).then(() => {
      for (const model of models.all()) if (model.getLanguageId() === lang.view) monaco.editor.setModelLanguage(model, lang.edit);
    });
    activated.set(lang, done);
  }
  return done;
}
