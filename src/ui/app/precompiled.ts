/**
 * Which snippets can run before the compiler is loaded: a built-in one, unchanged (its
 * transforms were computed at build time and ship as a small chunk per snippet). The page
 * sends that table with Run; anything else waits for esbuild-wasm in the worker.
 */
import { tables } from "virtual:precompiled-lessons";
import type { PrecompiledTable } from "../../compiler/precompiled";
import type { Snippet } from "../../share/snippetTypes";
import { builtInIdOf } from "../../examples/builtIn";
import type { AppState } from "../store/appStore";
import { isElixirFiles } from "../language";

const idCache = new WeakMap<object, { script: AppState["script"]; id: string | null }>();

/** The built-in snippet the editor holds unchanged (remembered per files object: a store selector calls this often). */
export function builtInIdOfState(s: Pick<AppState, "files" | "script">): string | null {
  const cached = idCache.get(s.files);
  if (cached && cached.script === s.script) return cached.id;
  const id = builtInIdOf({ files: s.files, script: s.script });
  idCache.set(s.files, { script: s.script, id });
  return id;
}

/**
 * Run can start now: the compiler is ready, or the snippet needs none (an Elixir snippet compiles
 * without esbuild; a built-in one replays precompiled).
 */
export function canRun(s: AppState): boolean {
  return s.compiler.phase === "ready" || isElixirFiles(s.files) || (!disabled() && builtInIdOfState(s) !== null);
}

/** A lesson's play button: playing goes back to the built-in lesson first, which needs no compiler. */
export function canPlayLesson(s: AppState): boolean {
  return canRun(s) || (!disabled() && s.demoId !== null && s.demoId in tables);
}

/** `?precompiled=0` compiles everything in the browser: to compare (an end-to-end test does) or to rule it out. */
const disabled = () => typeof location !== "undefined" && new URLSearchParams(location.search).get("precompiled") === "0";

/** The precompiled transforms for `snippet`, if it is a built-in one (loaded on first use). */
export async function precompiledFor(snippet: Snippet): Promise<PrecompiledTable | undefined> {
  if (disabled()) return undefined;
  const id = builtInIdOf(snippet);
  const load = id ? tables[id] : undefined;
  if (!load) return undefined;
  try {
    return (await load()).default;
  } catch {
    return undefined; // the chunk did not load (offline, first visit): the compiler does the job
  }
}
