/**
 * The page's own state (not the running system's): editor files, compiler status, the clock as
 * the worker last reported it, the selected process, theme, diagnostics, messages to the user.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import type { Diagnostic } from "../../session/types";
import type { Snippet } from "../../share/snippetTypes";

export type Theme = "dark" | "light";
/** `idle`: not asked for yet (an embed replaying a precompiled lesson never needs it). */
export type CompilerStatus = { phase: "idle" | "loading" | "ready" | "failed"; message?: string; ms?: number };
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
  /** Virtual time stands at a reading pause (see app/pacer.ts). */
  holding: boolean;
  /** The reading pause asked for: wall-clock start and length, to show its progress. */
  hold: { since: number; ms: number } | null;
  /** A lesson's story ends here (virtual ms): time stops so its last frame stays in view. */
  lessonEnd: number | null;
  now: number;
  selectedPid: string | null;
  theme: Theme;
  diagnostics: Diagnostic[];
  notices: Notice[];
  embed: boolean;
  /** The code cannot be edited (`?readonly=1`, and always in embed mode). */
  readOnly: boolean;
  /** The built-in demo in the editor (its explanation and checks are shown), if any. */
  demoId: string | null;
  /** The snippet as a link or example loaded it, before any script edit: what a replay plays. */
  origin: Snippet | null;
  /** Nothing in the editor was changed by the user since `origin` was loaded. */
  pristine: boolean;
  /** The panel under the timeline is folded down to its tab bar. */
  panelCollapsed: boolean;
  aboutOpen: boolean;
  /** The last lines a script edit changed, for the editor to show: file and 1-based lines. */
  scriptEdit: { file: string; lines: number[]; n: number } | null;
  /** A share link replaced the draft: the draft is kept under this storage key. */
  recoverableDraft: boolean;
  shareUrl: string | null;
  /** Bumped when files change from outside the editor (share link, script edit, reset). */
  filesEpoch: number;
  /** The timeline draws messages between lanes (the worker then traces every send). */
  showMessages: boolean;
  /** On a narrow screen (a phone) one half of the workspace shows at a time: this one. */
  narrowTab: "timeline" | "code";
  /** Time travel: the past moment shown (virtual ms), or null for the present (see store/travel.ts). */
  travelT: number | null;
  /** Jump request for the editor: file and 1-based line. */
  reveal: { file: string; line: number; column: number; n: number } | null;
};

export const appStore = createStore<AppState>(() => ({
  files: {}, activeFile: "", main: "Main", title: "Untitled", script: undefined, checks: undefined,
  compiler: { phase: "idle" }, running: false, speed: 1, paused: false, idle: true, holding: false, hold: null, lessonEnd: null, now: 0,
  selectedPid: null, theme: "dark", diagnostics: [], notices: [], embed: false, readOnly: false,
  demoId: null, origin: null, pristine: false, panelCollapsed: false, aboutOpen: false, scriptEdit: null,
  recoverableDraft: false, shareUrl: null, filesEpoch: 0, reveal: null, showMessages: false, travelT: null, narrowTab: "timeline",
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

/**
 * The user changed the editor's files (typing, a tab added, renamed or deleted). The editor no
 * longer holds what the link or example loaded, so an `#example/<id>` URL would now lie about
 * it: the hash goes, and a reload shows the draft.
 */
export function markUserEdit(): void {
  if (appStore.getState().pristine) appStore.setState({ pristine: false });
  if (location.hash.startsWith("#example/")) history.replaceState(null, "", location.pathname + location.search);
}
