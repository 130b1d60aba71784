/**
 * Typed RPC to the worker. Requests carry an id and resolve with the worker's `reply`; they are
 * rejected loudly if the worker errors or dies, never left hanging. `stopAndReset` is the way
 * out of runaway user code: if a ping goes unanswered, the worker is terminated and a new one
 * started (the compiler loads again; nothing in the editor is lost).
 */
import type { EvalResult, PageToWorker, PokeResult, WorkerToPage } from "../worker/protocol";
import type { ActionResult, ProcessSnapshot } from "../session/types";

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
type Notice = Exclude<WorkerToPage, { type: "reply" }>;

export class WorkerDiedError extends Error {}

export class WorkerClient {
  private worker!: Worker;
  private nextId = 1;
  private traceSends = false;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly onNotice: (msg: Notice) => void, private readonly onRestarted: () => void = () => {}) {
    this.spawn();
  }

  request<K extends RequestType>(msg: RequestOf<K> & { type: K }): Promise<Requests[K]> {
    const id = this.nextId++;
    return new Promise<Requests[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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

  /** True if the worker answers within `timeoutMs`; otherwise it is replaced by a fresh one. */
  async stopAndReset(timeoutMs = 1000): Promise<boolean> {
    const alive = await Promise.race([
      this.request({ type: "ping" }).then(() => true, () => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
    if (!alive) this.restart("the worker stopped answering (runaway code?) and was restarted");
    return alive;
  }

  restart(why: string): void {
    this.worker.terminate();
    this.failAll(why);
    this.spawn();
    this.onRestarted();
  }

  private spawn(): void {
    this.worker = new Worker(new URL("../worker/worker.ts", import.meta.url), { type: "module", name: "runtime" });
    this.worker.onmessage = (e: MessageEvent<WorkerToPage>) => this.receive(e.data);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failAll(`the worker failed: ${e.message || "unknown error"}`);
      this.onNotice({ type: "status", phase: "failed", message: e.message || "the worker failed to start" });
    };
    this.worker.onmessageerror = () => this.failAll("a worker message could not be read");
    if (this.traceSends) this.worker.postMessage({ type: "traceSends", on: true } satisfies PageToWorker);
  }

  private receive(msg: WorkerToPage): void {
    if (msg.type !== "reply") return this.onNotice(msg);
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
