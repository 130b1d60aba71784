/**
 * Every built-in demo, in Elixir and in its TypeScript twin, run headless through the real CLI
 * (`npm run cli -- run FILE.json`), as a teacher would: it exits 0 and prints a green line for
 * each of its lesson checks. A demo whose
 * check fails makes the CLI exit 2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lessons } from "./index";
import type { Snippet } from "../share/snippetTypes";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "demo-cli-"));

function runCli(name: string, snippet: Snippet) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(snippet));
  const last = Math.max(0, ...(snippet.script ?? []).map((s) => s.at), ...(snippet.checks ?? []).map((c) => c.at));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", file, "--until", String(last + 1000)], {
    cwd: ROOT, encoding: "utf8", timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

describe("the demos through the CLI", () => {
  for (const demo of lessons) {
    it(`${demo.key} (${demo.language}) exits 0 with every check green`, () => {
      const r = runCli(demo.key.replace("/", "-"), demo.snippet);
      const passed = r.stdout.split("\n").filter((l) => / check ✓ /.test(l));
      const failed = r.stdout.split("\n").filter((l) => /check ✗/.test(l));
      expect(failed, r.stdout + r.stderr).toEqual([]);
      expect(passed.length, r.stdout + r.stderr).toBe(demo.snippet.checks?.length ?? 0);
      expect(r.status, r.stderr).toBe(0);
    }, 60_000);
  }

  it("exits 2 when a lesson check fails, and says which", () => {
    const demo = lessons[0];
    const broken: Snippet = { ...demo.snippet, checks: [{ at: 10, eval: "1 + 1", equals: 3, say: "one and one make three" }] };
    const r = runCli("broken", broken);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/check ✗ one and one make three \(expected 3, got 2\)/);
  }, 60_000);
});
