/**
 * The message view: with "messages" on, every send is an arrow from the sender's lane to the
 * receiver's; the late GenServer reply of the call-timeout lesson is drawn as dropped. The
 * choice is remembered across a reload, and turning it off removes the arrows.
 */
import { test, expect } from "@playwright/test";
import { clearStorage, openApp } from "./fixtures";

test("messages on: calls and replies are arrows between lanes, a late reply ends in a cross; the choice is remembered", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page, "/?autoplay=1&speed=10#example/call-timeout");
  const toggle = page.getByTestId("show-messages");
  await toggle.check();

  const arrows = page.getByTestId("message-arrow");
  const dropped = page.locator("[data-testid=message-arrow].dropped");
  await expect(dropped.first()).toBeAttached({ timeout: 30_000 });
  await expect(dropped.first().locator("title")).toContainText('["$reply"');
  await expect(dropped.first().locator("title")).toContainText("dropped");
  // The call that the late reply answers went the other way: shell → slow.
  const slow = await page.locator('[data-testid=process-row][data-name="slow"]').first().getAttribute("data-pid");
  const calls = page.locator(`[data-testid=message-arrow][data-to="${slow}"]`);
  await expect.poll(() => calls.count()).toBeGreaterThan(0);
  await expect(calls.first().locator("title")).toContainText('["$gen_call"');

  await page.reload();
  await page.waitForSelector("body[data-editor-ready]");
  await expect(page.getByTestId("show-messages")).toBeChecked();
  await expect.poll(() => arrows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId("show-messages").uncheck();
  await expect(arrows).toHaveCount(0);
});
