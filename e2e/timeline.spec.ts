/**
 * The timeline's own navigation: Ctrl+wheel zooms the time axis (not the page), Shift+wheel
 * pans back in time and stops following the present, and Follow brings the present back.
 */
import { test, expect, type Page } from "@playwright/test";
import { clearStorage, openApp, openTypeScriptSeed, runSeed, setSpeed } from "./fixtures";

const tickLabels = (page: Page) => page.locator(".axis .tick").allTextContents();

/** Tick step in ms from the first two labels ("1s", "1.5s", "500ms"…): a finer grid means zoomed in. */
async function tickStep(page: Page): Promise<number> {
  const ms = (label: string) => (label.endsWith("ms") ? Number(label.slice(0, -2)) : label.endsWith("s") ? Number(label.slice(0, -1)) * 1000 : NaN);
  const labels = await tickLabels(page);
  return ms(labels[1]) - ms(labels[0]);
}

test("Ctrl+wheel zooms the time axis instead of the page; Shift+wheel pans back; Follow returns to now", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  await openTypeScriptSeed(page);
  await setSpeed(page, 5);
  await runSeed(page);
  await expect(page.getByTestId("process-row").first()).toBeVisible();
  await page.evaluate(() => {
    // Runs after the timeline's own listener (bubbling): records whether it kept the event for itself.
    document.addEventListener("wheel", (e) => ((window as unknown as { wheelPrevented: boolean }).wheelPrevented = e.defaultPrevented));
  });
  const prevented = () => page.evaluate(() => (window as unknown as { wheelPrevented: boolean }).wheelPrevented);

  const lanes = page.locator(".timeline .lanes");
  const box = (await lanes.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + 20);
  const before = await tickStep(page);

  await page.keyboard.down("Control");
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect.poll(() => tickStep(page)).toBeLessThan(before);
  expect(await prevented()).toBe(true);
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

  const follow = page.getByRole("button", { name: "Follow" });
  await expect(follow).toHaveClass(/\bon\b/);
  await page.keyboard.down("Shift");
  await page.mouse.wheel(0, -600);
  await page.keyboard.up("Shift");
  await expect(follow).not.toHaveClass(/\bon\b/);
  expect(await prevented()).toBe(true);
  // Panned back: the window no longer ends at the present, so the newest time stays off-screen.
  const panned = await tickLabels(page);
  await follow.click();
  await expect(follow).toHaveClass(/\bon\b/);
  await expect.poll(() => tickLabels(page)).not.toEqual(panned);
});
