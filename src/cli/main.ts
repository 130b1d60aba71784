/**
 * The headless runner (SPEC §7):  npm run cli -- run FILE.json [--until MS] [--json]
 *                                 npm run cli -- run lib/*.ex [--main Main] [--until MS] [--json]
 * Runs a snippet (or plain Elixir files, whose `Main.start/0` runs first) under virtual time,
 * jumping from event to event. Exit 0 when the run
 * completes (crashes are results), 1 when the snippet does not parse or compile, 2 when one of
 * its lesson checks fails (or never got to run), 3 when the run was stopped: a livelock, the
 * process limit, code that kept a builtin busy, or too much memory.
 *
 * This thread only reads the file and supervises: the snippet runs in a worker thread
 * (runner.ts), inside the same sandbox as in the browser, with a memory limit; if that thread
 * stops answering (a builtin no guard can interrupt, such as a catastrophic regular
 * expression), it is terminated and the CLI says so.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { parseSnippet, parseSnippetJson } from "../share/snippet";
import { EXIT, type RunRequest, type RunnerMessage } from "./protocol";

const USAGE = "usage: npm run cli -- run FILE.json [--until MS] [--json] [--max-seconds S]\n       npm run cli -- run FILE.ex... [--main Module] [--until MS] [--json] [--max-seconds S]";
/** Wall seconds a run may take by default: a CLI run must end (a flood that moves time keeps going). */
const MAX_SECONDS = 40;
/** Wall ms the runner may go without a word before the CLI ends it. */
const SILENT_MS = 15_000;
/** Heap the runner may use (its old generation), in MB. */
const HEAP_MB = 2048;

type Args = { files: string[]; main: string; until: number | null; json: boolean; maxSeconds: number };

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== "run") return USAGE;
  const files: string[] = [];
  let main = "Main";
  let until: number | null = null;
  let json = false;
  let maxSeconds = MAX_SECONDS;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--json") json = true;
    else if (a === "--until") {
      const v = Number(rest[++i]);
      if (!Number.isFinite(v) || v < 0) return `--until needs a number of ms\n${USAGE}`;
      until = v;
    } else if (a === "--max-seconds") {
      const v = Number(rest[++i]);
      if (!Number.isFinite(v) || v <= 0) return `--max-seconds needs a number of seconds\n${USAGE}`;
      maxSeconds = v;
    } else if (a === "--main") {
      main = rest[++i] ?? "";
      if (!/^[A-Z][A-Za-z0-9_]*(\.[A-Z][A-Za-z0-9_]*)*$/.test(main)) return `--main needs an Elixir module name like Main\n${USAGE}`;
    } else if (a.startsWith("-")) return `unknown option ${a}\n${USAGE}`;
    else files.push(a);
  }
  if (files.length === 0) return USAGE;
  const elixir = files.filter((f) => f.endsWith(".ex")).length;
  if (elixir === 0 && files.length > 1) return `unexpected argument ${files[1]}\n${USAGE}`;
  if (elixir > 0 && elixir < files.length) return `give either one snippet .json or .ex files\n${USAGE}`;
  return { files, main, until, json, maxSeconds };
}

/** A snippet from a .json file, or from plain .ex files (named by their base names, main from --main). */
function readInput(args: Args): ReturnType<typeof parseSnippetJson> {
  const texts: Record<string, string> = {};
  for (const file of args.files) {
    try {
      texts[file] = readFileSync(file, "utf8");
    } catch (err) {
      return { ok: false, error: `cannot read ${file}: ${(err as Error).message}` };
    }
  }
  if (!args.files[0].endsWith(".ex")) {
    const parsed = parseSnippetJson(texts[args.files[0]]);
    return parsed.ok ? parsed : { ok: false, error: `${args.files[0]}: ${parsed.error}` };
  }
  const files: Record<string, string> = {};
  for (const file of args.files) {
    const name = basename(file);
    if (name in files) return { ok: false, error: `two files are named ${name}: give files with different names` };
    files[name] = texts[file];
  }
  const parsed = parseSnippet({ title: args.files.map((f) => basename(f)).join(", "), files, main: args.main });
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(args + "\n");
    return EXIT.invalid;
  }
  const parsed = readInput(args);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return EXIT.invalid;
  }
  return supervise({ snippet: parsed.snippet, until: args.until, json: args.json, written: new SharedArrayBuffer(4) }, args.maxSeconds);
}

/** Runs the snippet in a worker thread and relays its output; ends it if it goes silent. */
function supervise(request: RunRequest, maxSeconds: number): Promise<number> {
  // A regular expression that backtracks without end switches to V8's linear-time engine
  // instead (most do; one with backreferences is left to the watchdog below).
  setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
  return new Promise((resolve) => {
    // The runner is TypeScript, as this file is: the thread registers tsx, then loads it.
    const boot = `(async () => { (await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})).register(); await import(${JSON.stringify(new URL("./runner.ts", import.meta.url).href)}); })()`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: request,
      // The snippet sees no environment variables, even if the sandbox had a hole.
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    let finished = false;
    const finish = (status: number, why?: string) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      if (why) process.stderr.write(`stopped: ${why}\n`);
      void worker.terminate();
      resolve(status);
    };
    const began = performance.now();
    // (Silence counts once the thread has spoken: loading node and tsx on a busy machine is slow.)
    let heard = began;
    const written = new Int32Array(request.written);
    /** Ends the run past its wall-time limit or after too long a silence; true if it did. */
    const overdue = () => {
      if (performance.now() - began > maxSeconds * 1000) {
        finish(EXIT.stopped, `the run took more than ${maxSeconds} s of wall time (virtual time had reached what the output shows); --max-seconds allows more`);
      } else if (heard > began && performance.now() - heard > SILENT_MS) {
        finish(EXIT.stopped, `the snippet's code ran for ${SILENT_MS / 1000} s without giving the runtime control back (inside one builtin call, such as a regular expression that backtracks without end), and was ended`);
      }
      return finished;
    };
    const watchdog = setInterval(overdue, 500);
    worker.on("message", (msg: RunnerMessage) => {
      // Also checked here: a stream of output (written synchronously to a slow pipe) can keep
      // this thread from reaching its timers.
      if (finished || overdue()) return;
      heard = performance.now();
      if ("done" in msg) {
        finish(msg.done);
        return;
      }
      if (msg.lines.length) process.stdout.write(msg.lines.join("\n") + "\n");
      if (msg.err?.length) process.stderr.write(msg.err.join("\n") + "\n");
      if (msg.lines.length || msg.err?.length) {
        // The runner waits for this (backpressure); writing to a slow reader is not its silence.
        Atomics.add(written, 0, 1);
        Atomics.notify(written, 0);
        heard = performance.now();
      }
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") finish(EXIT.stopped, `the snippet used more than ${HEAP_MB / 1024} GB of memory, and was ended`);
      else finish(EXIT.invalid, `internal error: ${err.stack ?? err}`);
    });
    worker.on("exit", (code) => finish(code === 0 ? EXIT.ok : EXIT.stopped, finished ? undefined : `the run ended unexpectedly (code ${code})`));
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`internal error: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
