// Screenshots of every view at 1280×800 in both themes, for people (and reviews) to look at:
// the editing flow, then the examples menu, a guided demo with its lesson and green checks, the
// About page, and the embed widget at 800×450.
// Usage: npm run build && node scripts/screenshots.mjs [outDir]. Starts `vite preview` itself.
import { chromium } from "@playwright/test";
import { chromiumArgs, startPreview } from "./preview.mjs";
import { mkdirSync } from "node:fs";

const out = process.argv[2] ?? "test-results/screens";
mkdirSync(out, { recursive: true });
const { base, server } = await startPreview(4174);
const args = chromiumArgs;

async function open(browser, theme, path = "", viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  page.on("pageerror", (e) => console.log(`[${theme}] pageerror:`, e.message));
  await page.addInitScript((t) => {
    localStorage.clear();
    localStorage.setItem("hotswap.theme", t);
  }, theme);
  await page.goto(base + path);
  await page.waitForSelector("body[data-editor-ready]");
  // Embed mode keeps the status out of sight once ready.
  await page.waitForSelector("[data-testid=compiler-status][data-phase=ready]", { timeout: 60_000, state: "attached" });
  return page;
}

/** Until every lesson check has reported (they are green in a demo that works). */
const checksDone = (page) =>
  page.waitForFunction(() => {
    const checks = [...document.querySelectorAll("[data-testid=check]")];
    return checks.length > 0 && checks.every((c) => c.getAttribute("data-ok") !== "pending");
  }, null, { timeout: 60_000 });

const edit = (page, file, from, to) =>
  page.evaluate(([f, a, b]) => window.__playground.setFile(f, window.__playground.getFile(f).replace(a, b)), [file, from, to]);

try {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
  for (const theme of ["dark", "light"]) {
    let page = await open(browser, theme);
    await page.screenshot({ path: `${out}/${theme}-1-loaded.png` });
    await page.click("[data-testid=run]");
    await page.waitForTimeout(5200);
    await page.screenshot({ path: `${out}/${theme}-2-running.png` });
    await edit(page, "Counter.ts", "state + 1", "state + 10");
    await page.click("[data-testid=recompile]");
    await page.waitForTimeout(4200);
    await page.screenshot({ path: `${out}/${theme}-3-after-recompile.png` });
    await page.locator("[data-testid=process-row][data-name=counter]").first().click();
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${out}/${theme}-4-inspector.png` });
    await page.click("[data-testid=tab-tree]");
    await page.screenshot({ path: `${out}/${theme}-5-tree.png` });
    await edit(page, "Counter.ts", "state = state + 10;", "state = state + ;");
    await page.click("[data-testid=recompile]");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${theme}-6-compile-error.png` });
    await edit(page, "Counter.ts", "state = state + ;", 'if (state > 40) throw new Error("boom at " + state);\n  state = state + 10;');
    await page.click("[data-testid=recompile]");
    await page.waitForTimeout(4500);
    await page.click("[data-testid=tab-log]");
    await page.screenshot({ path: `${out}/${theme}-7-crash-restart.png` });
    await page.click("[data-testid=share]");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${theme}-8-share.png` });
    await page.close();
    page = await open(browser, theme, "?embed=1&autoplay=1");
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `${out}/${theme}-9-embed.png` });
    await page.close();

    page = await open(browser, theme);
    await page.click("[data-testid=examples-menu]");
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${theme}-10-examples-menu.png` });
    await page.close();

    page = await open(browser, theme, "?autoplay=1&speed=10#example/seed-recompile");
    await checksDone(page);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${theme}-11-demo-lesson.png` });
    await page.click("[data-testid=about-button]");
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${theme}-12-about.png` });
    await page.close();

    page = await open(browser, theme, "?embed=1&readonly=1&autoplay=1&speed=5#example/seed-recompile", { width: 800, height: 450 });
    await checksDone(page);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${theme}-13-embed-800x450.png` });
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
