#!/usr/bin/env node
// `npm test`: every test of the project, in order: types, unit and conformance (Vitest, which
// also runs the recorded BEAM scenarios in conformance/ against the runtime), then end-to-end in real Chromium.
// Ends with one summary line "N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const out = mkdtempSync(join(tmpdir(), "hotswap-test-"));
let passed = 0;
let failed = 0;
const problems = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

// 1. Types.
if (run("types", "npx", ["tsc", "--noEmit", "-p", "."]) === 0) passed++;
else { failed++; problems.push("type check"); }

// 2. Unit and conformance tests.
const vitestJson = join(out, "vitest.json");
const unitStatus = run("unit and conformance", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (r.numFailedTests || unitStatus) problems.push("unit/conformance tests");
} else { failed++; problems.push("unit/conformance tests did not report"); }

// 3. End-to-end tests.
if (process.env.SKIP_E2E) console.log("\n▶ end-to-end: skipped (SKIP_E2E is set)");
else {
  const e2eJson = join(out, "e2e.json");
  const status = run("end-to-end", "node", ["scripts/e2e.mjs"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  if (existsSync(e2eJson)) {
    const r = JSON.parse(readFileSync(e2eJson, "utf8"));
    const s = r.stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  } else if (status === 0) passed++;
  if (status !== 0) { failed += existsSync(e2eJson) ? 0 : 1; problems.push("end-to-end tests"); }
}

console.log(`\n${problems.length ? `failed: ${problems.join(", ")}` : "all green"}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || problems.length ? 1 : 0);
