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
  await openApp(page, "/?speed=10#example/call-timeout");
  // Before playing: sends are traced from the moment the view is on.
  await page.getByTestId("show-messages").check();
  await page.getByTestId("run").click();

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
  // The careless caller died of its timeout before its reply came: that reply is dropped too.
  const careless = await page.locator('[data-testid=process-row][data-name="careless"]').first().getAttribute("data-pid");
  await expect(page.locator(`[data-testid=message-arrow].dropped[data-to="${careless}"]`)).toHaveCount(1, { timeout: 30_000 });

  await page.reload();
  await page.waitForSelector("body[data-editor-ready]");
  await expect(page.getByTestId("show-messages")).toBeChecked();
  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await page.getByTestId("run").click();
  await expect.poll(() => arrows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId("show-messages").uncheck();
  await expect(arrows).toHaveCount(0);
});

test("?messages=1 shows the message view in an embed, without touching the visitor's own choice", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await page.goto("/?embed=1&messages=1&autoplay=1&speed=10#example/call-timeout");
  await expect.poll(() => page.getByTestId("message-arrow").count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem("hotswap.messages"))).toBeNull();
});
