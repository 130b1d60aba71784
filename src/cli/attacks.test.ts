/**
 * Every hostile snippet of e2e/security/attacks through the real CLI, as a teacher would run a
 * stranger's file: no command runs (no marker file appears), no request leaves (a loopback
 * server stands for "outside" and must record nothing), nothing is written, and each run ends
 * within 60 s with a clear message and exit status. Runs three at a time (each is mostly
 * waiting for its own node to start).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ATTACKS = join(ROOT, "e2e/security/attacks");
/** Written by the attacks that try to run a command or write a file. */
const MARKER = "/tmp/hotswap-playground-pwned";
/** The "outside" origin: a loopback port in this suite's range (E2E_PORT + 1), or any free one. */
const OUTSIDE_PORT = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 1 : 0;

type Outcome = { name: string; status: number | null; signal: string | null; ms: number; stdout: string; stderr: string };

function runCli(file: string): Promise<Omit<Outcome, "name">> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", file], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    // Keep only the ends: a flood prints millions of lines, and only the last ones say how it ended.
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout = (stdout + d.toString()).slice(-8000)));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
    const killer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (status, signal) => {
      clearTimeout(killer);
      resolve({ status, signal, ms: performance.now() - t0, stdout, stderr });
    });
  });
}

describe("every hostile snippet through the CLI", () => {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end("ok");
  });
  const outcomes: Outcome[] = [];
  const dir = mkdtempSync(join(tmpdir(), "cli-attacks-"));

  beforeAll(async () => {
    rmSync(MARKER, { force: true });
    await new Promise<void>((resolve) => server.listen(OUTSIDE_PORT, "127.0.0.1", resolve));
    const outside = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const names = readdirSync(ATTACKS).filter((f) => f.endsWith(".json")).sort();
    const queue = [...names];
    const worker = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const file = join(dir, name);
        writeFileSync(file, readFileSync(join(ATTACKS, name), "utf8").replaceAll("http://outside.invalid", outside));
        outcomes.push({ name, ...(await runCli(file)) });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }, 900_000);

  afterAll(() => {
    server.close();
  });

  it("found the attacks", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(30);
  });

  it("lets no request reach the outside server", () => {
    expect(requests).toEqual([]);
  });

  it("runs no command and writes no file", () => {
    expect(existsSync(MARKER)).toBe(false);
  });

  it("ends each run within 60 s, by itself, with an exit status and no internal error", () => {
    const bad = outcomes.filter((o) => o.signal !== null || o.status === null || o.ms > 60_000 || /internal error/.test(o.stderr));
    expect(bad.map((o) => `${o.name}: status ${o.status}, signal ${o.signal}, ${Math.round(o.ms)} ms, ${o.stderr.slice(-300)}`)).toEqual([]);
  });

  it("says why when it stops a run or refuses a snippet", () => {
    for (const o of outcomes) {
      if (o.status === 3) expect(o.stderr, o.name).toMatch(/^stopped: /m);
      if (o.status === 1) expect(o.stderr, o.name).toMatch(/error: |too big: /);
    }
    const status = (name: string) => {
      const o = outcomes.find((x) => x.name === name)!;
      return `${name} ${o.status} ${o.stderr.split("\n").filter(Boolean).at(-1)}`;
    };
    expect(status("files-10000.json")).toMatch(/^files-10000.json 1 .*too big: the snippet has 10,001 files; a snippet may have at most 50$/);
    expect(status("guard-rebind.json")).toMatch(/^guard-rebind.json 1 .*"__budget" is a name the playground keeps/);
    expect(status("flood-ping-pong.json")).toMatch(/^flood-ping-pong.json 3 stopped: virtual time is stuck at 0 ms/);
    // (About 5 s to the process limit on an idle machine; on one loaded many times over, the
    // wall-time limit may come first. Either way the run stops and says why.)
    expect(status("flood-fork-bomb.json")).toMatch(/^flood-fork-bomb.json 3 stopped: (the snippet reached the process limit|virtual time is stuck|the run took more than 40 s)/);
    expect(status("hang-microtask.json")).toMatch(/^hang-microtask.json 3 stopped: user code cannot run outside a process/);
    // Its lines are cut to 10,000 characters, so on an idle machine the run reaches its end (exit 0);
    // on a loaded one the wall-time limit may come first. Either way it ends, and says why if stopped.
    expect(status("big-lines-flood.json")).toMatch(/^big-lines-flood.json (0 |3 stopped: the run took more than 40 s of wall time)/);
  });
});
