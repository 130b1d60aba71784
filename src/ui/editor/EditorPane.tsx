/**
 * The code editor: Monaco with one model per module file, tabs above, compile errors below.
 * Ctrl/Cmd+S recompiles. Exposes a small test hook on `window.__playground` so end-to-end
 * tests can set a file exactly (typing into Monaco auto-indents and auto-closes).
 */
import { useEffect, useRef } from "react";
import { monaco } from "./monacoSetup";
import { ModelSync } from "./modelSync";
import { showDiagnostics } from "./markers";
import { FileTabs } from "./FileTabs";
import { CompileErrors } from "./CompileErrors";
import { appStore, useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { recompile } from "../app/controller";

declare global {
  interface Window {
    __playground?: {
      setFile(file: string, text: string): void;
      getFile(file: string): string | undefined;
      /** The compile-error markers Monaco shows on a file (1-based lines). */
      markers(file: string): { line: number; message: string }[];
      /** What IntelliSense offers at `offset` in `file` (names only). */
      completions(file: string, offset: number): Promise<string[]>;
      editor: monaco.editor.IStandaloneCodeEditor;
      ready: boolean;
    };
  }
}

export function EditorPane({ readOnly = false }: { readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const syncRef = useRef<ModelSync | null>(null);
  const epoch = useApp((s) => s.filesEpoch);
  const active = useApp((s) => s.activeFile);
  const theme = useApp((s) => s.theme);
  const diagnostics = useApp((s) => s.diagnostics);
  const reveal = useApp((s) => s.reveal);
  const scriptErrors = useModel().compileErrors;

  useEffect(() => {
    const sync = new ModelSync((file, text) => appStore.setState((s) => ({ files: { ...s.files, [file]: text } })));
    sync.sync(appStore.getState().files);
    const editor = monaco.editor.create(host.current!, {
      model: sync.model(appStore.getState().activeFile) ?? null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      fontFamily: "'JetBrains Mono', 'SF Mono', Menlo, Consolas, monospace",
      scrollBeyondLastLine: false,
      tabSize: 2,
      readOnly,
      renderLineHighlight: "line",
      padding: { top: 10 },
      theme: appStore.getState().theme === "dark" ? "hotswap-dark" : "hotswap-light",
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void recompile());
    editorRef.current = editor;
    syncRef.current = sync;
    window.__playground = {
      setFile: (file, text) => appStore.setState((s) => ({ files: { ...s.files, [file]: text }, filesEpoch: s.filesEpoch + 1 })),
      getFile: (file) => appStore.getState().files[file],
      markers: (file) => {
        const model = sync.model(file);
        if (!model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri, owner: "hotswap-compile" }).map((m) => ({ line: m.startLineNumber, message: m.message }));
      },
      completions: async (file, offset) => {
        const model = sync.model(file);
        if (!model) return [];
        const getWorker = await monaco.typescript.getTypeScriptWorker();
        const worker = await getWorker(model.uri);
        const info = (await worker.getCompletionsAtPosition(model.uri.toString(), offset)) as { entries: { name: string }[] } | undefined;
        return info?.entries.map((e) => e.name) ?? [];
      },
      editor,
      ready: true,
    };
    document.body.dataset.editorReady = "true";
    return () => {
      editor.dispose();
      sync.sync({});
      delete document.body.dataset.editorReady;
    };
  }, [readOnly]);

  // Files replaced from outside the editor (share link, script edit, tab add/rename/delete).
  useEffect(() => {
    syncRef.current?.sync(appStore.getState().files);
    const model = syncRef.current?.model(appStore.getState().activeFile);
    if (model && editorRef.current?.getModel() !== model) editorRef.current?.setModel(model);
  }, [epoch]);

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
    const file = reveal.file.endsWith(".ts") ? reveal.file : `${reveal.file}.ts`;
    if (appStore.getState().activeFile !== file) appStore.setState({ activeFile: file });
    const model = syncRef.current?.model(file);
    if (model) editor.setModel(model);
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: Math.max(1, reveal.column) });
    editor.focus();
  }, [reveal]);

  return (
    <section className="editor-pane" aria-label="Code editor">
      <FileTabs readOnly={readOnly} />
      <div className="editor-host" ref={host} />
      <CompileErrors />
    </section>
  );
}
