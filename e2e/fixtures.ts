/**
 * Page helpers shared by the specs: open the app and wait until editor and compiler are ready,
 * set a file exactly (through the app's test hook), read lanes, and watch that no request ever
 * leaves the app's origin (worker requests included).
 */
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Collects every request to another origin; assert it stays empty. */
export function watchOrigin(context: BrowserContext): string[] {
  const outside: string[] = [];
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith("data:") && !url.startsWith("blob:")) outside.push(url);
  });
  return outside;
}

export async function openApp(page: Page, path = "/"): Promise<void> {
  await page.goto(path);
  await page.waitForSelector("body[data-editor-ready]", { timeout: 60_000 });
  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
}

/**
 * The TypeScript counter in the editor, as a visitor gets it (the default seed is Elixir):
 * Examples → New TypeScript snippet.
 */
export async function openTypeScriptSeed(page: Page): Promise<void> {
  await page.getByTestId("examples-menu").click();
  await page.locator("[data-testid=new-snippet][data-language=typescript]").click();
  await expect.poll(() => getFile(page, "Counter.ts")).toContain("state + 1");
}

/** A fresh start: no draft, the seed in the editor. */
export async function clearStorage(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.clear());
}

export async function setFile(page: Page, file: string, text: string): Promise<void> {
  await page.evaluate(([f, t]) => window.__playground!.setFile(f, t), [file, text] as const);
}

export async function getFile(page: Page, file: string): Promise<string | undefined> {
  return page.evaluate((f) => window.__playground!.getFile(f), file);
}

/** Waits until the debounced draft in localStorage holds `text` (however long the page takes to save it). */
export async function draftSaved(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => localStorage.getItem("hotswap.draft.v1") ?? ""), { timeout: 20_000 }).toContain(JSON.stringify(text).slice(1, -1));
}

/**
 * Waits until the virtual time shown stays put for `ms` of wall time: after a pause, a frame
 * already on its way from the worker may still move it once, later on a loaded machine.
 */
export async function timeStandsStill(page: Page, ms = 400): Promise<string> {
  const time = page.getByTestId("virtual-time");
  let shown = "";
  await expect.poll(async () => {
    shown = (await time.textContent()) ?? "";
    await page.waitForTimeout(ms);
    return (await time.textContent()) === shown;
  }, { timeout: 20_000 }).toBe(true);
  return shown;
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId("speed").selectOption(String(speed));
}

export function row(page: Page, name: string) {
  return page.locator(`[data-testid=process-row][data-name="${name}"]`);
}

/** The pid and state shown on the live lane of a registered process. */
export async function lane(page: Page, name: string): Promise<{ pid: string; state: string }> {
  const live = row(page, name).filter({ hasNot: page.locator(".status-dot.dead") }).last();
  await expect(live).toBeVisible();
  const pid = (await live.getAttribute("data-pid"))!;
  // The row may cut a long state ("{count: 967, st…"); its tooltip has it whole ("state …").
  const cell = live.getByTestId("process-state");
  const title = (await cell.getAttribute("title")) ?? "";
  const state = title.startsWith("state ") ? title.slice("state ".length) : (await cell.textContent())!.trim();
  return { pid, state };
}

/** Numbers from the log lines of one process, oldest first ("Counter: 17, …" → 17). */
export async function counts(page: Page, pid: string, pattern = /Counter: (-?\d+)/): Promise<number[]> {
  const texts = await page.locator(`[data-testid=log-line][data-pid="${pid}"]`).allTextContents();
  return texts.map((t) => pattern.exec(t)?.[1]).filter((x): x is string => x !== undefined).map(Number);
}

/** Runs the counter: `counter` is the TypeScript seed's registered name, `Counter` the Elixir seed's. */
export async function runSeed(page: Page, name = "counter"): Promise<void> {
  await page.getByTestId("run").click();
  await expect(row(page, name)).toHaveCount(1, { timeout: 20_000 });
}
