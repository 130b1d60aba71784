/**
 * What the page loads at start: a link (`#v1/...` or `#example/<id>`) if there is one, else the
 * saved draft, else the seed; URL options (autoplay, speed, embed, readonly, theme); the theme.
 * A link replaces the editor's files only after it decoded and validated, and the previous draft
 * is kept recoverable first; a link that fails says why and changes nothing.
 *
 * The hash: a `#v1/` link is dropped once opened, so a reload shows the draft with the user's
 * edits. An `#example/<id>` link stays while the editor holds that example unchanged (the URL is
 * then a short link to what is on screen); the first edit by the user drops it (markUserEdit).
 * Embed mode never reads or writes the user's draft (a blog's iframe shares the playground's
 * storage) and keeps its link, so reloading an embed replays the same thing.
 */
import { decodeSharePayload, parseShareHash } from "../../share/shareUrl";
import type { Snippet } from "../../share/snippetTypes";
import { seedSnippet, typescriptSeedSnippet } from "../../examples/seed";
import { findLesson, lessonKeyFor } from "../../examples";
import { appStore, loadFiles, notify, type Theme } from "../store/appStore";
import { keepRecoverable, loadDraft, loadRecoverable, forgetRecoverable, saveDraft, saveDraftNow, type Draft } from "./draft";
import { readUrlOptions } from "./urlOptions";
import { clearSession, loadCompiler, run, savedShowMessages, setShowMessages, setSpeed } from "./controller";
import { canRun } from "./precompiled";
import { registerServiceWorker } from "./offline";
import { startPacer } from "./pacer";

const THEME_KEY = "hotswap.theme";

type Origin = { demoId: string | null; origin: Snippet | null; pristine: boolean };

function applySnippet(snippet: Snippet, origin: Origin, activeFile?: string): void {
  const files = snippet.files;
  loadFiles(files, {
    title: snippet.title ?? "Untitled",
    main: snippet.main,
    script: snippet.script,
    checks: snippet.checks,
    activeFile: activeFile && activeFile in files ? activeFile : Object.keys(files)[0],
    diagnostics: [],
    scriptEdit: null,
    ...origin,
  });
}

function draftOf(): Draft {
  const s = appStore.getState();
  return {
    snippet: { title: s.title, files: s.files, main: s.main, script: s.script, checks: s.checks },
    activeFile: s.activeFile,
    demo: s.demoId ?? undefined,
    pristine: s.pristine,
  };
}

/** Writes the draft now (before a reload into a new version; the usual save waits 300 ms). */
export function flushDraft(): void {
  if (!appStore.getState().embed) saveDraftNow(draftOf());
}

function setHash(hash: string): void {
  history.replaceState(null, "", location.pathname + location.search + hash);
}

/** Opens the link in `hash`; true if it replaced the files. */
export async function openHash(hash: string): Promise<boolean> {
  const link = parseShareHash(hash);
  if (link.kind === "none") return false;
  const embed = appStore.getState().embed;
  let snippet: Snippet | null = null;
  let demoId: string | null = null;
  if (link.kind === "v1") {
    const decoded = await decodeSharePayload(link.payload);
    if (decoded.ok) snippet = decoded.snippet;
    else notify("error", `This share link could not be opened: ${decoded.error}. Your draft is unchanged.`, 0);
  } else if (link.kind === "example") {
    const lesson = findLesson(link.id);
    if (link.id === "seed" || link.id === "counter") snippet = seedSnippet;
    else if (lesson) {
      snippet = lesson.snippet;
      demoId = lesson.key;
    } else notify("error", `There is no example called "${link.id}". Your draft is unchanged.`, 0);
  } else {
    notify("error", `This link could not be opened: ${link.error}. Your draft is unchanged.`, 0);
  }
  // Drop a share link's hash so a reload shows the draft (with the user's edits), not the link
  // again; an example's short link stays while the example is unchanged.
  if (!embed && !(snippet && link.kind === "example")) setHash("");
  if (!snippet) return false;
  replaceFiles(snippet, demoId, link.kind === "v1" ? "link" : "example");
  return true;
}

/**
 * A fresh snippet in `language`, started from that language's counter (the menu's "New Elixir
 * snippet" / "New TypeScript snippet"); the draft stays recoverable, as when a link opens.
 */
export function newSnippet(language: "elixir" | "typescript"): void {
  setHash("");
  replaceFiles(language === "elixir" ? seedSnippet : typescriptSeedSnippet, null, "new");
}

/** The editor's files become `snippet`'s; the user's draft is kept recoverable first. */
function replaceFiles(snippet: Snippet, demoId: string | null, how: "link" | "example" | "new"): void {
  const embed = appStore.getState().embed;
  const userWork = !appStore.getState().pristine;
  let kept = false;
  if (!embed) {
    saveDraftNow(draftOf());
    kept = keepRecoverable();
  }
  clearSession();
  applySnippet(snippet, { demoId, origin: snippet, pristine: true });
  // A lesson about messages shows its arrows, anything else the visitor's own choice, unless the
  // link itself says (?messages=…).
  const lessonWants = !!(demoId && findLesson(demoId)?.demo.messages);
  setShowMessages(readUrlOptions(location.search).messages ?? (lessonWants || (!embed && savedShowMessages())), false);
  if (!embed) {
    saveDraftNow(draftOf());
    appStore.setState({ recoverableDraft: kept });
  }
  if (embed) return;
  if (how === "link") {
    notify("info", `Opened “${snippet.title ?? "shared snippet"}”${kept ? " — your previous draft can be restored from the toolbar" : ""}.`);
  } else if (kept && userWork) {
    notify("info", "Your draft was kept: “↶ Restore draft” in the toolbar brings it back.");
  }
}

/** The examples menu: the example's short link goes in the URL, and it opens as a link does. */
export async function openExample(id: string): Promise<void> {
  const hash = `#example/${id}`;
  setHash(hash);
  await openHash(hash);
}

/**
 * Plays the loaded demo (or link) from the start, as `?autoplay=1` would: the files go back to
 * what the demo loaded (a draft the user changed is kept recoverable first), then Run.
 */
export async function playLesson(): Promise<void> {
  const s = appStore.getState();
  if (!s.pristine && s.demoId) await openExample(s.demoId);
  await run();
}

export function restoreDraft(): void {
  const previous = loadRecoverable();
  if (!previous) return;
  clearSession();
  const demoId = (previous.demo && lessonKeyFor(previous.demo, previous.snippet.files)) ?? null;
  const pristine = !!previous.pristine;
  applySnippet(previous.snippet, { demoId, origin: pristine && demoId ? findLesson(demoId)!.snippet : null, pristine }, previous.activeFile);
  setHash(pristine && demoId ? `#example/${demoId}` : "");
  forgetRecoverable();
  appStore.setState({ recoverableDraft: false });
  notify("info", "Your previous draft is back.");
}

export function setTheme(theme: Theme, remember = true): void {
  appStore.setState({ theme });
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* ignore */
  }
}

export async function boot(): Promise<void> {
  const options = readUrlOptions(location.search);
  let theme: Theme = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === "light" || saved === "dark") theme = saved;
  } catch {
    /* ignore */
  }
  if (options.theme) setTheme(options.theme, false);
  else setTheme(theme);

  appStore.setState({ embed: options.embed, readOnly: options.readOnly });
  // The editor will want the compiler soon: load it in the background from the start. An embed
  // replays a precompiled lesson and loads it only if something it plays is not precompiled.
  if (!options.embed) loadCompiler();
  if (options.messages !== null) setShowMessages(options.messages, false);
  else if (!options.embed && savedShowMessages()) setShowMessages(true, false);
  if (options.speed !== 1) setSpeed(options.speed);

  const draft = options.embed ? null : loadDraft();
  if (draft) {
    const demoId = (draft.demo && lessonKeyFor(draft.demo, draft.snippet.files)) ?? null;
    const pristine = !!draft.pristine;
    applySnippet(draft.snippet, { demoId, origin: pristine && demoId ? findLesson(demoId)!.snippet : null, pristine }, draft.activeFile);
  } else {
    // The seed, untouched: opening a link over it keeps nothing to restore.
    applySnippet(seedSnippet, { demoId: null, origin: seedSnippet, pristine: true });
  }
  const hadRecovery = !options.embed && !!loadRecoverable();
  appStore.setState({ recoverableDraft: hadRecovery });
  const hadLink = parseShareHash(location.hash).kind !== "none";
  const fromLink = await openHash(location.hash);

  if (!options.embed) {
    appStore.subscribe((s, prev) => {
      if (s.files !== prev.files || s.activeFile !== prev.activeFile || s.script !== prev.script || s.pristine !== prev.pristine || s.demoId !== prev.demoId) saveDraft(draftOf());
    });
  }
  // A link followed inside the page (another #example/ or #v1/ typed or clicked): with
  // ?autoplay=1 in the URL it plays as it would have on a fresh load.
  addEventListener("hashchange", () => {
    void openHash(location.hash).then((opened) => {
      if (opened && options.autoplay && canRun(appStore.getState())) void run();
    });
  });
  startPacer();
  addEventListener("pagehide", flushDraft);
  registerServiceWorker(flushDraft);

  if (options.autoplay && (fromLink || !hadLink)) {
    // Once: run() itself updates the store, which would call this listener again.
    let started = false;
    const start = () => {
      if (started || !canRun(appStore.getState())) return started;
      started = true;
      void run();
      return true;
    };
    if (!start()) {
      // Not precompiled: an embed loads the compiler for it now (the full app already does).
      loadCompiler();
      const unsubscribe = appStore.subscribe(() => {
        if (start()) unsubscribe();
      });
    }
  }
}
