/**
 * A lesson's script edits the files as it plays (`edit`/`patch` steps), and the editor shows the
 * edit. The worker says when that happened, but the page never takes file contents from the
 * worker: the worker runs a link's code, and whatever the page loads ends up in the visitor's
 * saved draft. So the page derives the files itself, from the script it holds (the one the user
 * opened), and uses the worker's `files` notice only as a claim to check: it is accepted when it
 * equals what the page gets by playing the script's next edit steps, or one of them alone (a step
 * whose recompile failed leaves the running files as they were). Anything else is ignored.
 */
import { applyStepEdits } from "../../share/snippet";
import type { ScriptStep } from "../../share/snippetTypes";

type Files = Record<string, string>;

/** The files as the page last knew them to run, and how far (in play order) the script got. */
export type ScriptProgress = { files: Files; nextStep: number };

/** Steps in the order a session plays them: by time, ties in script order. */
function playOrder(script: readonly ScriptStep[]): ScriptStep[] {
  return script.map((step, i) => ({ step, i })).sort((a, b) => a.step.at - b.step.at || a.i - b.i).map((x) => x.step);
}

function sameFiles(a: Files, b: Files): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * The files the script's steps from `from.nextStep` on produce that equal `claimed`, derived from
 * `from.files` and the steps alone, with the index of the step after the last one used; null if
 * no such files exist (the claim is not the script's doing).
 */
export function filesFromScript(script: readonly ScriptStep[] | undefined, from: ScriptProgress, claimed: Files): ScriptProgress | null {
  const steps = playOrder(script ?? []);
  let played = from.files;
  for (let i = from.nextStep; i < steps.length; i++) {
    const step = steps[i];
    if (!step.edit && !step.patch) continue;
    // This step alone on the files as they were before the steps that did not take.
    const alone = applyStepEdits(from.files, step);
    const together = applyStepEdits(played, step);
    if (together.ok) {
      if (sameFiles(together.files, claimed)) return { files: together.files, nextStep: i + 1 };
      played = together.files;
    }
    if (alone.ok && sameFiles(alone.files, claimed)) return { files: alone.files, nextStep: i + 1 };
  }
  return null;
}
