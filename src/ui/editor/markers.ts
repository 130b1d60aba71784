/**
 * Compile errors as Monaco markers. Diagnostics come 1-based in line; the column is treated as
 * 1-based too and clamped to the line, so an off-by-one from the engine still lands on the line.
 */
import type { Diagnostic } from "../../session/types";
import { monaco } from "./monacoSetup";
import type { ModelSync } from "./modelSync";

const OWNER = "hotswap-compile";

export function showDiagnostics(sync: ModelSync, files: string[], diagnostics: Diagnostic[]): void {
  for (const file of files) {
    const model = sync.model(file);
    if (!model) continue;
    const lines = model.getLineCount();
    const markers = diagnostics
      .filter((d) => d.file === file || d.file === file.replace(/\.ts$/, ""))
      .map((d) => {
        const line = Math.min(Math.max(1, d.line || 1), lines);
        const max = model.getLineMaxColumn(line);
        const column = Math.min(Math.max(1, d.column || 1), max);
        // Underline the word at the error (or to the end of the line) so it is visible.
        const word = model.getWordAtPosition({ lineNumber: line, column });
        const endColumn = word && word.endColumn > column ? word.endColumn : max > column ? max : column + 1;
        return { severity: monaco.MarkerSeverity.Error, message: d.message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn };
      });
    monaco.editor.setModelMarkers(model, OWNER, markers);
  }
}
