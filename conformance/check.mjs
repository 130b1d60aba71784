#!/usr/bin/env node
// Runs every TypeScript scenario (conformance/typescript/*) through the project's CLI (SPEC §7)
// and compares its log with expected.json, as README.md describes. From the project's root:
//   node conformance/check.mjs [NAME...]
// It prints one line per scenario and exits 1 when any differs. It is a second opinion beside
// the project's own tests, which must run these scenarios too.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const here = join(dirname(fileURLToPath(import.meta.url)), "typescript");
const only = process.argv.slice(2);

function normalize(events) {
  const names = new Map();
  return events
    .filter((e) => e.type === "log")
    .map((e) => `${e.t} ${e.text}`.replace(/#PID<[\d.]+>/g, (p) => {
      if (!names.has(p)) names.set(p, `#PID<P${names.size + 1}>`);
      return names.get(p);
    }));
}

function firstDifference(lines, want) {
  for (let i = 0; i < Math.max(lines.length, want.length); i++) {
    const got = lines[i], w = want[i];
    if (got === undefined) return `line ${i + 1} missing; want: ${w}`;
    if (w === undefined) return `line ${i + 1} extra: ${got}`;
    const regex = w.length > 1 && w.startsWith("/") && w.endsWith("/");
    if (regex ? !new RegExp(w.slice(1, -1)).test(got) : got !== w) return `line ${i + 1}\n    got:  ${got}\n    want: ${w}`;
  }
  return null;
}

let failed = 0, total = 0;
for (const name of readdirSync(here).sort()) {
  const snippet = join(here, name, "snippet.json");
  if (!existsSync(snippet) || (only.length && !only.includes(name))) continue;
  total++;
  const expected = JSON.parse(readFileSync(join(here, name, "expected.json"), "utf8"));
  let out;
  try {
    out = execFileSync("npm", ["run", "--silent", "cli", "--", "run", snippet, "--json", "--until", String(expected.until)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
  } catch (e) {
    failed++;
    console.log(`✗ ${name}: the CLI failed: ${String(e.stderr || e.message).split("\n")[0]}`);
    continue;
  }
  const events = out.split("\n").filter((l) => l.trim().startsWith("{")).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter(Boolean);
  const why = firstDifference(normalize(events), expected.log);
  if (why) { failed++; console.log(`✗ ${name}: ${why}`); } else console.log(`✓ ${name}`);
}
console.log(`${total - failed} of ${total} scenarios match the BEAM`);
process.exit(failed ? 1 : 0);
