/**
 * The page's one connection to the worker, and every user action on it. Worker notices feed the
 * stores (events → timeline store, status/clock → app store); action results become diagnostics
 * and short notices. Components call these functions and never talk to the worker themselves.
 */
import { WorkerClient } from "../workerClient";
import type { ActionResult } from "../../session/types";
import { appStore, currentSnippet, loadFiles, notify } from "../store/appStore";
import { enqueueEvents, resetTimeline } from "../store/timelineStore";

type Action = "run" | "recompile" | "upgrade" | "restart";

export const client = new WorkerClient(
  (msg) => {
    switch (msg.type) {
      case "status":
        appStore.setState({ compiler: { phase: msg.phase, message: msg.message, ms: msg.ms } });
        return;
      case "events":
        enqueueEvents(msg.events, msg.now, msg.dropped ?? 0);
        return;
      case "clock":
        appStore.setState({ speed: msg.speed, paused: msg.paused, idle: msg.idle, now: msg.now });
        return;
      case "reset":
        resetTimeline(msg.now);
        return;
      case "files":
        // A script step edited the files: the editor shows what now runs.
        loadFiles(msg.files);
        return;
    }
  },
  () => appStore.setState({ running: false, compiler: { phase: "loading", message: "Restarting the runtime…" } }),
);

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

export async function run(): Promise<void> {
  const { speed } = appStore.getState();
  appStore.setState({ running: true, diagnostics: [], selectedPid: null });
  try {
    const r = await client.request({ type: "run", snippet: currentSnippet(), speed, paused: false });
    report("run", r);
  } catch (err) {
    appStore.setState({ running: false });
    fail(err);
  }
}

async function codeAction(action: "recompile" | "upgrade" | "restart"): Promise<void> {
  if (!appStore.getState().running) return run();
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
  try {
    await client.request({ type: "eval", expr });
  } catch (err) {
    fail(err);
  }
}

export function setSpeed(speed: number): void {
  appStore.setState({ speed });
  client.send({ type: "clock", speed });
}

export function setPaused(paused: boolean): void {
  appStore.setState({ paused });
  client.send({ type: "clock", paused });
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
