/**
 * What every security test needs (issue 13): the "outside" (a second loopback server, on the port
 * after E2E_PORT, that records every request and WebSocket it gets), the hostile snippets from
 * `attacks/` with their outside address filled in, the visitor's saved draft to compare byte for
 * byte, and a probe that measures how long the page takes to answer a real click.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { encodeSharePayload } from "../../src/share/shareUrl";
import { typescriptSeedSnippet } from "../../src/examples/seed";
import type { Snippet } from "../../src/share/snippetTypes";
import { ORIGIN, openApp, setFile } from "../fixtures";

/**
 * The security specs' `test`: one browser context for the whole run, a fresh page (tab) per test.
 * The app's files then come from the HTTP cache after the first test (Monaco, 14 MB of wasm
 * compiled once), which is most of what a test would otherwise wait for. Each page starts with
 * empty storage (cleared at its first load), so no test sees another's draft; reloads within a
 * test keep what the app saved, as a visitor's next session would.
 */
export const test = base.extend<object, { sharedContext: BrowserContext }>({
  sharedContext: [async ({ browser }, use) => {
    const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
    await use(context);
    await context.close();
  }, { scope: "worker" }],
  context: async ({ sharedContext }, use) => use(sharedContext),
  page: async ({ sharedContext }, use) => {
    const page = await sharedContext.newPage();
    await page.addInitScript(() => {
      if (sessionStorage.getItem("fresh")) return;
      sessionStorage.setItem("fresh", "1");
      localStorage.clear();
    });
    await use(page);
    await page.close();
  },
});
export { expect };

const ATTACKS = fileURLToPath(new URL("./attacks/", import.meta.url));
const OUTSIDE_PLACEHOLDER = /(http|ws)s?:\/\/outside\.invalid/g;
export const OUTSIDE_PORT = Number(process.env.E2E_PORT ?? 4173) + 1;

export type Outside = { origin: string; requests: string[]; close(): Promise<void> };

/** The recording server; every request (and WebSocket upgrade) is written down, then refused. */
export async function startOutside(): Promise<Outside> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(404, { "Access-Control-Allow-Origin": "*" }).end();
  });
  server.on("upgrade", (req, socket) => {
    requests.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(OUTSIDE_PORT, "127.0.0.1", () => resolve());
  });
  return {
    origin: `127.0.0.1:${OUTSIDE_PORT}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function attackNames(): string[] {
  return readdirSync(ATTACKS).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
}

/** An attack's snippet, pointed at the recording server. */
export function loadAttack(name: string, outside: Outside): Snippet {
  const text = readFileSync(`${ATTACKS}${name}.json`, "utf8").replace(OUTSIDE_PLACEHOLDER, (_m, scheme: string) => `${scheme}://${outside.origin}`);
  return JSON.parse(text) as Snippet;
}

export async function linkTo(snippet: Snippet, query = ""): Promise<string> {
  return `/${query}#v1/${await encodeSharePayload(snippet)}`;
}

/**
 * The visitor's own work: the TypeScript counter, which the visitor opened and then typed a line
 * into, saved as the app saves it (each test's tab starts with empty storage). Returns the
 * draft's stored bytes.
 */
export const VISITOR_LINE = "// the visitor's own line, which no link may change\n";
export async function typeVisitorDraft(page: Page): Promise<string> {
  await seedDraft(page, JSON.stringify({ snippet: typescriptSeedSnippet, activeFile: "Counter.ts", pristine: false }));
  await openApp(page);
  const counter = await page.evaluate(() => window.__playground!.getFile("Counter.ts"));
  await setFile(page, "Counter.ts", VISITOR_LINE + counter);
  await expect.poll(() => storedDraft(page)).toContain("the visitor's own line");
  return (await storedDraft(page))!;
}

/**
 * The same visitor's draft, put in storage before the app's first load (one page load less per
 * test): the bytes are what the app itself writes for it (draft.ts, boot.ts's draftOf), so a
 * Restore that re-saves it must give them back exactly.
 */
export async function seedVisitorDraft(page: Page): Promise<string> {
  const seed = typescriptSeedSnippet;
  const snippet = { title: seed.title, files: { ...seed.files, "Counter.ts": VISITOR_LINE + seed.files["Counter.ts"] }, main: seed.main };
  const draft = JSON.stringify({ snippet, activeFile: "Counter.ts", pristine: false });
  await seedDraft(page, draft);
  return draft;
}

/** Puts `draft` in storage before the tab's first load (once per tab: later loads see what the app made of it). */
async function seedDraft(page: Page, draft: string): Promise<void> {
  await page.addInitScript((draft) => {
    if (!localStorage.getItem("hotswap.draft.v1") && !localStorage.getItem("hotswap.draft.beforeLink.v1") && !sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("hotswap.draft.v1", draft);
    }
  }, draft);
}

export function storedDraft(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem("hotswap.draft.v1"));
}

/** Every localStorage key and value, for "nothing else was written" checks. */
export function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/**
 * Installs (once per document) a capture listener that records how long each click waited
 * before the page's main thread ran it: `performance.now() - event.timeStamp`.
 */
async function installClickMeter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __clickDelays?: number[] };
    if (w.__clickDelays) return;
    w.__clickDelays = [];
    addEventListener("click", (e) => w.__clickDelays!.push(performance.now() - e.timeStamp), { capture: true });
  });
}

/** Clicks the element and returns how long the page's main thread took to run the click (ms). */
async function clickWait(page: Page, target: string): Promise<number> {
  await installClickMeter(page);
  const box = await page.locator(target).first().boundingBox();
  if (!box) throw new Error(`${target} is not on screen`);
  const before = await page.evaluate(() => (window as unknown as { __clickDelays: number[] }).__clickDelays.length);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const delays = await page.evaluate(() => (window as unknown as { __clickDelays: number[] }).__clickDelays);
  expect(delays.length, "the page ran the click").toBe(before + 1);
  return delays[delays.length - 1];
}

const controls = new WeakMap<Page, Page>();
/** An empty page in the same browser: what a click waits when the page itself does nothing. */
async function controlPage(page: Page): Promise<Page> {
  let control = controls.get(page);
  if (!control) {
    control = await page.context().newPage();
    await control.setContent('<button id="probe" style="width:120px;height:40px">probe</button>');
    controls.set(page, control);
    page.once("close", () => void control!.close().catch(() => undefined));
  }
  return control;
}

/**
 * How long the app took to run a click on the virtual-time readout (a click there does nothing),
 * beyond what a click on an empty page in the same browser waited at the same moment. The
 * machine these tests share is often starved of CPU (two cores, several engineers): the control
 * page takes that out, so what remains is the app's own main-thread work. Both clicks are made
 * together, so a spike of the machine's load falls on both (one after the other, a spike during
 * the app's click alone read as the app's freeze).
 */
export async function clickDelay(page: Page): Promise<{ app: number; control: number; excess: number }> {
  const control = await controlPage(page);
  const [app, empty] = await Promise.all([clickWait(page, "[data-testid=virtual-time]"), clickWait(control, "#probe")]);
  return { app, control: empty, excess: Math.max(0, app - empty) };
}

/**
 * Clicks the page again and again until `done` holds (the attack reached the point the test waits
 * for), and returns the worst wait any click had beyond the control's. Nothing here sleeps: each
 * click's own wait is what is measured, and `done` decides when to stop. The raw waits go to the
 * test's annotations.
 */
export async function probeUntil(page: Page, done: () => Promise<boolean>, timeoutMs = 90_000): Promise<number> {
  let worst = 0;
  let worstRaw = 0;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const d = await clickDelay(page);
      worst = Math.max(worst, d.excess);
      worstRaw = Math.max(worstRaw, d.app);
      if (await done()) return worst;
      if (Date.now() > deadline) throw new Error(`the attack did not reach its end within ${timeoutMs} ms (worst click wait so far ${Math.round(worst)} ms)`);
    }
  } finally {
    test.info().annotations.push({ type: "click wait", description: `worst ${Math.round(worst)} ms beyond an empty page (${Math.round(worstRaw)} ms raw)` });
  }
}

/**
 * The page never froze: every click was answered within this much beyond an empty page's wait.
 * A bound for a hang, not a speed goal: speed goals live in benchmarks, and a test must give the
 * same verdict on a loaded machine. Issue 13's goal (200 ms) is read from the "click wait"
 * annotation each test attaches (the worst wait it measured).
 */
export const CLICK_BUDGET_MS = 2000;

/** Virtual time as the toolbar shows it, in ms ("t = 2.35s" → 2350). */
export async function virtualTime(page: Page): Promise<number> {
  const text = (await page.getByTestId("virtual-time").first().textContent()) ?? "";
  const m = /t = (?:(\d+)m )?([\d.]+)(ms|s)?/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[1] ?? 0);
  return minutes * 60_000 + (m[3] === "ms" ? Number(m[2]) : Number(m[2]) * 1000);
}

/** "↶ Restore draft": the visitor takes their own work back after a link. */
export async function restoreDraft(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Restore draft/ }).click();
  await expect(page.getByRole("button", { name: /Restore draft/ })).toHaveCount(0);
}

/**
 * Requests to another origin that got an answer, as the browser saw them (workers included). A
 * request the policy blocked is reported by the browser as started and failed: it never left,
 * so only finished ones count. The outside server is the ground truth; this names the URL.
 */
export function watchLeaks(context: BrowserContext): { leaks: string[]; stop(): void } {
  const leaks: string[] = [];
  const listener = (req: { url(): string }) => {
    const url = req.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith("data:") && !url.startsWith("blob:")) leaks.push(url);
  };
  context.on("requestfinished", listener);
  return { leaks, stop: () => void context.off("requestfinished", listener) };
}

/** The page's JavaScript heap in use, in MB (Chromium's own count, after a garbage collection). */
export async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize / 1024 / 1024;
}
