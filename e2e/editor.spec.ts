/** IntelliSense knows the `otp` API and the other editor files as modules; Ctrl+S recompiles. */
import { test, expect } from "@playwright/test";
import { clearStorage, openApp, openTypeScriptSeed, setFile } from "./fixtures";

test("completions come from otp.d.ts and from the other modules by name", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  await openTypeScriptSeed(page);
  const probe = 'import * as C from "Counter";\nimport { GenServer } from "otp";\nGenServer.;\nC.';
  await setFile(page, "Probe.ts", probe);
  const atEnd = probe.length;
  const inGenServer = probe.indexOf("GenServer.;") + "GenServer.".length;
  await expect.poll(() => page.evaluate(([f, o]) => window.__playground!.completions(f, o), ["Probe.ts", inGenServer] as const), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(["call", "cast", "start_link"]));
  await expect.poll(() => page.evaluate(([f, o]) => window.__playground!.completions(f, o), ["Probe.ts", atEnd] as const), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(["start_link", "init", "handle_info"]));
  await clearStorage(page);
});

test("Ctrl+S in the editor recompiles (the Elixir seed)", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  await page.getByTestId("run").click();
  await expect(page.locator("[data-testid=process-row]").first()).toBeVisible();
  await page.evaluate(() => window.__playground!.setFile("counter.ex", window.__playground!.getFile("counter.ex")!.replace("state + 1", "state + 3")));
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("swap-marker")).toHaveCount(1);
  await clearStorage(page);
});
