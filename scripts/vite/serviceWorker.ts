/**
 * Writes dist/sw.js (src/sw/serviceWorker.ts, bundled by native esbuild) with the list of this
 * build's files to cache and a version: a hash of every file's name and the page's content, so
 * any change to the build makes a new service worker. Source maps and precompressed copies are
 * not cached (the browser decodes what the server sent), nor the chunks of Monaco's other
 * languages (bundled because Monaco registers them all, loaded only for a model in that language:
 * the editor has TypeScript files, and Elixir ones on the elixir branch).
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import * as esbuild from "esbuild";

export const SERVICE_WORKER_FILE = "sw.js";

/** Languages the editor uses; Monaco's chunks for every other one stay out of the cache. */
const EDITOR_LANGUAGES = new Set(["typescript", "javascript", "elixir"]);

function unusedMonacoChunk(root: string): (file: string) => boolean {
  const dir = join(root, "node_modules/monaco-editor/esm/vs/languages/definitions");
  const others = readdirSync(dir).filter((name) => !EDITOR_LANGUAGES.has(name) && statSync(join(dir, name)).isDirectory());
  others.push("css.worker", "html.worker", "json.worker", "cssMode", "htmlMode", "jsonMode");
  const names = new Set(others);
  return (file) => {
    const m = /^assets\/(.+)-[A-Za-z0-9_-]{8}\.js$/.exec(file);
    return !!m && names.has(m[1]);
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function writeServiceWorker(outDir: string, root: string): { files: number; version: string } {
  const unused = unusedMonacoChunk(root);
  const precache = filesUnder(outDir)
    .map((f) => relative(outDir, f).split(sep).join("/"))
    .filter((f) => f !== SERVICE_WORKER_FILE && !/\.(map|br|gz)$/.test(f) && !unused(f))
    .sort();
  const version = createHash("sha256")
    .update(precache.join("\n"))
    .update(readFileSync(join(outDir, "index.html")))
    .digest("hex")
    .slice(0, 12);
  const built = esbuild.buildSync({
    entryPoints: [join(root, "src/sw/serviceWorker.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2022",
    minify: true,
    define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
  });
  writeFileSync(join(outDir, SERVICE_WORKER_FILE), built.outputFiles[0].text);
  return { files: precache.length, version };
}
