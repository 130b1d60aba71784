// `npm start`: serve the built app at http://localhost:5173 as a static host would (precompressed,
// cached, offline-capable). Builds first when there is no build or a source is newer than it: the
// first start of a fresh clone builds (about a minute here; compressing esbuild.wasm is most of
// it, and that result is cached in node_modules/.cache), later starts serve at once.
// `npm run dev` is Vite's dev server with hot reload instead.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { serveStatic } from "./serve.mjs";

const SOURCES = ["src", "public", "scripts/vite", "index.html", "vite.config.ts", "package-lock.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = existsSync("dist/sw.js") ? statSync("dist/sw.js").mtimeMs : 0;
if (!built || Math.max(...SOURCES.map(newest)) > built) {
  console.log(built ? "Sources changed since the last build: building…" : "No build yet: building (the first time takes about a minute)…");
  const r = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = Number(process.env.PORT ?? 5173);
const { url } = await serveStatic({ dir: "dist", port });
console.log(`hotswap playground: ${url}  (Ctrl+C stops; \`npm run dev\` for hot reload while editing the source)`);
