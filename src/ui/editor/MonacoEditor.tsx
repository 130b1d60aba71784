/**
 * The code editor proper: Monaco with one model per module file, loaded as its own chunk after
 * the first screen (EditorPane shows the plain CodeView until then). Ctrl/Cmd+S recompiles.
 * Sets the full test hook on `window.__playground` (Monaco's markers, completions, the editor).
 * The TypeScript language service starts on the first edit (editorLanguages.ts).
 */
import { useEffect, useRef } from "react";
import { monaco } from "./monacoSetup";
import { ModelSync } from "./modelSync";
import { showDiagnostics } from "./markers";
import { activateLanguageFor } from "./editorLanguages";
import { EDIT_HIGHLIGHT_MS } from "./CodeView";
import { installTestHook } from "./testHook";
import { appStore, markUserEdit, useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { recompile } from "../app/controller";

export default function MonacoEditor({ readOnly = false, embed = false }: { readOnly?: boolean; embed?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const syncRef = useRef<ModelSync | null>(null);
  const epoch = useApp((s) => s.filesEpoch);
  const active = useApp((s) => s.activeFile);
  const theme = useApp((s) => s.theme);
  const diagnostics = useApp((s) => s.diagnostics);
  const reveal = useApp((s) => s.reveal);
  const scriptEdit = useApp((s) => s.scriptEdit);
  const scriptErrors = useModel().compileErrors;

  useEffect(() => {
    const sync = new ModelSync((file, text) => {
      appStore.setState((s) => ({ files: { ...s.files, [file]: text } }));
      markUserEdit();
    });
    sync.sync(appStore.getState().files);
    const editor = monaco.editor.create(host.current!, {
      model: sync.model(appStore.getState().activeFile) ?? null,
      automaticLayout: true,
      // Tab indents here; screen readers hear how to leave (the hint under the editor shows it too).
      ariaLabel: readOnly ? "Code, read-only" : "Code editor. Tab inserts a tab; press Ctrl+M to make Tab move the focus instead.",
      minimap: { enabled: false },
      fontSize: embed ? 12 : 13,
      lineHeight: embed ? 18 : 20,
      fontFamily: "'JetBrains Mono', 'SF Mono', Menlo, Consolas, monospace",
      scrollBeyondLastLine: false,
      tabSize: 2,
      readOnly,
      domReadOnly: readOnly,
      readOnlyMessage: { value: embed ? "This is a replay: open it in the playground to edit the code." : "This code is read-only here." },
      renderLineHighlight: readOnly ? "none" : "line",
      padding: { top: embed ? 6 : 10 },
      // The editor is narrow beside the timeline: wrap long lines rather than hide their end.
      wordWrap: "on",
      wrappingIndent: "indent",
      ...(embed ? { lineNumbersMinChars: 3, folding: false, glyphMargin: false, lineDecorationsWidth: 6, overviewRulerLanes: 0, scrollbar: { verticalScrollbarSize: 8, horizontalScrollbarSize: 8 } } : {}),
      theme: appStore.getState().theme === "dark" ? "hotswap-dark" : "hotswap-light",
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void recompile());
    // The language service (TypeScript's worker: 8 MB) starts when someone starts typing.
    const typing = editor.onKeyDown(() => {
      if (!readOnly) void activateLanguageFor(sync, appStore.getState().activeFile);
    });
    editorRef.current = editor;
    syncRef.current = sync;
    const uninstall = installTestHook({
      markers: (file) => {
        const model = sync.model(file);
        if (!model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri, owner: "hotswap-compile" }).map((m) => ({ line: m.startLineNumber, message: m.message }));
      },
      completions: async (file, offset) => {
        await activateLanguageFor(sync, file);
        const model = sync.model(file);
        if (!model) return [];
        if (!file.endsWith(".ts")) {
          const { elixirSuggestions } = await import("./elixirCompletions");
          const text = model.getValue().slice(0, offset);
          return elixirSuggestions(text.slice(text.lastIndexOf("\n") + 1), text).map((s) => s.label);
        }
        const getWorker = await monaco.typescript.getTypeScriptWorker().catch(() => null);
        if (!getWorker) return []; // its service is still starting: ask again
        const worker = await getWorker(model.uri);
        const info = (await worker.getCompletionsAtPosition(model.uri.toString(), offset)) as { entries: { name: string }[] } | undefined;
        return info?.entries.map((e) => e.name) ?? [];
      },
      editor,
    });
    return () => {
      uninstall();
      typing.dispose();
      editor.dispose();
      sync.sync({});
    };
  }, [readOnly, embed]);

  // Files replaced from outside the editor (share link, script edit, tab add/rename/delete).
  useEffect(() => {
    syncRef.current?.sync(appStore.getState().files);
    const model = syncRef.current?.model(appStore.getState().activeFile);
    if (model && editorRef.current?.getModel() !== model) editorRef.current?.setModel(model);
  }, [epoch]);

  // A script step edited a file: show that file, bring the changed lines into view and mark them
  // for a while, so the edit the caption talks about is on screen.
  useEffect(() => {
    const editor = editorRef.current;
    if (!scriptEdit || !editor) return;
    const model = syncRef.current?.model(scriptEdit.file);
    if (!model) return;
    if (editor.getModel() !== model) editor.setModel(model);
    const first = scriptEdit.lines[0];
    const last = scriptEdit.lines[scriptEdit.lines.length - 1];
    editor.revealLinesInCenterIfOutsideViewport(first, Math.min(last, first + 12));
    const decorations = editor.createDecorationsCollection(
      scriptEdit.lines.map((line) => ({ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: "script-edit-line", linesDecorationsClassName: "script-edit-gutter" } })),
    );
    const timer = setTimeout(() => decorations.clear(), EDIT_HIGHLIGHT_MS);
    return () => {
      clearTimeout(timer);
      decorations.clear();
    };
  }, [scriptEdit]);

  useEffect(() => {
    const model = syncRef.current?.model(active);
    if (model && editorRef.current && editorRef.current.getModel() !== model) editorRef.current.setModel(model);
  }, [active]);

  useEffect(() => monaco.editor.setTheme(theme === "dark" ? "hotswap-dark" : "hotswap-light"), [theme]);

  useEffect(() => {
    if (!syncRef.current) return;
    const all = [...diagnostics, ...scriptErrors.map((e) => ({ file: e.file, line: e.line, column: e.column, message: e.message }))];
    showDiagnostics(syncRef.current, Object.keys(appStore.getState().files), all);
  }, [diagnostics, scriptErrors, epoch]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!reveal || !editor) return;
    // A TypeScript frame may name the module (`Counter`), an Elixir one names its file.
    const file = /\.(ts|exs?)$/.test(reveal.file) ? reveal.file : `${reveal.file}.ts`;
    if (appStore.getState().activeFile !== file) appStore.setState({ activeFile: file });
    const model = syncRef.current?.model(file);
    if (model) editor.setModel(model);
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: Math.max(1, reveal.column) });
    editor.focus();
  }, [reveal]);

  return <div className="editor-host" ref={host} />;
}
