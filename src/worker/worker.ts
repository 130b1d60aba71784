/**
 * The Web Worker entry (the runtime). Its network and storage globals are locked down first,
 * before any user code can run (lockdown.ts). The compiler lives in a worker of its own
 * (compilerWorker.ts), started only when asked: the page asks at start-up, in the background,
 * unless it is an embed; a compile the precompiled tables cannot answer asks too. Meanwhile a
 * built-in lesson runs from its table, and this thread stays free for the clock.
 */
import { CompilerClient, type CompilerStatus } from "./compilerClient";
import { Host } from "./host";
import { lockDownGlobals } from "./lockdown";
import { StandbyCompiler } from "../compiler/precompiled";
import type { CompilerStep } from "./esbuildInit";
import type { PageToWorker, WorkerToPage } from "./protocol";

const post = (msg: WorkerToPage) => (self as unknown as { postMessage(m: WorkerToPage): void }).postMessage(msg);

const STEP_MESSAGES: Record<CompilerStep, string> = {
  downloading: "Downloading the compiler…",
  starting: "Starting the compiler…",
  "warming up": "Warming up the compiler…",
};

function postStatus(status: CompilerStatus): void {
  if (status.phase === "loading") post({ type: "status", phase: "loading", message: STEP_MESSAGES[status.step] });
  else if (status.phase === "ready") post({ type: "status", phase: "ready", ms: status.ms });
  else post({ type: "status", phase: "failed", message: status.message });
}

const compilerWorker = new CompilerClient(postStatus);
lockDownGlobals();
const compiler = new StandbyCompiler(compilerWorker.api, () => compilerWorker.start());
const host = new Host(post, compiler);
self.onmessage = (e: MessageEvent<PageToWorker>) => void host.handle(e.data);
host.startLoop();
