/**
 * The actions one can take on a process from the page (the inspector's "Act" section and a row's
 * context menu), as pokes for the worker. Terms are typed in the snippet's language: an atom is
 * `:kill` in an Elixir snippet and `"kill"` in the TypeScript dialect (where atoms are strings).
 */
import type { Lane } from "../store/model";
import type { Poke, PokeKind } from "../../share/snippetTypes";
import { appStore } from "../store/appStore";
import { poke } from "../app/controller";
import { isElixirFiles } from "../language";

export type SnippetLanguage = "elixir" | "typescript";

export function snippetLanguage(files: Record<string, string>): SnippetLanguage {
  return isElixirFiles(files) ? "elixir" : "typescript";
}

/** An atom written as the snippet's language writes it. */
export function atom(name: string, language = snippetLanguage(appStore.getState().files)): string {
  return language === "elixir" ? `:${name}` : JSON.stringify(name);
}

/** The standard exit reasons offered first (a custom term is typed). */
export const EXIT_REASONS = ["kill", "shutdown", "normal"] as const;

export function isBehaviour(lane: Lane): boolean {
  return lane.kind === "gen_server" || lane.kind === "supervisor" || lane.kind === "dynamic_supervisor";
}

/** Which actions make sense for this process (sys requests only for a GenServer or supervisor). */
export function actionsFor(lane: Lane): PokeKind[] {
  if (lane.status === "dead") return [];
  const all: PokeKind[] = ["exit", "send"];
  if (isBehaviour(lane)) all.push(lane.status === "suspended" ? "resume" : "suspend", "get_state", "replace_state");
  if (lane.kind === "gen_server") all.push("crash_next");
  return all;
}

export function act(lane: Lane, what: PokeKind, term?: string): Promise<boolean> {
  const p: Poke = term === undefined ? { process: lane.pid, do: what } : { process: lane.pid, do: what, term };
  return poke(p);
}
