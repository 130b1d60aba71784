/**
 * The runtime worker's side of the compiler worker (compilerWorker.ts): an EsbuildLike whose
 * transforms run there, and `start()`, which spawns it and resolves once it is warm. Status steps
 * go to `onStatus` for the page's progress line. A rejected transform carries esbuild's `errors`
 * as the wasm API does, so diagnostics read the same.
 *
 * The Worker constructor is captured when this module loads: the runtime worker's globals are
 * locked down (lockdown.ts) before user code runs, and user code may not start workers. The
 * captured one is in this module's scope only, out of user code's reach.
 */
import compilerUrl from "./compilerWorker?worker&url";
import type { CompilerStep } from "./esbuildInit";
import type { FromCompiler, ToCompiler } from "./compilerWorker";
import type { EsbuildLike } from "../session/session";

const OwnWorker = globalThis.Worker;

export type CompilerStatus = { phase: "loading"; step: CompilerStep } | { phase: "ready"; ms: number } | { phase: "failed"; message: string };

export class CompilerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: { code: string; map: string }) => void; reject: (e: Error) => void }>();
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly onStatus: (status: CompilerStatus) => void) {}

  /** Spawns the compiler worker (once) and resolves when it is ready for transforms. */
  start(): Promise<void> {
    if (!this.worker) {
      // Absolute: this worker was started from a `blob:` script, which cannot resolve a path.
      this.worker = new OwnWorker(new URL(compilerUrl, import.meta.url), { type: "module", name: "compiler" });
      this.worker.onmessage = (e: MessageEvent<FromCompiler>) => this.receive(e.data);
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.fail(`the compiler's worker failed: ${e.message || "it did not start"}`);
      };
      this.worker.postMessage({ type: "start" } satisfies ToCompiler);
    }
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  readonly api: EsbuildLike = {
    transform: (code, options) =>
      new Promise((resolve, reject) => {
        if (!this.worker) return reject(new Error("the compiler is not started"));
        const id = this.nextId++;
        this.pending.set(id, { resolve, reject });
        this.worker.postMessage({ type: "transform", id, code, options } satisfies ToCompiler);
      }),
  };

  private receive(msg: FromCompiler): void {
    switch (msg.type) {
      case "step":
        return this.onStatus({ phase: "loading", step: msg.step });
      case "ready":
        this.onStatus({ phase: "ready", ms: msg.ms });
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        return;
      case "failed":
        return this.fail(msg.message);
      case "result": {
        const waiter = this.pending.get(msg.id);
        if (!waiter) return;
        this.pending.delete(msg.id);
        if (msg.ok) waiter.resolve({ code: msg.code, map: msg.map });
        else waiter.reject(Object.assign(new Error(msg.message), { errors: msg.errors }));
      }
    }
  }

  /** The compiler could not start: say so, and let a later start try again from scratch. */
  private fail(message: string): void {
    this.onStatus({ phase: "failed", message });
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.readyWaiters.splice(0)) w.reject(new Error(message));
    for (const w of this.pending.values()) w.reject(new Error(message));
    this.pending.clear();
  }
}
