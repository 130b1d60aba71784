/**
 * The code as plain, highlighted, read-only text: what the first screen shows while Monaco loads
 * (the full app), and the whole code view of an embed (a replay needs no editor, and skipping
 * Monaco keeps an embed small). It follows the same store as the editor: the active file, a
 * script's edit (its lines marked for a while and scrolled into view), compile errors (a red
 * gutter mark, the message as a tooltip), and jumps to a line.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { highlightLines } from "./highlight";

/** How long a script's edit stays highlighted (wall ms), as in the editor. */
export const EDIT_HIGHLIGHT_MS = 9000;

export function CodeView({ embed, note }: { embed: boolean; note?: string }) {
  const active = useApp((s) => s.activeFile);
  const source = useApp((s) => s.files[s.activeFile] ?? "");
  const scriptEdit = useApp((s) => s.scriptEdit);
  const diagnostics = useApp((s) => s.diagnostics);
  const reveal = useApp((s) => s.reveal);
  const scriptErrors = useModel().compileErrors;
  const lines = useMemo(() => highlightLines(source), [source]);
  const [marked, setMarked] = useState<Set<number>>(new Set());
  const host = useRef<HTMLDivElement>(null);

  const errors = useMemo(() => {
    const byLine = new Map<number, string>();
    for (const d of [...diagnostics, ...scriptErrors]) {
      if (d.file === active || d.file === active.replace(/\.ts$/, "")) byLine.set(d.line, d.message);
    }
    return byLine;
  }, [diagnostics, scriptErrors, active]);

  const scrollTo = (line: number) => host.current?.querySelector(`[data-line="${line}"]`)?.scrollIntoView({ block: "center" });

  useEffect(() => {
    if (!scriptEdit || scriptEdit.file !== active) return;
    setMarked(new Set(scriptEdit.lines));
    scrollTo(scriptEdit.lines[0]);
    const timer = setTimeout(() => setMarked(new Set()), EDIT_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [scriptEdit, active]);

  useEffect(() => {
    if (reveal) scrollTo(reveal.line);
  }, [reveal]);

  return (
    <div className={`code-view mono ${embed ? "compact" : ""}`} ref={host} data-testid="code-view" aria-readonly="true" tabIndex={0}>
      {note && <div className="code-view-note muted" data-testid="editor-loading"><span className="spinner" /> {note}</div>}
      {lines.map((tokens, i) => {
        const n = i + 1;
        const error = errors.get(n);
        return (
          <div key={n} data-line={n} className={`code-line${marked.has(n) ? " script-edit-line" : ""}${error ? " has-error" : ""}`} title={error}>
            <span className="code-gutter" aria-hidden>{n}</span>
            <span className="code-text">
              {tokens.map((t, j) => (t.kind === "plain" ? t.text : <span key={j} className={`tok-${t.kind}`}>{t.text}</span>))}
              {tokens.length === 0 && "\u200b"}
            </span>
          </div>
        );
      })}
    </div>
  );
}
