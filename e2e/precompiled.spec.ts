/**
 * Built-in lessons play from their build-time compile (native esbuild) before esbuild-wasm is
 * ready, and that changes nothing: every lesson's events, played from the precompiled table,
 * are the very events of the same lesson compiled in the browser (`?precompiled=0`). Played in
 * an embed (one page, no editor: the lightest way through all of them).
 */
import { test, expect, type Page } from "@playwright/test";
import { findLesson, lessons } from "../src/examples";

test.describe.configure({ timeout: 300_000 });

async function play(page: Page, id: string, precompiled: boolean): Promise<string> {
  await page.evaluate(([lesson, pre]) => {
    history.replaceState(null, "", `/?embed=1&readonly=1&speed=100${pre ? "" : "&precompiled=0"}${location.hash}`);
    if (location.hash !== `#example/${lesson}`) location.hash = `#example/${lesson}`;
  }, [id, precompiled] as const);
  await expect(page.locator(".embed-toolbar .title")).toHaveText(findLesson(id)!.snippet.title!);
  await page.evaluate(() => window.__playground!.recordEvents());
  await page.getByTestId("replay").click();
  // This run's events reach its last script step or check, and time stands at its end (the
  // previous run's end marker may still be on screen for a moment after the click).
  const snippet = findLesson(id)!.snippet;
  const last = Math.max(0, ...(snippet.script ?? []).map((s) => s.at), ...(snippet.checks ?? []).map((c) => c.at));
  await expect.poll(() => page.evaluate((t) => window.__playground!.recordedEvents().some((e) => e.t >= t), last), { timeout: 90_000 }).toBe(true);
  await expect(page.getByTestId("lesson-end")).toBeVisible({ timeout: 90_000 });
  // The events at each virtual ms in a canonical order: an action's own `action` event may come
  // before or after the work it owes at that ms (the session finishes that in wall-clock slices).
  return page.evaluate(() =>
    JSON.stringify(window.__playground!.recordedEvents().map((e) => JSON.stringify(e)).map((json) => ({ t: (JSON.parse(json) as { t: number }).t, json }))
      .sort((a, b) => a.t - b.t || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0)).map((e) => e.json)));
}

test("every lesson gives the same events from its precompiled table as compiled in the browser", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  const page = await context.newPage();
  await page.goto(`/?embed=1&readonly=1&speed=100#example/${lessons[0].key}`);
  await page.waitForSelector("body[data-editor-ready]", { timeout: 60_000 });
  // Every lesson, in Elixir and in its TypeScript twin.
  for (const { key } of lessons) {
    const fromTable = await play(page, key, true);
    const compiled = await play(page, key, false);
    expect(JSON.parse(fromTable).length, key).toBeGreaterThan(0);
    expect(fromTable, key).toBe(compiled);
  }
  // The browser compiled: the compiler was loaded for it.
  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready");
  await context.close();
});

test("an embed plays a lesson without ever fetching the compiler", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  const wasm: string[] = [];
  context.on("request", (r) => void (r.url().endsWith(".wasm") && wasm.push(r.url())));
  const page = await context.newPage();
  await page.goto("/?embed=1&readonly=1&autoplay=1&speed=100#example/seed-recompile");
  await expect(page.getByTestId("lesson-end")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("swap-marker")).toHaveCount(1);
  expect(wasm).toEqual([]);
  await expect(page.getByTestId("compiler-status")).toHaveCount(0);
  await context.close();
});
