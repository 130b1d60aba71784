/**
 * The headless runner (SPEC §7):  npm run cli -- run FILE.json [--until MS] [--json]
 *                                 npm run cli -- run lib/*.ex [--main Main] [--until MS] [--json]
 * Runs a snippet (or plain Elixir files, whose `Main.start/0` runs first) under virtual time,
 * jumping from event to event. Exit 0 when the run
 * completes (crashes are results), 1 when the snippet does not parse or compile, 2 when one of
 * its lesson checks fails (or never got to run).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import * as esbuild from "esbuild";
import { parseSnippet, parseSnippetJson } from "../share/snippet";
import { Session } from "../session/session";
import type { TraceEvent } from "../runtime/events";
import { formatEvent } from "./format";

const USAGE = "usage: npm run cli -- run FILE.json [--until MS] [--json]\n       npm run cli -- run FILE.ex... [--main Module] [--until MS] [--json]";
const DEFAULT_LIMIT = 60_000;
/** Wall ms without virtual time moving before the CLI calls it a livelock. */
const STUCK_MS = 10_000;

type Args = { files: string[]; main: string; until: number | null; json: boolean };

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== "run") return USAGE;
  const files: string[] = [];
  let until: number | null = null;
  let json = false;
  let main = "Main";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--json") json = true;
    else if (a === "--until") {
      const v = Number(rest[++i]);
      if (!Number.isFinite(v) || v < 0) return `--until needs a number of ms\n${USAGE}`;
      until = v;
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
  return { files, main, until, json };
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
    return 1;
  }
  const parsed = readInput(args);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  };
  const onEvent = (e: TraceEvent) => {
    const line = args.json ? JSON.stringify(e) : formatEvent(e);
    if (line !== null) out.push(line);
    if (out.length > 1000) flush();
  };
  const session = new Session({ esbuild, onEvent, traceSends: args.json });
  const started = await session.start(parsed.snippet);
  if (!started.ok) {
    flush();
    for (const d of started.diagnostics) process.stderr.write(`${d.file}:${d.line}:${d.column}: error: ${d.message}\n`);
    return 1;
  }
  const runTo = async (target: number): Promise<boolean> => {
    // Advance in wall-time slices so a livelock (processes messaging each other forever within
    // one virtual ms) is reported instead of hanging the terminal.
    let lastT = session.now;
    let since = performance.now();
    while (!(await session.advance(target, 250))) {
      flush();
      if (session.now !== lastT) {
        lastT = session.now;
        since = performance.now();
      } else if (performance.now() - since > STUCK_MS) {
        process.stderr.write(`stopped: virtual time is stuck at ${session.now} ms — processes keep running without ever waiting (a livelock)\n`);
        return false;
      }
    }
    return true;
  };
  if (args.until !== null) await runTo(args.until);
  else {
    for (;;) {
      const next = session.nextTime();
      if (next === null || next > DEFAULT_LIMIT) break;
      if (!(await runTo(next))) break;
    }
  }
  flush();
  const results = [...session.checkResults.values()];
  const pending = session.checksPending();
  for (const i of pending) process.stdout.write(`check ✗ ${parsed.snippet.checks?.[i]?.say}: did not finish before the run ended\n`);
  const failedChecks = results.filter((r) => !r.ok).length + pending.length;
  if (results.length + pending.length > 0) {
    process.stderr.write(`checks: ${results.length - failedChecks + pending.length} passed, ${failedChecks} failed\n`);
  }
  return failedChecks ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`internal error: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
