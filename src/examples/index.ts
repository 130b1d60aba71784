/**
 * The built-in demos, in teaching order, and their lessons by key: a demo's id opens its Elixir
 * version (`#example/seed-recompile`), the id with `/ts` its TypeScript twin
 * (`#example/seed-recompile/ts`). A key is what the store, the draft and the precompiled tables
 * remember, so the two twins are two lessons with one story.
 */
import type { Demo, Explanation, LessonLanguage } from "./demo";
import type { Snippet } from "../share/snippetTypes";
import { seedRecompile } from "./demos/seed-recompile";
import { upgradeCodeChange } from "./demos/upgrade-code-change";
import { recompileUpgradeRestart } from "./demos/recompile-upgrade-restart";
import { modulesDontOwnProcesses } from "./demos/modules-dont-own-processes";
import { loopsAndPurge } from "./demos/loops-and-purge";
import { removedFunction } from "./demos/removed-function";
import { supervisorCrash } from "./demos/supervisor-crash";
import { linksMonitors } from "./demos/links-monitors";
import { callTimeout } from "./demos/call-timeout";
import { selectiveReceive } from "./demos/selective-receive";

export type { Demo, LessonLanguage } from "./demo";

export const demos: Demo[] = [seedRecompile, upgradeCodeChange, recompileUpgradeRestart, modulesDontOwnProcesses, loopsAndPurge, removedFunction, supervisorCrash, linksMonitors, selectiveReceive, callTimeout];

export const LANGUAGES: LessonLanguage[] = ["elixir", "typescript"];

/** The suffix of a TypeScript twin's key and short link. */
const TS_SUFFIX = "/ts";

export type Lesson = {
  /** `<id>` or `<id>/ts`: the short link is `#example/<key>`. */
  key: string;
  demo: Demo;
  language: LessonLanguage;
  snippet: Snippet;
  explanation: Explanation;
};

export function lessonKey(id: string, language: LessonLanguage): string {
  return language === "typescript" ? id + TS_SUFFIX : id;
}

export function findDemo(id: string): Demo | undefined {
  return demos.find((d) => d.id === id);
}

/** The lesson a key names (`seed-recompile`, `seed-recompile/ts`), or undefined. */
export function findLesson(key: string): Lesson | undefined {
  const language: LessonLanguage = key.endsWith(TS_SUFFIX) ? "typescript" : "elixir";
  const demo = findDemo(language === "typescript" ? key.slice(0, -TS_SUFFIX.length) : key);
  if (!demo) return undefined;
  return { key, demo, language, ...demo[language] };
}

/** Every lesson: each demo in Elixir, then its TypeScript twin. */
export const lessons: Lesson[] = demos.flatMap((d) => LANGUAGES.map((l) => findLesson(lessonKey(d.id, l))!));

/**
 * The key of the lesson these files are a version of: `key` itself when the files are in its
 * language, else its twin's (a draft saved before the twins existed names the demo by id but
 * holds its TypeScript files); undefined for no such lesson.
 */
export function lessonKeyFor(key: string, files: Record<string, string>): string | undefined {
  const lesson = findLesson(key);
  if (!lesson) return undefined;
  const names = Object.keys(files);
  const language: LessonLanguage = names.length > 0 && names.every((f) => f.endsWith(".ex") || f.endsWith(".exs")) ? "elixir" : "typescript";
  return lessonKey(lesson.demo.id, language);
}
