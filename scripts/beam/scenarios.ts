/**
 * The Elixir conformance scenarios (conformance/elixir/<name>/): each folder holds its `.ex`
 * files, `script.json` ({title, until, main?, grain?, script}, a SPEC §5 script whose `edit` values may
 * be `"@later/counter.ex"`, a file of the folder) and the assembled `snippet.json` (SPEC §5/§10:
 * the `.ex` files inline, the steps with their edits inline), which the engine's test runs.
 * `until` is how long both runs last (ms). `assemble` builds the snippet from the plain files; the recorder checks the committed
 * snippet.json is that assembly, so the plain files and the snippet cannot drift apart.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScriptStep, Snippet } from "../../src/share/snippetTypes";

export const SCENARIOS = fileURLToPath(new URL("../../conformance/elixir", import.meta.url));

/** Every time a scenario can produce is a multiple of its grain (ms); see normalize.ts. */
export const DEFAULT_GRAIN = 100;

export type Scenario = { name: string; dir: string; snippet: Snippet; until: number; grain: number };

type ScriptFile = { title?: string; until: number; main?: string; grain?: number; script?: ScriptStep[] };

export function scenarioNames(): string[] {
  if (!existsSync(SCENARIOS)) return [];
  return readdirSync(SCENARIOS).filter((name) => existsSync(join(SCENARIOS, name, "script.json"))).sort();
}

export function assemble(name: string): Scenario {
  const dir = join(SCENARIOS, name);
  const script = JSON.parse(readFileSync(join(dir, "script.json"), "utf8")) as ScriptFile;
  if (typeof script.until !== "number") throw new Error(`${name}/script.json: "until" (ms) is required`);
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ex")).sort()) files[file] = readFileSync(join(dir, file), "utf8");
  if (Object.keys(files).length === 0) throw new Error(`${name}: no .ex files`);
  const steps = (script.script ?? []).map((step) => {
    if (!step.edit) return step;
    const edit: Record<string, string> = {};
    for (const [file, text] of Object.entries(step.edit))
      edit[file] = text.startsWith("@") ? readFileSync(join(dir, text.slice(1)), "utf8") : text;
    return { ...step, edit };
  });
  const snippet: Snippet = {
    ...(script.title !== undefined && { title: script.title }),
    files,
    main: script.main ?? "Main",
    ...(steps.length > 0 && { script: steps }),
  };
  return { name, dir, snippet, until: script.until, grain: script.grain ?? DEFAULT_GRAIN };
}

export function snippetText(snippet: Snippet): string {
  return `${JSON.stringify(snippet, null, 2)}\n`;
}
