/**
 * The CLI's worker thread: runs one snippet under virtual time, jumping from event to event,
 * and posts its output lines to the main thread (main.ts) in batches. User code runs here in
 * the same sandbox as in the browser (src/compiler/sandbox.ts); this thread exists so that the
 * main thread can end a run that no guard can interrupt (a catastrophic regular expression, a
 * builtin that never returns) and bound its memory.
 *
 * It posts its output in batches, then its exit status (protocol.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import * as esbuild from "esbuild";
import type { TraceEvent } from "../runtime/events";
import { Session } from "../session/session";
import { formatEvent } from "./format";
import { BATCHES_IN_FLIGHT, BATCH_CHARS, BATCH_LINES, EXIT, type RunRequest, type RunnerMessage } from "./protocol";

/** With no --until: run until nothing is pending or this much virtual time has passed. */
const DEFAULT_LIMIT = 60_000;
/** Wall ms per `advance` slice: the watchdog hears from us at least this often. */
const SLICE_MS = 250;

const post = (msg: RunnerMessage) => parentPort!.postMessage(msg);

async function run({ snippet, until, json, written }: RunRequest): Promise<number> {
  post({ lines: [] }); // loaded: from here on, the watchdog counts silence
  const out: string[] = [];
  const err: string[] = [];
  let outChars = 0;
  const writtenBatches = new Int32Array(written);
  let posted = 0;
  // (Posted even when empty: every slice tells the watchdog this thread still answers.)
  const flush = () => {
    if (out.length || err.length) {
      // Backpressure: wait (a second at a time) while the main thread is behind with writing.
      for (let seen = Atomics.load(writtenBatches, 0); posted - seen >= BATCHES_IN_FLIGHT; seen = Atomics.load(writtenBatches, 0)) {
        Atomics.wait(writtenBatches, 0, seen, 1000);
      }
      posted++;
    }
    post({ lines: out.splice(0), err: err.splice(0) });
    outChars = 0;
  };
  const onEvent = (e: TraceEvent) => {
    const line = json ? JSON.stringify(e) : formatEvent(e);
    if (line !== null) {
      out.push(line);
      outChars += line.length;
    }
    if (out.length >= BATCH_LINES || outChars >= BATCH_CHARS) flush();
  };
  // haltOnTrouble: a livelock or the process limit ends the run at that very event, so the
  // output is the same on any machine.
  const session = new Session({ esbuild, onEvent, traceSends: json, haltOnTrouble: true });
  const started = await session.start(snippet);
  if (!started.ok) {
    flush();
    if (started.diagnostics.length) for (const d of started.diagnostics) err.push(`${d.file}:${d.line}:${d.column}: error: ${d.message}`);
    else err.push(started.message ?? "the snippet did not start");
    flush();
    return EXIT.invalid;
  }
  let flushed = performance.now();
  const runTo = async (target: number) => {
    while (!(await session.advance(target, SLICE_MS))) flush();
    // Jumping from event to event, each step is short: still speak up every slice.
    if (performance.now() - flushed > SLICE_MS) {
      flush();
      flushed = performance.now();
    }
  };
  if (until !== null) await runTo(until);
  else {
    for (;;) {
      const next = session.busy() ? session.now : session.nextTime();
      if (next === null || next > DEFAULT_LIMIT || session.halted !== null) break;
      await runTo(next);
    }
  }
  flush();
  if (session.halted !== null) {
    err.push(`stopped: ${session.halted}`);
    flush();
    return EXIT.stopped;
  }
  const results = [...session.checkResults.values()];
  const pending = session.checksPending();
  for (const i of pending) out.push(`check ✗ ${snippet.checks?.[i]?.say}: did not finish before the run ended`);
  const failedChecks = results.filter((r) => !r.ok).length + pending.length;
  if (results.length + pending.length > 0) {
    err.push(`checks: ${results.length - failedChecks + pending.length} passed, ${failedChecks} failed`);
  }
  flush();
  return failedChecks ? EXIT.checks : EXIT.ok;
}

// A promise the snippet's code rejected and nobody handled is the snippet's own business (the
// browser's worker ignores it too): the runtime reports what matters about it, such as a Promise
// callback that ran outside a process (the run stops, with its reason). Node's default would end
// this thread with a stack trace, read as an internal error.
process.on("unhandledRejection", () => undefined);

// While the thread waits (for the compiler, between slices) it says it is alive; a thread stuck
// in one builtin call cannot, which is what the main thread's watchdog looks for.
setInterval(() => post({ lines: [] }), 1000).unref();

run(workerData as RunRequest).then(
  (status) => post({ done: status }),
  (error) => {
    post({ lines: [], err: [`internal error: ${error?.stack ?? error}`] });
    post({ done: EXIT.invalid });
  },
);
