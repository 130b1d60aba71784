/**
 * The code pane: tabs (or, in an embed, the file's name) above, compile errors below, and the
 * code between. The first screen shows the code at once as plain highlighted text (CodeView);
 * Monaco, a 4 MB chunk, loads meanwhile and takes over when it is ready (the note in the corner
 * says so). An embed keeps the plain view: a replay needs no editor.
 */
import { lazy, Suspense, useEffect } from "react";
import { FileTabs } from "./FileTabs";
import { CompileErrors } from "./CompileErrors";
import { CodeView } from "./CodeView";
import { installTestHook } from "./testHook";
import { useApp } from "../store/appStore";

const loadMonaco = () => import("./MonacoEditor");
const MonacoEditor = lazy(loadMonaco);

export function EditorPane({ readOnly = false, embed = false }: { readOnly?: boolean; embed?: boolean }) {
  // The basic hook while Monaco loads (it installs the full one).
  useEffect(() => {
    if (!embed && !window.__playground?.editor) installTestHook({}, false);
  }, [embed]);
  return (
    <section className={`editor-pane ${embed ? "embed-code" : ""}`} aria-label={readOnly ? "Code (read-only)" : "Code editor"}>
      {embed ? <CodeHeader /> : <FileTabs readOnly={readOnly} />}
      {embed ? (
        <EmbedCode />
      ) : (
        <Suspense fallback={<div className="editor-host"><CodeView embed={false} note="Loading the editor…" /></div>}>
          <MonacoEditor readOnly={readOnly} embed={false} />
        </Suspense>
      )}
      {!readOnly && !embed && <p className="tab-hint muted" id="editor-tab-hint">In the editor, Tab indents: <kbd>Ctrl</kbd>+<kbd>M</kbd> makes Tab move the focus out (press again to undo).</p>}
      <CompileErrors />
    </section>
  );
}

function EmbedCode() {
  useEffect(() => installTestHook(), []);
  return (
    <div className="editor-host">
      <CodeView embed />
    </div>
  );
}

/** The embed's code view has no tabs: the file shown, and "read-only". */
function CodeHeader() {
  const active = useApp((s) => s.activeFile);
  const count = useApp((s) => Object.keys(s.files).length);
  return (
    <div className="code-head">
      <span className="mono">{active}</span>
      {count > 1 && <span className="muted">· 1 of {count} files</span>}
      <span className="spacer" />
      <span className="muted">read-only</span>
    </div>
  );
}
