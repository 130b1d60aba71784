/** Compile errors as values the editor can show at their line: `{file, line, column, message}`. */
export type Diagnostic = { file: string; line: number; column: number; message: string };

type EsbuildMessage = { text: string; location?: { file?: string; line: number; column: number } | null };

/** esbuild reports 1-based lines and 0-based columns; diagnostics use 1-based for both. */
export function fromEsbuild(file: string, err: unknown): Diagnostic[] {
  const errors = (err as { errors?: EsbuildMessage[] })?.errors;
  if (!Array.isArray(errors) || !errors.length) {
    return [{ file, line: 1, column: 1, message: err instanceof Error ? err.message : String(err) }];
  }
  return errors.map((e) => ({
    file,
    line: e.location?.line ?? 1,
    column: (e.location?.column ?? 0) + 1,
    message: e.text,
  }));
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
