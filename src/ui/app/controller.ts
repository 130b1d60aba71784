/**
 * The page's one connection to the worker, and every user action on it. Worker notices feed the
 * stores (events → timeline store, status/clock → app store); action results become diagnostics
 * and short notices. Components call these functions and never talk to the worker themselves.
 */
import { WorkerClient } from "../workerClient";
import type { ActionResult } from "../../session/types";
import { appStore, currentSnippet, loadFiles, notify } from "../store/appStore";
import { enqueueEvents, resetTimeline } from "../store/timelineStore";
import { changedLines } from "./lineDiff";
import { precompiledFor } from "./precompiled";
import { tapEvents } from "./eventTap";

type Action = "run" | "recompile" | "upgrade" | "restart";

export const client = new WorkerClient(
  (msg) => {
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
        return;
      case "reset":
        resetTimeline(msg.now);
        return;
      case "files": {
        // A script step edited the files: the editor shows what now runs, on the file and lines
        // that changed, so the viewer sees the edit the caption talks about.
        const edit = changedLines(appStore.getState().files, msg.files);
        const n = (appStore.getState().scriptEdit?.n ?? 0) + 1;
        loadFiles(msg.files, edit ? { activeFile: edit.file, scriptEdit: { ...edit, n } } : {});
        return;
      }
    }
  },
  () => {
    appStore.setState({ running: false, compiler: { phase: "idle" } });
    if (compilerWanted) loadCompiler();
  },
);

let compilerWanted = false;

/** Starts loading esbuild-wasm in the worker now, in the background (the full app does at start; an embed never needs to). */
export function loadCompiler(): void {
  compilerWanted = true;
  client.send({ type: "loadCompiler" });
}

function fail(err: unknown): void {
  notify("error", err instanceof Error ? err.message : String(err));
}

function report(action: Action, r: ActionResult): void {
  appStore.setState({ diagnostics: r.diagnostics });
  if (!r.ok) {
    const message = r.message ?? (r.diagnostics.length ? `${action} failed: fix the compile errors; the running code is unchanged` : `${action} failed`);
    notify("error", message);
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
  try {
    // A built-in snippet, unchanged, runs from its build-time transforms: no waiting for the compiler.
    const precompiled = await precompiledFor(snippet);
    const r = await client.request({ type: "run", snippet, speed, paused: false, holdAt: lessonEnd, precompiled });
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

export async function evaluate(expr: string): Promise<void> {
  if (!appStore.getState().running) await run();
  if (appStore.getState().lessonEnd !== null) continuePastLesson();
  try {
    await client.request({ type: "eval", expr });
  } catch (err) {
    fail(err);
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

export function inspect(pid: string) {
  return client.request({ type: "inspect", pid });
}

/** Stop: pause; if the worker does not answer (a runaway loop), replace it. */
export async function stop(): Promise<void> {
  setPaused(true);
  const alive = await client.stopAndReset(1000);
  if (!alive) notify("error", "The runtime did not answer and was restarted. Your files are safe; press Run.");
}
