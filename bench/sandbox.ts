/**
 * `npx tsx bench/sandbox.ts [--rounds N]`: what the sandbox (SES: `lockdown()` + one Compartment
 * per Run, src/compiler/sandbox.ts) costs. Each round runs the same workloads in two fresh
 * processes, one as the app and the CLI run user code and one with the sandbox switched off
 * (`unsandboxedForBenchmarks`, for this comparison only), back to back so both see the same
 * machine; the figures are medians over the rounds, and their ratio.
 *
 * Workloads: a ring (message passing), ping-pong, spawning, a CPU-bound loop that reads
 * globals (`Math`: a Proxy lookup in a Compartment), starting a snippet (compile + load + run
 * `start`), and the recompile latency of a one-line edit (compile + load), as the editor's
 * Recompile does.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Session } from "../src/session/session";
import { unsandboxedForBenchmarks } from "../src/compiler/sandbox";
import type { Snippet } from "../src/share/snippetTypes";
import { median } from "./measure";
import { pingpongSnippet } from "./workloads/pingpong";
import { ringSnippet } from "./workloads/ring";
import { spawnSnippet } from "./workloads/spawn";
import { typescriptSeedSnippet as seedSnippet } from "../src/examples/seed";

type Figures = Record<string, number>;

const MATH_LOOP: Snippet = {
  title: "a CPU-bound loop reading globals",
  main: "Main",
  files: {
    "Main.ts": `import { spawn, log, Process } from "otp";
export function start() {
  // (From 1 ms on, where the timed advance starts.)
  spawn(async () => { await Process.sleep(1); let x = 0; for (let i = 0; i < 3_000_000; i++) x += Math.sqrt(i) % 3; log("sum " + Math.round(x)); });
}
`,
  },
};

async function session(snippet: Snippet): Promise<{ s: Session; logs: string[] }> {
  const logs: string[] = [];
  const s = new Session({ esbuild, onEvent: (e) => void (e.type === "log" && logs.push(e.text)) });
  const r = await s.start(snippet);
  if (!r.ok) throw new Error(`${snippet.title}: ${r.message}`);
  return { s, logs };
}

/** Wall ms for what the snippet does from 1 ms on (or at 0, for work `start` leaves runnable). */
async function timed(snippet: Snippet): Promise<number> {
  const { s } = await session(snippet);
  const t0 = performance.now();
  await s.advance(1);
  return performance.now() - t0;
}

async function child(): Promise<Figures> {
  const out: Figures = {};
  out["ring 1000 × 300k (ms)"] = await timed(ringSnippet(1000, 300_000, "while"));
  out["ping-pong 300k (ms)"] = await timed(pingpongSnippet(300_000));
  out["spawn 50k (ms)"] = await timed(spawnSnippet(50_000));
  out["CPU loop, 3M Math calls (ms)"] = await timed(MATH_LOOP);
  const starts: number[] = [];
  const recompiles: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const { s } = await session(seedSnippet);
    starts.push(performance.now() - t0);
    await s.advance(500);
    const files = { ...seedSnippet.files, "Counter.ts": seedSnippet.files["Counter.ts"].replace("+ 1", `+ ${i + 2}`) + `\n// edit ${i}\n` };
    const t1 = performance.now();
    const r = await s.recompile(files);
    recompiles.push(performance.now() - t1);
    if (!r.ok) throw new Error(`recompile failed: ${r.message}`);
  }
  out["start the seed snippet (ms)"] = median(starts.slice(3));
  out["recompile a one-line edit (ms)"] = median(recompiles.slice(3));
  return out;
}

if (process.argv[2] === "child") {
  if (process.argv[3] === "none") unsandboxedForBenchmarks();
  child().then((f) => process.stdout.write(JSON.stringify(f) + "\n"));
} else {
  const roundsArg = process.argv.indexOf("--rounds");
  const rounds = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 1) : 3;
  const self = fileURLToPath(import.meta.url);
  const runs: Record<"ses" | "none", Figures[]> = { ses: [], none: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? (["none", "ses"] as const) : (["ses", "none"] as const)) {
      process.stderr.write(`round ${i + 1}/${rounds}: ${kind === "ses" ? "sandboxed" : "no sandbox"}\n`);
      const r = spawnSync(process.execPath, ["--import", "tsx", self, "child", kind], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      if (r.status !== 0) throw new Error(`child ${kind} failed (${r.status})`);
      runs[kind].push(JSON.parse(r.stdout.trim().split("\n").pop()!) as Figures);
    }
  }
  const rows = Object.keys(runs.ses[0]).map((k) => {
    const ses = median(runs.ses.map((f) => f[k]));
    const none = median(runs.none.map((f) => f[k]));
    return `${k.padEnd(34)} ${ses.toFixed(1).padStart(9)} ${none.toFixed(1).padStart(11)} ${`${(ses / none).toFixed(2)}×`.padStart(7)}`;
  });
  process.stdout.write([`${"median of " + rounds + " rounds".padEnd(34)}${"sandboxed".padStart(10)} ${"no sandbox".padStart(11)}   ratio`, ...rows].join("\n") + "\n");
}
