/**
 * The page's one connection to the worker, and every user action on it. Worker notices feed the
 * stores (events → timeline store, status/clock → app store); action results become diagnostics
 * and short notices. Components call these functions and never talk to the worker themselves.
 */
import { WorkerClient, WorkerDiedError } from "../workerClient";
import type { ActionResult } from "../../session/types";
import type { Poke } from "../../share/snippetTypes";
import { appStore, currentSnippet, loadFiles, notify } from "../store/appStore";
import { enqueueEvents, resetTimeline } from "../store/timelineStore";
import { changedLines } from "./lineDiff";
import { precompiledFor } from "./precompiled";
import { filesFromScript, type ScriptProgress } from "./scriptEdits";
import { tapEvents } from "./eventTap";

type Action = "run" | "recompile" | "upgrade" | "restart";

/** What the page knows the session runs: the files it sent, and how far the script got. */
let progress: ScriptProgress = { files: {}, nextStep: 0 };

export const client = new WorkerClient({
  onNotice: (msg) => {
    switch (msg.type) {
      case "status":
        appStore.setState({ compiler: { phase: msg.phase, message: msg.message, ms: msg.ms } });
        return;
      case "events":
        tapEvents(msg.events);
        enqueueEvents(msg.events, msg.now, msg.dropped ?? 0);
        return;
      case "clock":
        // The speed is the page's to set (the worker only echoes it): a clock notice posted before
        // the worker read ?speed=N must not put the page back to 1× just before Run reads it.
        appStore.setState({ paused: msg.paused, idle: msg.idle, now: msg.now, holding: !!msg.holding });
        if (msg.halted !== undefined) sayHalted(msg.halted);
        return;
      case "reset":
        haltSaid = false;
        resetTimeline(msg.now);
        return;
      case "files":
        return showScriptEdit(msg.files);
    }
  },
  onRestarted: () => {
    // A fresh worker starts with no compiler: ask for it again if the app wanted one (an embed never does).
    appStore.setState({ running: false, compiler: { phase: "idle" } });
    if (compilerWanted) loadCompiler();
  },
  onStalled: (ms) =>
    notify(
      "error",
      `Your code stopped answering for ${Math.round(ms / 1000)} seconds — probably a loop that never ends, ` +
        "or a regular expression that takes forever — so the runtime was stopped and started afresh. " +
        "Your files are exactly as they were; fix the code and press Run.",
      0,
    ),
});

/**
 * A script step edited the files: the editor shows what now runs, on the file and lines that
 * changed, so the viewer sees the edit the caption talks about. The text shown is the page's own
 * (the script's step applied by the page); the worker's copy is only checked against it.
 */
function showScriptEdit(claimed: Record<string, string>): void {
  const next = filesFromScript(appStore.getState().script, progress, claimed);
  if (!next) {
    console.warn("ignored files from the worker that the script does not make");
    return;
  }
  progress = next;
  const edit = changedLines(appStore.getState().files, next.files);
  const n = (appStore.getState().scriptEdit?.n ?? 0) + 1;
  loadFiles(next.files, edit ? { activeFile: edit.file, scriptEdit: { ...edit, n } } : {});
}

/** Whether this run's halt was said already (the clock repeats it). */
let haltSaid = false;

/** The runtime stopped the system for good (a livelock, the process limit): say why, once a run. */
function sayHalted(reason: string): void {
  if (haltSaid) return;
  haltSaid = true;
  notify("error", `The run was stopped: ${reason}. Nothing runs after this; your files are exactly as they were. Fix the code and press Run.`, 0);
}

let compilerWanted = false;

/** Starts loading esbuild-wasm in the worker now, in the background (the full app does at start; an embed never needs to). */
export function loadCompiler(): void {
  compilerWanted = true;
  client.send({ type: "loadCompiler" });
}


function fail(err: unknown): void {
  // The worker was replaced (Stop, the watchdog, a crash): that path has told the user already.
  if (err instanceof WorkerDiedError) return;
  notify("error", err instanceof Error ? err.message : String(err));
}

function report(action: Action, r: ActionResult): void {
  appStore.setState({ diagnostics: r.diagnostics });
  if (!r.ok) {
    // Compile errors are listed under the editor, by line: a toast would only repeat them over the Log.
    if (r.diagnostics.length) return;
    notify("error", r.message ?? `${action} failed`);
  } else if (action === "recompile" && r.loaded.length === 0 && r.killed.length === 0) {
    notify("info", "Recompile: :noop. Nothing changed since the last load, so nothing was loaded (IEx's recompile() answers the same).");
  }
}

/** Virtual time a lesson's story takes: its last caption or check, and two more seconds to see the outcome. */
const LESSON_TAIL_MS = 2000;
export function lessonEndOf(snippet: { script?: { at: number; say?: string }[]; checks?: { at: number }[] }): number | null {
  if (!snippet.script?.some((s) => s.say !== undefined)) return null;
  return Math.max(...snippet.script.map((s) => s.at), ...(snippet.checks ?? []).map((c) => c.at)) + LESSON_TAIL_MS;
}

export async function run(): Promise<void> {
  if (holdTimer) clearTimeout(holdTimer);
  holdTimer = null;
  const state = appStore.getState();
  // A link or example the user has not changed plays from what it loaded: the files a previous
  // play's script edited go back first (its patches expect the original text).
  if (state.pristine && state.origin && JSON.stringify(state.origin.files) !== JSON.stringify(state.files)) {
    loadFiles(state.origin.files, { script: state.origin.script, checks: state.origin.checks, scriptEdit: null });
  }
  const { speed } = appStore.getState();
  const snippet = currentSnippet();
  const lessonEnd = lessonEndOf(snippet);
  appStore.setState({ running: true, diagnostics: [], selectedPid: null, hold: null, lessonEnd });
  progress = { files: snippet.files, nextStep: 0 };
  client.watch(true);
  try {
    // A built-in snippet, unchanged, runs from its build-time transforms: no waiting for the compiler.
    const precompiled = await precompiledFor(snippet);
    const r = await client.request({ type: "run", snippet, speed, paused: false, holdAt: lessonEnd, precompiled });
    // A Run that did not start leaves nothing running (the worker dropped it): the page says
    // why (the errors under the editor, or a notice) rather than "Starting…" for ever.
    if (!r.ok) {
      appStore.setState({ running: false });
      client.watch(false);
    }
    report("run", r);
  } catch (err) {
    appStore.setState({ running: false });
    fail(err);
  }
}

async function codeAction(action: "recompile" | "upgrade" | "restart"): Promise<void> {
  if (!appStore.getState().running) return run();
  // The user takes over from the lesson: time must go on to show what their action does.
  if (appStore.getState().lessonEnd !== null) continuePastLesson();
  const files = { ...appStore.getState().files };
  // The session now runs the user's files: script edits apply to them from here.
  progress = { ...progress, files };
  try {
    const r = await client.request({ type: action, files });
    report(action, r);
  } catch (err) {
    fail(err);
  }
}

export const recompile = () => codeAction("recompile");
export const upgrade = () => codeAction("upgrade");
export const restart = () => codeAction("restart");

/**
 * A console line, evaluated in the shell. The editor's files go with it: in an Elixir snippet,
 * `recompile()` and `r(Mod)` are the Recompile action on them (its compile errors become the
 * editor's markers, as for the button). Resolves once the shell has run the line, with the IEx
 * prompt numbers it ran at and the next one (null when unknown).
 */
export async function evaluate(expr: string): Promise<{ at: number; next: number } | null> {
  if (!appStore.getState().running) await run();
  if (appStore.getState().lessonEnd !== null) continuePastLesson();
  const files = { ...appStore.getState().files };
  try {
    const r = await client.request({ type: "eval", expr, files });
    if (r.action) {
      if (r.action.ok) progress = { ...progress, files };
      // The console prints :ok / :noop / :error itself: only the diagnostics are the page's.
      appStore.setState({ diagnostics: r.action.diagnostics });
    }
    return r.at !== undefined && r.prompt !== undefined ? { at: r.at, next: r.prompt } : null;
  } catch (err) {
    fail(err);
    return null;
  }
}

const MESSAGES_KEY = "hotswap.messages";

/** Shows or hides the message view; the worker traces sends only while it is shown. */
export function setShowMessages(on: boolean, remember = true): void {
  appStore.setState({ showMessages: on });
  client.setTraceSends(on);
  if (!remember) return;
  try {
    localStorage.setItem(MESSAGES_KEY, on ? "1" : "0");
  } catch {
    /* private mode: the choice lasts this visit */
  }
}

/** The message view as the user last left it. */
export function savedShowMessages(): boolean {
  try {
    return localStorage.getItem(MESSAGES_KEY) === "1";
  } catch {
    return false;
  }
}

export function setSpeed(speed: number): void {
  liftHold();
  appStore.setState({ speed });
  client.send({ type: "clock", speed });
}

export function setPaused(paused: boolean): void {
  // Play at a lesson's end goes on past it: the system keeps running after the story.
  if (!paused && appStore.getState().holding && !appStore.getState().hold) continuePastLesson();
  liftHold();
  appStore.setState({ paused });
  client.send({ type: "clock", paused });
}

let holdTimer: ReturnType<typeof setTimeout> | null = null;

/** A reading pause: virtual time stops at `at` until `ms` of wall time have passed (or liftHold). */
export function holdUntilRead(at: number, ms: number): void {
  if (holdTimer) clearTimeout(holdTimer);
  appStore.setState({ hold: { since: performance.now(), ms } });
  client.send({ type: "clock", holdAt: at });
  holdTimer = setTimeout(liftHold, ms);
}

/** Ends a reading pause now (its time is up, "Continue", or the user took the clock); a lesson's end still holds. */
export function liftHold(): void {
  if (holdTimer) clearTimeout(holdTimer);
  holdTimer = null;
  if (!appStore.getState().hold) return;
  // `holding` goes too: until the worker's clock says otherwise, a stale one would read as the
  // lesson's end for a frame (its "run on" button flashed after every reading pause).
  appStore.setState({ hold: null, holding: false });
  client.send({ type: "clock", holdAt: appStore.getState().lessonEnd });
}

/** Time stands at a lesson's end (not at a reading pause). */
export function atLessonEnd(s = appStore.getState()): boolean {
  return s.lessonEnd !== null && s.holding && !s.hold;
}

/** The play/pause button and Space: at a lesson's end, play runs on past it. */
export function togglePlay(): void {
  const s = appStore.getState();
  if (atLessonEnd(s)) {
    continuePastLesson();
    if (s.paused) setPaused(false);
    return;
  }
  setPaused(!s.paused);
}

/** After a lesson's end: let the system run on. */
export function continuePastLesson(): void {
  appStore.setState({ lessonEnd: null });
  liftHold();
  client.send({ type: "clock", holdAt: null });
}

/** Other files were loaded: the running session no longer matches the editor; forget it. */
export function clearSession(): void {
  if (holdTimer) clearTimeout(holdTimer);
  holdTimer = null;
  appStore.setState({ hold: null, lessonEnd: null });
  if (!appStore.getState().running) return;
  appStore.setState({ running: false, selectedPid: null, diagnostics: [] });
  client.watch(false);
  resetTimeline(0);
  client.request({ type: "clear" }).catch(fail);
}

export async function step(): Promise<void> {
  if (!appStore.getState().running) return;
  setPaused(true);
  try {
    await client.request({ type: "step" });
  } catch (err) {
    fail(err);
  }
}

/** Acts on a process from outside (the inspector, a row's menu); a refusal or a bad term is said in a notice. */
export async function poke(poke: Poke): Promise<boolean> {
  if (!appStore.getState().running) return false;
  try {
    const r = await client.request({ type: "poke", poke });
    if (!r.ok) notify("error", r.error);
    return r.ok;
  } catch (err) {
    fail(err);
    return false;
  }
}

export function inspect(pid: string) {
  return client.request({ type: "inspect", pid });
}

/** Stop: pause; cancel a Run still compiling; if the worker does not answer (a runaway loop), replace it. */
export async function stop(): Promise<void> {
  setPaused(true);
  const outcome = await client.stopAndReset(1000);
  if (outcome === "cancelled") notify("info", "Stopped before the snippet started. Your files are unchanged.");
  if (outcome === "restarted") notify("error", "The runtime did not answer and was restarted. Your files are safe; press Run.");
}
