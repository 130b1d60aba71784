/**
 * The compile errors of the last action, under the editor. Clicking one jumps to its line. The
 * note says what differs from IEx: here a failed compile loads nothing and the old code runs on
 * (or, after a Run that failed, that nothing runs).
 */
import { appStore, useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";

let revealCount = 0;

export function jumpTo(file: string, line: number, column = 1): void {
  appStore.setState({ reveal: { file, line, column, n: ++revealCount } });
}

export function CompileErrors() {
  const diagnostics = useApp((s) => s.diagnostics);
  const running = useApp((s) => s.running);
  const scriptErrors = useModel().compileErrors;
  const all = diagnostics.length ? diagnostics : scriptErrors;
  if (all.length === 0) return null;
  return (
    <div className="compile-errors" data-testid="compile-error" role="alert">
      <div className="compile-errors-head">
        <strong>{all.length === 1 ? "Compile error" : `${all.length} compile errors`}</strong>
        <span className="muted">{running ? " — nothing was loaded; the running code is unchanged." : " — the snippet did not start: fix it and press Run."}</span>
      </div>
      {all.map((d, i) => (
        <button key={i} className="compile-error-line" onClick={() => jumpTo(d.file, d.line, d.column)}>
          <span className="mono">{d.file}:{d.line}:{d.column}</span> {d.message}
        </button>
      ))}
    </div>
  );
}
