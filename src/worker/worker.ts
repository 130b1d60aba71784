/**
 * The Web Worker entry. Order matters: esbuild-wasm fetches its wasm, then the network is taken
 * away from this scope (user code runs here), then a warm-up transform, then `status ready`.
 * Requests that arrive meanwhile wait for the compiler inside the host.
 */
import { esbuildApi, initEsbuild, warmUp } from "./esbuildInit";
import { Host } from "./host";
import { lockDownGlobals } from "./lockdown";
import type { PageToWorker, WorkerToPage } from "./protocol";

const post = (msg: WorkerToPage) => (self as unknown as { postMessage(m: WorkerToPage): void }).postMessage(msg);

async function bootCompiler(): Promise<void> {
  const started = performance.now();
  post({ type: "status", phase: "loading", message: "Loading the compiler…" });
  try {
    await initEsbuild();
    lockDownGlobals();
    await warmUp();
    post({ type: "status", phase: "ready", ms: Math.round(performance.now() - started) });
  } catch (err) {
    lockDownGlobals();
    post({ type: "status", phase: "failed", message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

const compilerReady = bootCompiler();
compilerReady.catch(() => undefined);
const host = new Host(post, esbuildApi, compilerReady);
self.onmessage = (e: MessageEvent<PageToWorker>) => void host.handle(e.data);
host.startLoop();
