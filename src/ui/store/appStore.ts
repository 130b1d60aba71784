/**
 * The page's own state (not the running system's): editor files, compiler status, the clock as
 * the worker last reported it, the selected process, theme, diagnostics, messages to the user.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import type { Diagnostic } from "../../session/types";
import type { Snippet } from "../../share/snippetTypes";

export type Theme = "dark" | "light";
export type CompilerStatus = { phase: "loading" | "ready" | "failed"; message?: string; ms?: number };
export type Notice = { kind: "info" | "error"; text: string; id: number };

export type AppState = {
  files: Record<string, string>;
  activeFile: string;
  main: string;
  title: string;
  /** The loaded snippet's script and checks travel with the files (share links keep them). */
  script: Snippet["script"];
  checks: Snippet["checks"];
  compiler: CompilerStatus;
  running: boolean;
  speed: number;
  paused: boolean;
  idle: boolean;
  now: number;
  selectedPid: string | null;
  theme: Theme;
  diagnostics: Diagnostic[];
  notices: Notice[];
  embed: boolean;
  /** A share link replaced the draft: the draft is kept under this storage key. */
  recoverableDraft: boolean;
  shareUrl: string | null;
  /** Bumped when files change from outside the editor (share link, script edit, reset). */
  filesEpoch: number;
  /** Jump request for the editor: file and 1-based line. */
  reveal: { file: string; line: number; column: number; n: number } | null;
};

export const appStore = createStore<AppState>(() => ({
  files: {}, activeFile: "", main: "Main", title: "Untitled", script: undefined, checks: undefined,
  compiler: { phase: "loading" }, running: false, speed: 1, paused: false, idle: true, now: 0,
  selectedPid: null, theme: "dark", diagnostics: [], notices: [], embed: false,
  recoverableDraft: false, shareUrl: null, filesEpoch: 0, reveal: null,
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

let noticeId = 0;
export function notify(kind: Notice["kind"], text: string, ms = 6000): void {
  const id = ++noticeId;
  appStore.setState((s) => ({ notices: [...s.notices, { kind, text, id }] }));
  if (ms > 0) setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  appStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function currentSnippet(): Snippet {
  const s = appStore.getState();
  const snippet: Snippet = { title: s.title, files: { ...s.files }, main: s.main };
  if (s.script?.length) snippet.script = s.script;
  if (s.checks?.length) snippet.checks = s.checks;
  return snippet;
}

/** Replace the editor's files from outside the editor (share link, script edit, example). */
export function loadFiles(files: Record<string, string>, extra: Partial<AppState> = {}): void {
  appStore.setState((s) => {
    const names = Object.keys(files);
    const activeFile = names.includes(s.activeFile) ? s.activeFile : names[0] ?? "";
    return { files: { ...files }, activeFile, filesEpoch: s.filesEpoch + 1, ...extra };
  });
}
