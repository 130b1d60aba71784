/** The snippet (SPEC §5): the format of share links, built-in examples and CLI input. */

export type Patch = { file: string; find: string; replace: string };

export type Action = "recompile" | "upgrade" | "restart";

export type PokeKind = "exit" | "send" | "suspend" | "resume" | "get_state" | "replace_state" | "crash_next";
/**
 * An action on a running process, as the inspector does it: `process` is a registered name or a
 * pid ("#PID<0.102.0>"); `term` is an expression in the snippet's language, required for `exit`
 * (the reason), `send` (the message) and `replace_state` (the new state), and not allowed otherwise.
 */
export type Poke = { process: string; do: PokeKind; term?: string };

export type ScriptStep = {
  at: number;
  edit?: Record<string, string>;
  patch?: Patch[];
  action?: Action;
  eval?: string;
  poke?: Poke;
  say?: string;
  extra?: unknown;
};

/** A lesson check (issue 4): at `at` the expression is evaluated in the shell and compared. */
export type Check = { at: number; eval: string; equals: unknown; say: string };

export type Snippet = {
  title?: string;
  files: Record<string, string>;
  main: string;
  script?: ScriptStep[];
  checks?: Check[];
};
