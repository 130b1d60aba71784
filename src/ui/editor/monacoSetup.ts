/**
 * Monaco, bundled locally (no CDN can be reached): its workers come from Vite `?worker` imports,
 * the TypeScript service knows the `otp` API (otp.d.ts) and resolves `import ... from "App.Worker"`
 * to the editor's other files, which live as models at `file:///App.Worker.ts`.
 */
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/language/typescript/ts.worker?worker";
import otpTypes from "./otp.d.ts?raw";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  // A bare specifier "App.Worker" is the editor file App.Worker.ts, as the runtime resolves it.
  baseUrl: "file:///",
  paths: { "*": ["*"] },
  allowNonTsExtensions: true,
  strict: true,
  noImplicitAny: false,
  lib: ["es2022"],
});
ts.typescriptDefaults.setEagerModelSync(true);
ts.typescriptDefaults.addExtraLib(otpTypes, "file:///node_modules/@types/otp/index.d.ts");
// The worker's console is captured as process logs: let the editor know it exists without the DOM.
ts.typescriptDefaults.addExtraLib("declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };", "file:///node_modules/@types/console/index.d.ts");

monaco.editor.defineTheme("hotswap-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#14161b", "editorGutter.background": "#14161b", "editor.lineHighlightBackground": "#1c1f26" },
});
monaco.editor.defineTheme("hotswap-light", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#fbfbfc", "editorGutter.background": "#fbfbfc", "editor.lineHighlightBackground": "#f0f1f4" },
});

export { monaco };

export function fileUri(file: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${file}`);
}
