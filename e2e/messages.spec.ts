/**
 * The message view: with "messages" on, every send is an arrow from the sender's lane to the
 * receiver's. The call-timeout lesson turns it on by itself and draws its late GenServer reply
 * as dropped. Elsewhere the visitor's own choice holds, across a reload; `?messages=1` sets it
 * for one link (an embed) without touching that choice.
 */
import { test, expect } from "@playwright/test";
import { clearStorage, openApp } from "./fixtures";

test("the call-timeout lesson shows its messages: calls as arrows, the late replies ending in a cross", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page, "/?speed=10#example/call-timeout/ts");
  // The lesson turned the view on before playing: sends are traced from that moment.
  await expect(page.getByTestId("show-messages")).toBeChecked();
  await page.getByTestId("run").click();

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

  // The inspector lists the shell's messages, the dropped reply among them.
  await page.locator('[data-testid=process-row][data-pid="#PID<0.100.0>"]').first().click();
  await page.getByText(/^Inspector/).first().click();
  await expect(page.locator("[data-testid=inspector-message].dropped")).toHaveCount(1);
  await expect(page.getByTestId("inspector-message").first()).toContainText('"$reply"');

  await page.getByTestId("show-messages").uncheck();
  await expect(page.getByTestId("message-arrow")).toHaveCount(0);
  await expect(page.getByTestId("inspector-message")).toHaveCount(0);
});

test("the visitor's choice is remembered across a reload and comes back after a lesson that overrode it", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  const toggle = page.getByTestId("show-messages");
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await page.getByTestId("run").click();
  // The seed's counter gets a timer message every second: a dashed arrow from above.
  await expect.poll(() => page.getByTestId("message-arrow").count(), { timeout: 20_000 }).toBeGreaterThan(0);

  await page.reload();
  await page.waitForSelector("body[data-editor-ready]");
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await page.evaluate(() => (location.hash = "#example/links-monitors"));
  await expect(toggle).toBeChecked();
  await page.evaluate(() => (location.hash = "#example/seed-recompile"));
  await expect(toggle).not.toBeChecked();
});

test("?messages=1 shows the message view in an embed, without touching the visitor's own choice", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await page.goto("/?embed=1&messages=1&autoplay=1&speed=10#example/seed-recompile");
  await expect.poll(() => page.getByTestId("message-arrow").count(), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem("hotswap.messages"))).toBeNull();
});
