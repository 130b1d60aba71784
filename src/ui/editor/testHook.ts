/**
 * A small test hook on `window.__playground`, so end-to-end tests can set a file exactly (typing
 * into Monaco auto-indents and auto-closes) and read what the editor shows. The plain code view
 * installs the basic hook; Monaco adds its markers, completions and the editor itself. The hook
 * that marks `body[data-editor-ready]` says the code view is final: Monaco in the full app, the
 * plain view in an embed.
 */
import type { editor } from "monaco-editor";
import { appStore, markUserEdit } from "../store/appStore";
import { startTap, tapped } from "../app/eventTap";
import type { TraceEvent } from "../../runtime/events";

type Extra = {
  /** The compile-error markers Monaco shows on a file (1-based lines). */
  markers(file: string): { line: number; message: string }[];
  /** What IntelliSense offers at `offset` in `file` (names only; empty until its service is up). */
  completions(file: string, offset: number): Promise<string[]>;
  editor?: editor.IStandaloneCodeEditor;
};

declare global {
  interface Window {
    __playground?: Extra & {
      setFile(file: string, text: string): void;
      getFile(file: string): string | undefined;
      /** Keep a copy of every trace event from now on (`recordedEvents` returns them). */
      recordEvents(): void;
      recordedEvents(): TraceEvent[];
      ready: boolean;
    };
  }
}

export function installTestHook(extra: Partial<Extra> = {}, final = true): () => void {
  window.__playground = {
    setFile: (file, text) => {
      appStore.setState((s) => ({ files: { ...s.files, [file]: text }, filesEpoch: s.filesEpoch + 1 }));
      markUserEdit();
    },
    getFile: (file) => appStore.getState().files[file],
    recordEvents: startTap,
    recordedEvents: tapped,
    markers: () => [],
    completions: async () => [],
    ...extra,
    ready: true,
  };
  if (!final) return () => {};
  document.body.dataset.editorReady = "true";
  return () => {
    delete document.body.dataset.editorReady;
  };
}
