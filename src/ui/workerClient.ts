/**
 * Typed RPC to the worker that runs user code. Requests carry an id and resolve with the worker's
 * `reply`; they are rejected loudly if the worker errors or dies, never left hanging.
 *
 * The worker runs someone else's code, so:
 * - It is started from a `blob:` script that imports the real one: a worker from a local URL
 *   inherits the document's Content-Security-Policy (the meta tag and any header), where a worker
 *   loaded from its own URL would be governed only by its own response's headers, which a host
 *   may not send. The policy then denies user code every other origin, whoever serves the app.
 * - Every message is read by `readWorkerMessage` (exact shapes, finite numbers, long texts cut);
 *   the compiler's status only moves forward (loading → ready | failed), so a forged status
 *   cannot disable the controls.
 * - A watchdog pings the worker while code runs. One that stops answering (a loop the runtime's
 *   guard cannot see, a regular expression that never ends) is terminated and replaced, and
 *   `onStalled` tells the page, which keeps the editor as it is. `stopAndReset` is the Stop
 *   button's way out; it also cancels a Run that is still compiling.
 */
import workerUrl from "../worker/worker.ts?worker&url";
import type { EvalResult, PageToWorker, PokeResult, WorkerToPage } from "../worker/protocol";
import type { ActionResult, ProcessSnapshot } from "../session/types";
import { readWorkerMessage } from "./workerMessages";

type Requests = {
  run: ActionResult;
  recompile: ActionResult;
  upgrade: ActionResult;
  restart: ActionResult;
  eval: EvalResult;
  step: null;
  clear: null;
  inspect: ProcessSnapshot | null;
  poke: PokeResult;
  ping: null;
};
type RequestType = keyof Requests;
type RequestOf<K extends RequestType> = Omit<Extract<PageToWorker, { type: K }>, "id">;
export type Notice = Exclude<WorkerToPage, { type: "reply" }>;

export class WorkerDiedError extends Error {}

/** How often the watchdog asks, and how long an answer may take before the worker is replaced. */
export const HEARTBEAT_MS = 500;
export const STALL_MS = 3000;
/**
 * While the worker compiles (Run, Recompile, Upgrade, Restart), esbuild holds its thread for a
 * while, longer on a slow or busy machine: silence is not a runaway loop yet. Stop cancels a
 * compile at once.
 */
export const COMPILE_STALL_MS = 20_000;
const COMPILING: ReadonlySet<RequestType> = new Set(["run", "recompile", "upgrade", "restart"]);

export type WorkerClientHooks = {
  onNotice: (msg: Notice) => void;
  /** A fresh worker replaced the old one (Stop, or the watchdog). */
  onRestarted?: () => void;
  /** The watchdog replaced a worker that stopped answering; `ms`: how long it was silent. */
  onStalled?: (ms: number) => void;
};

/** A module worker whose script is a `blob:` importing the real one, so it inherits the page's policy. */
function startWorker(): Worker {
  const url = new URL(workerUrl, location.href).href;
  const blob = new Blob([`import ${JSON.stringify(url)};\n`], { type: "text/javascript" });
  const local = URL.createObjectURL(blob);
  try {
    return new Worker(local, { type: "module", name: "runtime" });
  } finally {
    // The worker has its own reference to the script once created.
    setTimeout(() => URL.revokeObjectURL(local), 60_000);
  }
}

export class WorkerClient {
  private worker!: Worker;
  private nextId = 1;
  private traceSends = false;
  private pending = new Map<number, { type: RequestType; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private phase: "loading" | "ready" | "failed" = "loading";
  /** Wall time the oldest unanswered heartbeat was sent, or null. */
  private heartbeatSince: number | null = null;
  /** When the last heartbeat ran (a late one means the page itself was busy). */
  private lastBeat: number | null = null;
  private watching = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly hooks: WorkerClientHooks) {
    this.spawn();
  }

  request<K extends RequestType>(msg: RequestOf<K> & { type: K }): Promise<Requests[K]> {
    const id = this.nextId++;
    return new Promise<Requests[K]>((resolve, reject) => {
      this.pending.set(id, { type: msg.type, resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id } as PageToWorker);
    });
  }

  /** Fire-and-forget messages (the clock, loading the compiler). */
  send(msg: Extract<PageToWorker, { type: "clock" | "loadCompiler" }>): void {
    this.worker.postMessage(msg);
  }

  /** Whether the worker emits `send` events; a replacement worker is told again. */
  setTraceSends(on: boolean): void {
    this.traceSends = on;
    this.worker.postMessage({ type: "traceSends", on } satisfies PageToWorker);
  }

  /** A request of this kind is waiting for its answer (a Run still compiling, say). */
  waitingFor(type: RequestType): boolean {
    return [...this.pending.values()].some((p) => p.type === type);
  }

  /**
   * The watchdog runs while user code may run (from Run until the session is cleared): while the
   * compiler boots, a slow machine is not a runaway loop.
   */
  watch(on: boolean): void {
    this.watching = on;
    this.heartbeatSince = null;
    this.lastBeat = null;
    if (on && !this.timer) this.timer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /**
   * Stop: true if the worker answers within `timeoutMs`; otherwise it is replaced by a fresh
   * one. A Run still compiling is cancelled at once (the worker is replaced: a compile cannot
   * be interrupted from outside).
   */
  async stopAndReset(timeoutMs = 1000): Promise<"answered" | "cancelled" | "restarted"> {
    if (this.waitingFor("run")) {
      this.restart("stopped by the user before the snippet started");
      return "cancelled";
    }
    const alive = await Promise.race([
      this.request({ type: "ping" }).then(() => true, () => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
    if (!alive) this.restart("the worker stopped answering (runaway code?) and was restarted");
    return alive ? "answered" : "restarted";
  }

  restart(why: string): void {
    this.worker.terminate();
    this.failAll(why);
    this.watch(false);
    this.spawn();
    this.hooks.onRestarted?.();
  }

  private heartbeat(): void {
    if (!this.watching) return;
    const now = performance.now();
    const late = this.lastBeat !== null && now - this.lastBeat > HEARTBEAT_MS * 2;
    this.lastBeat = now;
    if (late && this.heartbeatSince !== null) {
      // The page's own thread was busy (this beat came late): the worker's answer may be waiting
      // in the queue behind it. Silence counts from now, not from while the page could not listen.
      this.heartbeatSince = now;
      return;
    }
    if (this.heartbeatSince !== null) {
      const silent = now - this.heartbeatSince;
      // Starting the compiler (a 14 MB wasm) starves a small machine too: only built-in lessons,
      // precompiled, run before it is ready, so silence then is load, not a runaway loop.
      const compiling = this.phase === "loading" || [...this.pending.values()].some((p) => COMPILING.has(p.type));
      if (silent < (compiling ? COMPILE_STALL_MS : STALL_MS)) return;
      this.restart(`the runtime stopped answering for ${Math.round(silent / 1000)} s and was replaced`);
      this.hooks.onStalled?.(silent);
      return;
    }
    this.heartbeatSince = now;
    const worker = this.worker;
    this.request({ type: "ping" }).then(
      () => {
        if (this.worker === worker) this.heartbeatSince = null;
      },
      () => undefined,
    );
  }

  private spawn(): void {
    this.phase = "loading";
    this.worker = startWorker();
    this.worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failAll(`the worker failed: ${e.message || "unknown error"}`);
      if (this.phase === "loading") {
        this.phase = "failed";
        this.hooks.onNotice({ type: "status", phase: "failed", message: e.message || "the worker failed to start" });
      }
    };
    this.worker.onmessageerror = () => this.failAll("a worker message could not be read");
    if (this.traceSends) this.worker.postMessage({ type: "traceSends", on: true } satisfies PageToWorker);
  }

  private receive(data: unknown): void {
    const msg = readWorkerMessage(data);
    if (!msg) {
      console.warn("ignored a malformed message from the worker");
      return;
    }
    if (msg.type === "status") {
      // Forward only: once the compiler is ready (or failed) for this worker, it stays so.
      if (this.phase !== "loading") return;
      this.phase = msg.phase;
      return this.hooks.onNotice(msg);
    }
    if (msg.type !== "reply") return this.hooks.onNotice(msg);
    const waiter = this.pending.get(msg.id);
    if (!waiter) return;
    this.pending.delete(msg.id);
    if (msg.ok) waiter.resolve(msg.result);
    else waiter.reject(Object.assign(new Error(msg.error), { diagnostics: msg.diagnostics }));
  }

  private failAll(why: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new WorkerDiedError(why));
  }
}
