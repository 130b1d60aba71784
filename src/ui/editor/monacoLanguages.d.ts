/** Monaco's TypeScript grammar (Monarch), which ships without its own declaration file. */
declare module "monaco-editor/languages/definitions/typescript/typescript" {
  import type { languages } from "monaco-editor";
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
