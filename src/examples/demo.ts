/**
 * A built-in teaching demo: a snippet whose script plays a short story on the timeline (its
 * `say` captions tell the viewer where to look) and whose checks turn "did it happen?" into a
 * green tick, plus a plain-words explanation for someone who has never used Elixir.
 *
 * Every demo is written twice, as twins telling the same story: in Elixir (what opens by
 * default, `#example/<id>`) and in the playground's TypeScript dialect (`#example/<id>/ts`).
 * Each twin has its own files, script, checks (in its own language) and explanation, since the
 * captions name the functions and print the terms as that language writes them.
 */
import type { Snippet } from "../share/snippetTypes";

export type DocLink = { label: string; url: string };

export type Explanation = {
  /** What to look at on the timeline while it plays. */
  watch: string;
  /** Why it behaves that way. */
  why: string;
  /** What Elixir and Erlang do, with the IEx / Mix commands that do it there. */
  beam: string;
  /** Official documentation. */
  docs: DocLink[];
};

export type LessonLanguage = "elixir" | "typescript";

/** One language's version of a demo. `snippet.title` is the demo's title. */
export type LessonTwin = { snippet: Snippet; explanation: Explanation };

export type Demo = {
  /** URL-safe (`#example/<id>`), unique. */
  id: string;
  title: string;
  /** One line, for the examples menu. */
  summary: string;
  /** The version that opens by default. */
  elixir: LessonTwin;
  /** The same story in the TypeScript dialect. */
  typescript: LessonTwin;
  /** A lesson about messages: opening it turns the timeline's message arrows on (the visitor can turn them off). */
  messages?: true;
};
