/**
 * Offline after the first visit, and updates that keep the draft. The app is served by the
 * project's static server (scripts/serve.mjs) from a copy of dist/ on a port of this spec's own,
 * so the test can stop it (no network) or change the files (a new deployment).
 */
import { test, expect, type Page } from "@playwright/test";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demos } from "../src/examples";
import { serveStatic } from "../scripts/serve.mjs";

type Served = Awaited<ReturnType<typeof serveStatic>>;

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
test.describe.configure({ timeout: 240_000 });

async function serveCopy(): Promise<{ dir: string; start: () => Promise<Served> }> {
  const dir = mkdtempSync(join(tmpdir(), "hotswap-dist-"));
  cpSync("dist", dir, { recursive: true });
  return { dir, start: () => serveStatic({ dir, port: PORT }) };
}

async function stop(s: Served): Promise<void> {
  s.server.closeAllConnections();
  await new Promise((r) => s.server.close(r));
}

/** First visit: the app runs, and its service worker has cached this build and controls the page. */
async function firstVisit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!window.__playground, null, { timeout: 60_000 });
  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active && !!navigator.serviceWorker.controller), { timeout: 90_000 })
    .toBe(true);
}

async function setCounterStep(page: Page, step: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.setFile("counter.ex", window.__playground!.getFile("counter.ex")!.replace(/state = state \+ \d+/, `state = state + ${n}`)), step);
}

test("with the server stopped, a reload opens the app, the draft and every lesson; Run and Recompile work", async ({ browser }) => {
  const copy = await serveCopy();
  const served = await copy.start();
  const context = await browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  try {
    await firstVisit(page, served.url);
    await setCounterStep(page, 5);
    await stop(served);

    await page.reload();
    await page.waitForFunction(() => !!window.__playground, null, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__playground!.getFile("counter.ex"))).toContain("state + 5\n");
    await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
    await page.getByTestId("run").click();
    await expect(page.locator("[data-testid=process-row][data-name=Counter]")).toHaveCount(1, { timeout: 30_000 });
    await setCounterStep(page, 7);
    await page.getByTestId("recompile").click();
    await expect(page.getByTestId("swap-marker")).toHaveCount(1, { timeout: 30_000 });

    // Every lesson opens, and its precompiled chunk is in the cache; three of them play.
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    for (const demo of demos) {
      await page.evaluate((id) => (location.hash = `#example/${id}`), demo.id);
      await expect(page.locator(".toolbar .title")).toHaveText(demo.title);
      // Its Elixir chunk, and its TypeScript twin's (`<id>/ts` → `<id>--ts`).
      for (const chunk of [demo.id, `${demo.id}--ts`])
        expect(cached.some((path) => new RegExp(`^/assets/${chunk}-[\\w-]{8}\\.js$`).test(path)), chunk).toBe(true);
      if (!["seed-recompile", "supervisor-crash", "call-timeout"].includes(demo.id)) continue;
      await page.getByTestId("run").click();
      await expect(page.locator("[data-testid=process-row]").first()).toBeVisible({ timeout: 30_000 });
    }
  } finally {
    await context.close();
    await stop(served).catch(() => undefined);
    rmSync(copy.dir, { recursive: true, force: true });
  }
});

test("a new deployment takes over by itself and keeps the draft", async ({ browser }) => {
  const copy = await serveCopy();
  const served = await copy.start();
  const context = await browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  try {
    await firstVisit(page, served.url);
    await setCounterStep(page, 9);
    // Deploy a new version: another page and another service worker.
    const html = join(copy.dir, "index.html");
    writeFileSync(html, readFileSync(html, "utf8").replace("</head>", '<meta name="deployed" content="2"></head>'));
    for (const f of ["index.html.br", "index.html.gz"]) rmSync(join(copy.dir, f), { force: true });
    writeFileSync(join(copy.dir, "sw.js"), readFileSync(join(copy.dir, "sw.js"), "utf8") + "\n// deployment 2\n");
    for (const f of ["sw.js.br", "sw.js.gz"]) rmSync(join(copy.dir, f), { force: true });

    await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
    await page.waitForSelector("meta[name=deployed]", { state: "attached", timeout: 60_000 });
    await page.waitForFunction(() => !!window.__playground, null, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__playground!.getFile("counter.ex"))).toContain("state + 9\n");
  } finally {
    await context.close();
    await stop(served);
    rmSync(copy.dir, { recursive: true, force: true });
  }
});
