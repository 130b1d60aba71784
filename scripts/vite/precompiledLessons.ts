/**
 * Vite plugin: the built-in snippets' esbuild transforms, computed at build time with native
 * esbuild (src/examples/precompile.ts), as one lazily loaded chunk per snippet:
 *
 *   import { tables } from "virtual:precompiled-lessons";
 *   const table = (await tables["seed-recompile"]()).default;   // PrecompiledTable
 *
 * The page sends a lesson's table with its Run; the worker replays it without esbuild-wasm (and,
 * for an Elixir lesson, without the Elixir parser: its front end's answers are in the table too).
 * A TypeScript twin's key `<id>/ts` names its chunk `<id>--ts`.
 */
import type { Plugin } from "vite";
import { precompileSnippet } from "../../src/examples/precompile";
import { builtInSnippet, precompiledIds } from "../../src/examples/builtIn";

const INDEX = "virtual:precompiled-lessons";
const ONE = "virtual:precompiled-lesson/";
const chunkName = (key: string) => key.replace("/", "--");
const keyOf = (chunk: string) => chunk.replace("--", "/");

export function precompiledLessons(): Plugin {
  return {
    name: "precompiled-lessons",
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    async load(id) {
      if (id === `\0${INDEX}`) {
        const entries = precompiledIds.map((lesson) => `  ${JSON.stringify(lesson)}: () => import(${JSON.stringify(ONE + chunkName(lesson))}),`);
        return `export const tables = {\n${entries.join("\n")}\n};\n`;
      }
      if (id.startsWith(`\0${ONE}`)) {
        const lesson = keyOf(id.slice(ONE.length + 1));
        const snippet = builtInSnippet(lesson);
        if (!snippet) this.error(`no built-in snippet "${lesson}"`);
        const table = await precompileSnippet(snippet);
        // JSON.parse of one string literal parses faster than the same object as a JS literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`;
      }
      return null;
    },
  };
}
