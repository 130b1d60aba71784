/**
 * Issue 13: the Content-Security-Policy reaches the code that runs user code, whoever serves the
 * app. `vite preview` sends the headers of scripts/headers.mjs on every response (and nothing that
 * stops iframe embedding); the page's own policy refuses every other origin; and the worker
 * inherits the page's policy, so even a host that sends no header at all (served here by a bare
 * static server) leaves user code no route out.
 */
import { type Page } from "@playwright/test";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { securityHeaders } from "../../scripts/headers.mjs";
import { ORIGIN, openApp } from "../fixtures";
import { OUTSIDE_PORT, startOutside, test, expect, type Outside } from "./harness";

let outside: Outside;
test.beforeAll(async () => {
  outside = await startOutside();
});
test.afterAll(async () => {
  await outside.close();
});

test("preview sends the security headers on every response, and none that would stop embedding", async ({ request }) => {
  for (const path of ["/", "/favicon.svg", "/assets/does-not-exist.js"]) {
    const res = await request.get(`${ORIGIN}${path}`);
    const headers = res.headers();
    for (const [name, value] of Object.entries(securityHeaders)) expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    for (const banned of ["x-frame-options", "cross-origin-opener-policy", "cross-origin-embedder-policy"]) expect(headers[banned], `${banned} on ${path}`).toBeUndefined();
  }
});

test("the page's own policy refuses other origins: images, fonts, scripts, connections, workers", async ({ page }) => {
  outside.requests.length = 0;
  await openApp(page);
  const violated = await page.evaluate(async (o) => {
    const out: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => out.push(e.effectiveDirective));
    const img = new Image();
    img.src = `${o}/img.png`;
    await new Promise((r) => { img.onerror = r; img.onload = r; });
    await new FontFace("x", `url(${o}/font.woff2)`).load().catch(() => undefined);
    await import(/* @vite-ignore */ `${o}/mod.js`).catch(() => undefined);
    await fetch(`${o}/fetch`).catch(() => undefined);
    try { new Worker(`${o}/w.js`); } catch { out.push("worker (refused)"); }
    await new Promise((r) => setTimeout(r, 50));
    return out;
  }, `http://${outside.origin}`);
  expect(violated).toEqual(expect.arrayContaining(["img-src", "font-src", "connect-src"]));
  expect(violated.some((d) => d.startsWith("script-src"))).toBe(true);
  expect(outside.requests).toEqual([]);
});

/** The built app served with no headers at all, as a careless host would. */
async function serveWithoutHeaders(port: number): Promise<Server> {
  const root = join(process.cwd(), "dist");
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".ttf": "font/ttf" };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, "index.html");
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return server;
}

/**
 * Tries every network route from the global scope of the worker that runs user code, as code that
 * got past the sandbox would: only the Content-Security-Policy stands in the way here. (Not
 * import(): the sandbox's lockdown also tames the eval Playwright compiles this function with,
 * and refuses the import syntax there; script-src is the same policy as the routes tried here.)
 */
async function routesFromRuntimeWorker(page: Page, o: string): Promise<string[]> {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const worker = page.workers().find((w) => w.url().startsWith("blob:"));
  expect(worker, "the runtime worker, started from a blob: script").toBeTruthy();
  return worker!.evaluate(async (o) => {
    const g = globalThis as unknown as Record<string, any>;
    const outcomes: string[] = [];
    const attempt = async (route: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
        outcomes.push(`${route}: went out`);
      } catch {
        outcomes.push(`${route}: refused`);
      }
    };
    await attempt("FontFace", () => new g.FontFace("x", `url(${o}/font.woff2)`).load());
    await attempt("WebSocketStream", () => new g.WebSocketStream(`${o.replace("http", "ws")}/wss`).opened);
    await attempt("WebSocket", () => new Promise((ok, no) => { const ws = new g.WebSocket(`${o.replace("http", "ws")}/ws`); ws.onopen = ok; ws.onerror = no; }));
    await attempt("fetch", () => g.fetch(`${o}/fetch`));
    await attempt("EventSource", () => new Promise((ok, no) => { const es = new g.EventSource(`${o}/es`); es.onopen = ok; es.onerror = no; }));
    await attempt("XMLHttpRequest", () => new Promise((ok, no) => { const x = new g.XMLHttpRequest(); x.open("GET", `${o}/xhr`); x.onload = ok; x.onerror = no; x.send(); }));
    await attempt("Worker", async () => new g.Worker(`${o}/w.js`));
    return outcomes;
  }, o);
}

for (const [where, bare] of [["served with the headers", false], ["served with no header at all (the meta tag's policy, inherited)", true]] as const) {
  test(`the worker that runs user code is governed by the page's policy when ${where}`, async ({ page }) => {
    const port = OUTSIDE_PORT + 1;
    const server = bare ? await serveWithoutHeaders(port) : null;
    try {
      outside.requests.length = 0;
      const base = bare ? `http://127.0.0.1:${port}` : ORIGIN;
      if (bare) expect((await page.request.get(`${base}/`)).headers()["content-security-policy"]).toBeUndefined();
      await page.goto(`${base}/`);
      await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
      const outcomes = await routesFromRuntimeWorker(page, `http://${outside.origin}`);
      expect(outcomes.filter((o) => !o.endsWith("refused"))).toEqual([]);
      expect(outside.requests).toEqual([]);
    } finally {
      if (server) await new Promise((r) => server.close(r));
    }
  });
}
