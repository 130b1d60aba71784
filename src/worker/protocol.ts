/**
 * The page ⇄ worker contract, types only. Every message carries a literal `type`; requests that
 * expect an answer carry an `id` and are answered by a `reply` with the same id (or fail loudly
 * when the worker dies). Events flow worker → page in batches, at most one per animation frame.
 */
import type { TraceEvent } from "../runtime/events";
import type { Poke, Snippet } from "../share/snippetTypes";
import type { PrecompiledTable } from "../compiler/precompiled";
import type { ActionResult, Diagnostic, ProcessSnapshot } from "../session/types";

export type PageToWorker =
  /**
   * Compile and load every file, start `main` in a fresh shell at t = 0 (the Run button).
   * `holdAt`: virtual time stops there (a lesson's end), as `clock.holdAt` does. `precompiled`:
   * a built-in snippet's transforms, computed at build time, so it runs before the compiler loads.
   */
  | { type: "run"; id: number; snippet: Snippet; speed: number; paused?: boolean; holdAt?: number | null; precompiled?: PrecompiledTable }
  /** Load the compiler now (in the background) rather than at the first compile it is needed for. */
  | { type: "loadCompiler" }
  | { type: "recompile"; id: number; files: Record<string, string> }
  | { type: "upgrade"; id: number; files: Record<string, string>; extra?: unknown }
  | { type: "restart"; id: number; files: Record<string, string> }
  /**
   * A console line (or a script's eval). `files`: the editor's files, for the IEx helpers that
   * act on them (`recompile()`, `r(Mod)`, SPEC §10). Answered once the shell has run the line.
   */
  | { type: "eval"; id: number; expr: string; files?: Record<string, string> }
  /**
   * Virtual time control: speed 0.1–100, pause, step to the next event. `holdAt`: virtual time
   * stops there until the hold is lifted (`null`), so a caption can be read before the next one
   * comes (a reading pause; the page lifts it).
   */
  | { type: "clock"; speed?: number; paused?: boolean; holdAt?: number | null }
  /** Forget the running session (the page loaded other files): the page shows an empty timeline. */
  | { type: "clear"; id: number }
  | { type: "step"; id: number }
  | { type: "inspect"; id: number; pid: string }
  /** Act on a process from outside (the inspector): answered with `ok`, or the reason it was not done. */
  | { type: "poke"; id: number; poke: Poke }
  /** Emit `send` events (the timeline's message view), for this session and the next ones. */
  | { type: "traceSends"; on: boolean }
  | { type: "ping"; id: number };

export type WorkerToPage =
  /**
   * The compiler's loading progress (`message` says which step); `ready` once esbuild-wasm
   * answered a warm-up transform. Before the first status it is not loading at all (idle).
   */
  | { type: "status"; phase: "loading" | "ready" | "failed"; message?: string; ms?: number }
  | { type: "events"; events: TraceEvent[]; now: number; dropped?: number }
  /** A fresh session begins (Run): the page drops what it shows; its events follow this message. */
  | { type: "reset"; now: number }
  /** The session's files changed by itself (a script's `edit`/`patch`): the editor shows them. */
  | { type: "files"; files: Record<string, string> }
  /** `halted`: why the runtime stopped the system for good (a livelock, the process limit); nothing runs after it. */
  | { type: "clock"; now: number; speed: number; paused: boolean; idle: boolean; holding?: boolean; halted?: string }
  | { type: "reply"; id: number; ok: true; result: ActionResult | EvalResult | ProcessSnapshot | PokeResult | null }
  | { type: "reply"; id: number; ok: false; error: string; diagnostics?: Diagnostic[] };

/** `at`: the IEx prompt's number the line ran at; `prompt`: the next one; `action`: what `recompile()`/`r(Mod)` did. */
export type EvalResult = { text: string | null; at?: number; prompt?: number; action?: ActionResult };
export type PokeResult = { ok: true } | { ok: false; error: string };

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
