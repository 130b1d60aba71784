/** The snippet (SPEC §5): the format of share links, built-in examples and CLI input. */

export type Patch = { file: string; find: string; replace: string };

export type Action = "recompile" | "upgrade" | "restart";

export type ScriptStep = {
  at: number;
  edit?: Record<string, string>;
  patch?: Patch[];
  action?: Action;
  eval?: string;
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
