// The built app (dist/) served as a plain static host would: precompressed files (`x.br`, `x.gz`
// beside `x`, chosen by Accept-Encoding), long-lived caching for content-hashed assets, no-cache
// for the page and the service worker, and the security headers of scripts/headers.mjs on every
// response. `npm start` and `npm run preview` use it; so do the browser bench and the offline
// end-to-end test (which stops it to take the network away).
// Usage: node scripts/serve.mjs [--port 4173] [--dir dist] [--host 127.0.0.1]
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { securityHeaders } from "./headers.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Vite names what it emits under assets/ by content hash: those never change under one name. */
const IMMUTABLE = /^\/assets\//;

/** Which stored variant to send: brotli, then gzip, then the file itself. */
function pickEncoding(file, acceptEncoding) {
  const accepts = (name) => new RegExp(`(^|[,\\s])${name}(?!;q=0(\\.0*)?(,|$))`, "i").test(acceptEncoding ?? "");
  if (accepts("br") && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: "br" };
  if (accepts("gzip") && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: "gzip" };
  return { path: file, encoding: null };
}

/**
 * Starts the server; resolves once it listens. `stats.bytes` counts the bytes of every response
 * body sent (compressed, as on the wire), for the bench.
 */
export function serveStatic({ dir = "dist", port = 4173, host = "127.0.0.1" } = {}) {
  const root = resolve(dir);
  const stats = { bytes: 0, requests: [] };
  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const { path, encoding } = pickEncoding(file, req.headers["accept-encoding"]);
    const stat = statSync(path);
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
    const headers = {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": IMMUTABLE.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache",
      Vary: "Accept-Encoding",
      ETag: etag,
    };
    if (encoding) headers["Content-Encoding"] = encoding;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    headers["Content-Length"] = stat.size;
    res.writeHead(200, headers);
    stats.requests.push({ path: pathname, bytes: req.method === "HEAD" ? 0 : stat.size, encoding });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    stats.bytes += stat.size;
    createReadStream(path).pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolveListen({ server, stats, url: `http://${host === "127.0.0.1" ? "localhost" : host}:${port}/` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const dir = arg("dir", "dist");
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`No build in ${dir}/: run \`npm run build\` first.`);
    process.exit(1);
  }
  const { url } = await serveStatic({ dir, port: Number(arg("port", process.env.PORT ?? 4173)), host: arg("host", "127.0.0.1") });
  console.log(`Serving ${dir}/ at ${url} (precompressed, as a static host would; Ctrl+C stops)`);
}
