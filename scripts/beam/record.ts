/**
 * `npm run test:beam [-- --write] [--jobs=N] [NAME...]`: runs every Elixir conformance scenario
 * (conformance/elixir/<name>/) on the real BEAM (runBeam.ts) and compares what it printed,
 * normalised (normalize.ts), with the committed expected.json. Exits 1 when a recording drifts
 * from the committed one, when snippet.json is not the assembly of the folder's plain files, or
 * when `elixir` is missing. `--write` records new scenarios and rewrites drifted ones
 * (expected.json, beam.txt, snippet.json) instead of failing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeLines, virtualTime } from "./normalize";
import { type BeamLine, runOnBeam } from "./runBeam";
import { type Scenario, assemble, scenarioNames, snippetText } from "./scenarios";

type Expected = { until: number; grain: number; log: string[] };

const args = process.argv.slice(2);
const write = args.includes("--write");
const jobs = Number(args.find((a) => a.startsWith("--jobs="))?.slice(7) ?? 8);
const only = args.filter((a) => !a.startsWith("--"));

function versions(): string {
  try {
    const out = execFileSync("elixir", ["--version"], { encoding: "utf8" });
    const otp = /Erlang\/OTP \d+ \[erts-[\d.]+\]/.exec(out)?.[0] ?? "Erlang/OTP ?";
    const ex = /Elixir [\d.]+/.exec(out)?.[0] ?? "Elixir ?";
    return `${ex} on ${otp}`;
  } catch {
    console.error("test:beam needs the real BEAM: `elixir` is not on PATH (apt-get install -y elixir erlang-dev erlang-tools)");
    process.exit(1);
  }
}

export function expectedOf(scenario: Scenario, lines: readonly BeamLine[]): Expected {
  const log = lines.filter((l) => l.kind === "log" && l.t < scenario.until);
  return {
    until: scenario.until,
    grain: scenario.grain,
    log: normalizeLines(log.map((l) => ({ t: virtualTime(l.t, scenario.grain), text: l.text }))),
  };
}

function expectedText(expected: Expected): string {
  const log = expected.log.map((line) => `    ${JSON.stringify(line)}`).join(",\n");
  return `{ "until": ${expected.until}, "grain": ${expected.grain},\n  "log": [\n${log}\n  ] }\n`;
}

function beamText(scenario: Scenario, lines: readonly BeamLine[], beam: string): string {
  const header = [
    `# conformance/elixir/${scenario.name}: what the real BEAM printed (${beam}),`,
    "# recorded by `npm run test:beam -- --write` (scripts/beam/). Columns: wall-clock ms since",
    "# Main.start(), kind, process, text. \"log\" lines are the scenario's log: expected.json holds them",
    `# with times floored to the ${scenario.grain} ms grain. "report" lines are OTP's crash reports as`,
    "# Logger prints them, \"note\" lines the recorder's own (actions, Mix's output): not compared.",
  ];
  const body = lines.map((l) => {
    const head = `${l.t.toFixed(1).padStart(8)}  ${l.kind.padEnd(6)} ${l.pid.padEnd(15)} `;
    return head + l.text.split("\n").join(`\n${" ".repeat(head.length)}`);
  });
  return `${[...header, ...body].join("\n")}\n`;
}

/** How close the latest line came to the next grid point: the recording's safety margin. */
function margin(scenario: Scenario, lines: readonly BeamLine[]): string {
  const late = Math.max(0, ...lines.filter((l) => l.kind === "log").map((l) => l.t - virtualTime(l.t, scenario.grain)));
  const warn = late > scenario.grain / 2 ? " (more than half the grain: fragile)" : "";
  return `(latest line ${late.toFixed(1)} ms after its time, grain ${scenario.grain} ms${warn})`;
}

function firstDifference(got: string[], want: string[]): string {
  for (let i = 0; i < Math.max(got.length, want.length); i++)
    if (got[i] !== want[i]) return `line ${i + 1}\n    now:       ${got[i] ?? "(none)"}\n    committed: ${want[i] ?? "(none)"}`;
  return "the same lines";
}

/**
 * Lines printed at the same ms by different processes have no order on the BEAM (two timers
 * firing at once run in whichever order the schedulers pick, and a loaded machine flips it), so
 * drift is judged with the lines of each ms in one canonical order. The engine's own order is
 * deterministic and is what the committed file keeps.
 */
function sameMsInOrder(e: Expected): Expected {
  const at = (line: string) => Number(line.slice(0, line.indexOf(" ")));
  const log = [...e.log].sort((a, b) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { ...e, log };
}

async function check(name: string, beam: string): Promise<string | null> {
  const scenario = assemble(name);
  const problems: string[] = [];
  const snippetFile = join(scenario.dir, "snippet.json");
  const snippet = snippetText(scenario.snippet);
  if (!existsSync(snippetFile) || readFileSync(snippetFile, "utf8") !== snippet) {
    if (write) writeFileSync(snippetFile, snippet);
    else problems.push("snippet.json is not the assembly of the folder's .ex files and script.json");
  }
  const lines = await runOnBeam(scenario, scenario.until);
  const expected = expectedOf(scenario, lines);
  const expectedFile = join(scenario.dir, "expected.json");
  const committed = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, "utf8")) as Expected) : null;
  const same = committed !== null && JSON.stringify(sameMsInOrder(committed)) === JSON.stringify(sameMsInOrder(expected));
  if (!same) {
    if (write) {
      writeFileSync(expectedFile, expectedText(expected));
      writeFileSync(join(scenario.dir, "beam.txt"), beamText(scenario, lines, beam));
      console.log(`✎ ${name}: recorded (${expected.log.length} log lines) ${margin(scenario, lines)}`);
    } else if (!committed) problems.push("no expected.json yet (run with --write)");
    else if (committed.until !== expected.until || committed.grain !== expected.grain)
      problems.push(`until/grain changed: now ${expected.until}/${expected.grain}, committed ${committed.until}/${committed.grain}`);
    else problems.push(`the BEAM now prints something else: ${firstDifference(sameMsInOrder(expected).log, sameMsInOrder(committed).log)}`);
  }
  if (problems.length) return `✗ ${name}: ${problems.join("; ")}`;
  if (same) console.log(`✓ ${name} ${margin(scenario, lines)}`);
  return null;
}

async function main(): Promise<void> {
  const beam = versions();
  const names = scenarioNames().filter((n) => only.length === 0 || only.includes(n));
  const unknown = only.filter((n) => !scenarioNames().includes(n));
  if (unknown.length) throw new Error(`no such scenario: ${unknown.join(", ")}`);
  console.log(`Recording ${names.length} scenarios on ${beam}, ${jobs} at a time…`);
  const started = Date.now();
  const failures: string[] = [];
  const queue = [...names];
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      try {
        const failure = await check(name, beam);
        if (failure) { failures.push(failure); console.log(failure); }
      } catch (e) {
        const failure = `✗ ${name}: ${(e as Error).message}`;
        failures.push(failure);
        console.log(failure);
      }
    }
  }));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`${names.length - failures.length} of ${names.length} scenarios print what their recording says (${seconds} s)`);
  // The exported Mix projects, replayed in a real `iex -S mix` in real time (src/export/mixProject.test.ts).
  let exportStatus = 0;
  if (only.length === 0) {
    console.log("Replaying exported Mix projects in iex -S mix…");
    exportStatus = spawnSync("npx", ["vitest", "run", "src/export/mixProject.test.ts"], { stdio: "inherit", env: { ...process.env, BEAM_LIVE: "1" } }).status ?? 1;
  }
  process.exit(failures.length || exportStatus ? 1 : 0);
}

await main();
