// Screenshots of the observer features (issue 11), both themes, at 1280×800 and 390×844:
// the seed lesson paused after its recompile, time travel just before and just after the swap,
// a kill from the inspector with its crash report, the row menu, and the narrow layout.
// Usage: npm run build && node scripts/observer-screens.mjs [outDir] [port]
import { chromium } from "@playwright/test";
import { chromiumArgs, startPreview } from "./preview.mjs";
import { mkdirSync } from "node:fs";

const out = process.argv[2] ?? "test-results/observer";
const port = Number(process.argv[3] ?? 4371);
mkdirSync(out, { recursive: true });
const { base, server } = await startPreview(port);

async function open(browser, theme, path, viewport) {
  const page = await browser.newPage({ viewport });
  page.on("pageerror", (e) => console.log(`[${theme}] pageerror:`, e.message));
  await page.addInitScript((t) => {
    localStorage.clear();
    localStorage.setItem("hotswap.theme", t);
  }, theme);
  await page.goto(base + path);
  await page.waitForSelector("body[data-editor-ready]");
  await page.waitForSelector("[data-testid=compiler-status][data-phase=ready]", { timeout: 60_000, state: "attached" });
  return page;
}

const only = process.env.ONLY ?? "";
try {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  for (const theme of ["dark", "light"]) {
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      if (only && !`${theme}-${w}`.includes(only)) continue;
      const tag = `${theme}-${w}`;
      const page = await open(browser, theme, "?speed=2#example/seed-recompile", { width: w, height: h });
      await page.screenshot({ path: `${out}/${tag}-0-loaded.png` });
      await page.getByTestId("run").first().click();
      // The lesson stops on its last frame (time holds there): that is "paused after the recompile".
      await page.waitForFunction(() => document.querySelector("[data-testid=pause]")?.getAttribute("title")?.startsWith("Resume") || document.querySelector("[data-testid=pause]")?.getAttribute("aria-label") === "Play", null, { timeout: 60_000 });
      await page.screenshot({ path: `${out}/${tag}-1-after-recompile.png` });
      await page.locator("[data-testid=swap-label]").first().click();
      await page.locator("[data-testid=process-row][data-name=counter]").first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${tag}-2-just-before-swap.png` });
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${tag}-3-just-after-swap.png` });
      await page.keyboard.press("End");
      await page.getByTestId("act-exit").click().catch(() => {});
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${out}/${tag}-4-killed.png` });
      await page.getByTestId("tab-log").click().catch(() => {});
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${tag}-5-log.png` });
      const row = page.locator("[data-testid=process-row][data-name=counter]").last();
      await row.click({ button: "right" }).catch(() => {});
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${out}/${tag}-6-menu.png` });
      await page.keyboard.press("Escape");
      await page.close();
    }
  }
  await browser.close();
} finally {
  server.kill();
}
