/**
 * Every built-in lesson's Elixir version as a conformance scenario (conformance/elixir/lesson_<id>/),
 * so the real BEAM says what the lesson must print: its `.ex` files as they open, and its
 * script (edits, patches, actions, evals) with each lesson check typed as an eval at its time,
 * as a learner would type it in IEx (so the BEAM prints the value the check looks at). Captions
 * are left out: they print nothing.
 *
 *   npx tsx scripts/beam/lessons.ts          # fails when a lesson's scenario is out of date
 *   npx tsx scripts/beam/lessons.ts --write  # writes them; then `npm run test:beam -- --write lesson_…`
 *
 * src/examples/lessonConformance.test.ts checks that the folders are what this writes, so a
 * lesson cannot change without its recording being made again.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demos, type Demo } from "../../src/examples";
import type { ScriptStep } from "../../src/share/snippetTypes";
import { SCENARIOS } from "./scenarios";

/**
 * Virtual ms the scenario runs past the lesson's last step or check that does something. Not a
 * multiple of the 100 ms grain, so no line can fall on the end itself (BEAM lines come a few ms
 * either side of theirs); and short, because after a restart the BEAM's processes start late by
 * Mix's compile time (~100 ms), so their later ticks are not the engine's.
 */
const TAIL_MS = 450;

export function lessonScenarioName(demo: Demo): string {
  return `lesson_${demo.id.replace(/-/g, "_")}`;
}

/** The folder's files (name → text): the `.ex` files and script.json. */
export function lessonScenarioFiles(demo: Demo): Record<string, string> {
  const { snippet } = demo.elixir;
  const steps: ScriptStep[] = [];
  const timeline = [
    ...(snippet.script ?? []).map((step, i) => ({ at: step.at, order: i, step })),
    ...(snippet.checks ?? []).map((check, i) => ({ at: check.at, order: 10_000 + i, step: { at: check.at, eval: check.eval } as ScriptStep })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { step } of timeline) {
    const { say: _say, ...rest } = step;
    if (Object.keys(rest).length > 1) steps.push(rest);
  }
  const last = Math.max(...steps.map((s) => s.at));
  const script = {
    title: `Lesson ${demo.id} (src/examples/demos/${demo.id}.ts), its checks typed as evals: ${demo.title}`,
    until: last + TAIL_MS,
    ...(snippet.main !== "Main" && { main: snippet.main }),
    script: steps,
  };
  return { ...snippet.files, "script.json": `${JSON.stringify(script, null, 2)}\n` };
}

/** Names of the folders whose files differ from what the lessons make. */
export function staleLessonScenarios(): string[] {
  return demos.filter((demo) => {
    const dir = join(SCENARIOS, lessonScenarioName(demo));
    if (!existsSync(dir)) return true;
    const want = lessonScenarioFiles(demo);
    const have = readdirSync(dir).filter((f) => f.endsWith(".ex") || f === "script.json");
    return have.length !== Object.keys(want).length || have.some((f) => readFileSync(join(dir, f), "utf8") !== want[f]);
  }).map(lessonScenarioName);
}

function write(demo: Demo): void {
  const dir = join(SCENARIOS, lessonScenarioName(demo));
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith(".ex")) rmSync(join(dir, f));
  for (const [file, text] of Object.entries(lessonScenarioFiles(demo))) writeFileSync(join(dir, file), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stale = staleLessonScenarios();
  if (process.argv.includes("--write")) {
    for (const demo of demos) if (stale.includes(lessonScenarioName(demo))) write(demo);
    console.log(stale.length ? `wrote ${stale.join(", ")}: now record them with npm run test:beam -- --write ${stale.join(" ")}` : "every lesson's scenario is up to date");
  } else if (stale.length) {
    console.error(`out of date: ${stale.join(", ")} (npx tsx scripts/beam/lessons.ts --write)`);
    process.exit(1);
  } else console.log("every lesson's scenario is up to date");
}
