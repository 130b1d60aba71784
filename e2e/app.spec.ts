import { test, expect } from "@playwright/test";
import { clearStorage, draftSaved, openApp, watchOrigin, getFile } from "./fixtures";

test.describe("the app", () => {
  test("loads with the seed, a ready editor and a ready compiler, and asks nothing of other origins", async ({ page, context }) => {
    const outside = watchOrigin(context);
    const violations: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await openApp(page);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute("content", /default-src 'self'/);
    await clearStorage(page);
    await openApp(page);
    await expect(page.locator("[data-testid=file-tab]")).toHaveText([/counter\.ex/, /main\.ex/]);
    // The default is the forum post's counter in Elixir.
    expect(await getFile(page, "counter.ex")).toContain("state = state + 1");
    await expect(page.getByTestId("run")).toBeEnabled();
    await page.getByTestId("run").click();
    await expect(page.locator("[data-testid=log-line]").first()).toBeVisible({ timeout: 20_000 });
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("a malformed share link says so and keeps the draft", async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.__playground!.setFile("Counter.ts", "// my draft\n"));
    await draftSaved(page, "// my draft\n");
    await openApp(page, "/#v1/this-is-not-a-snippet!!");
    await expect(page.getByTestId("notice-error")).toContainText("could not be opened");
    await expect(page.getByTestId("notice-error")).toContainText("draft is unchanged");
    expect(await getFile(page, "Counter.ts")).toBe("// my draft\n");
    await clearStorage(page);
  });

  test("the draft survives a reload", async ({ page }) => {
    await openApp(page);
    await clearStorage(page);
    await openApp(page);
    const edited = (await getFile(page, "counter.ex"))!.replace("state + 1", "state + 5");
    await page.evaluate((t) => window.__playground!.setFile("counter.ex", t), edited);
    await draftSaved(page, "state + 5");
    await page.reload();
    await page.waitForSelector("body[data-editor-ready]");
    expect(await getFile(page, "counter.ex")).toContain("state + 5");
    await clearStorage(page);
  });
});
