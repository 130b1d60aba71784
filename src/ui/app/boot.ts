/**
 * What the page loads at start: a share link (`#v1/...`) if there is one, else the saved draft,
 * else the seed; URL options (autoplay, speed, embed); the theme. A link replaces the editor's
 * files only after it decoded and validated, and the previous draft is kept recoverable first;
 * a link that fails says why and changes nothing.
 */
import { decodeSharePayload, parseShareHash } from "../../share/shareUrl";
import type { Snippet } from "../../share/snippetTypes";
import { seedSnippet } from "../../examples/seed";
import { appStore, loadFiles, notify, type Theme } from "../store/appStore";
import { keepRecoverable, loadDraft, loadRecoverable, forgetRecoverable, saveDraft, saveDraftNow } from "./draft";
import { readUrlOptions } from "./urlOptions";
import { run, setSpeed } from "./controller";

const THEME_KEY = "hotswap.theme";

function applySnippet(snippet: Snippet, activeFile?: string): void {
  const files = snippet.files;
  loadFiles(files, {
    title: snippet.title ?? "Untitled",
    main: snippet.main,
    script: snippet.script,
    checks: snippet.checks,
    activeFile: activeFile && activeFile in files ? activeFile : Object.keys(files)[0],
    diagnostics: [],
  });
}

function draftOf(): { snippet: Snippet; activeFile: string } {
  const s = appStore.getState();
  return { snippet: { title: s.title, files: s.files, main: s.main, script: s.script, checks: s.checks }, activeFile: s.activeFile };
}

/** Opens the link in `hash`; true if it replaced the files. */
export async function openHash(hash: string): Promise<boolean> {
  const link = parseShareHash(hash);
  if (link.kind === "none") return false;
  let snippet: Snippet | null = null;
  if (link.kind === "v1") {
    const decoded = await decodeSharePayload(link.payload);
    if (decoded.ok) snippet = decoded.snippet;
    else notify("error", `This share link could not be opened: ${decoded.error}. Your draft is unchanged.`, 0);
  } else if (link.kind === "example") {
    if (link.id === "seed" || link.id === "counter") snippet = seedSnippet;
    else notify("error", `There is no example called "${link.id}". Your draft is unchanged.`, 0);
  } else {
    notify("error", `This link could not be opened: ${link.error}. Your draft is unchanged.`, 0);
  }
  // Drop the hash so a reload shows the draft (with the user's edits), not the link again.
  history.replaceState(null, "", location.pathname + location.search);
  if (!snippet) return false;
  saveDraftNow(draftOf());
  const kept = keepRecoverable();
  applySnippet(snippet);
  saveDraftNow(draftOf());
  appStore.setState({ recoverableDraft: kept });
  notify("info", `Opened “${snippet.title ?? "shared snippet"}”${kept ? " — your previous draft can be restored from the toolbar" : ""}.`);
  return true;
}

export function restoreDraft(): void {
  const previous = loadRecoverable();
  if (!previous) return;
  applySnippet(previous.snippet, previous.activeFile);
  forgetRecoverable();
  appStore.setState({ recoverableDraft: false });
  notify("info", "Your previous draft is back.");
}

export function setTheme(theme: Theme): void {
  appStore.setState({ theme });
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* ignore */
  }
}

export async function boot(): Promise<void> {
  let theme: Theme = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === "light" || saved === "dark") theme = saved;
  } catch {
    /* ignore */
  }
  setTheme(theme);

  const options = readUrlOptions(location.search);
  appStore.setState({ embed: options.embed });
  if (options.speed !== 1) setSpeed(options.speed);

  const draft = loadDraft();
  applySnippet(draft?.snippet ?? seedSnippet, draft?.activeFile);
  const hadRecovery = !!loadRecoverable();
  appStore.setState({ recoverableDraft: hadRecovery });
  const hadLink = parseShareHash(location.hash).kind !== "none";
  const fromLink = await openHash(location.hash);

  appStore.subscribe((s, prev) => {
    if (s.files !== prev.files || s.activeFile !== prev.activeFile || s.script !== prev.script) saveDraft(draftOf());
  });
  addEventListener("hashchange", () => void openHash(location.hash));

  if (options.autoplay && (fromLink || !hadLink)) {
    // Once: run() itself updates the store, which would call this listener again.
    let started = false;
    const start = () => {
      if (started || appStore.getState().compiler.phase !== "ready") return started;
      started = true;
      void run();
      return true;
    };
    if (!start()) {
      const unsubscribe = appStore.subscribe(() => {
        if (start()) unsubscribe();
      });
    }
  }
}
