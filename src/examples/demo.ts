/**
 * A built-in teaching demo: a snippet whose script plays a short story on the timeline (its
 * `say` captions tell the viewer where to look) and whose checks turn "did it happen?" into a
 * green tick, plus a plain-words explanation for someone who has never used Elixir.
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

export type Demo = {
  /** URL-safe (`#example/<id>`), unique. */
  id: string;
  title: string;
  /** One line, for the examples menu. */
  summary: string;
  snippet: Snippet;
  explanation: Explanation;
  /** A lesson about messages: opening it turns the timeline's message arrows on (the visitor can turn them off). */
  messages?: true;
};
