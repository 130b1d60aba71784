// Screenshots of every view at 1280×800 in both themes, for people (and reviews) to look at.
// Usage: npm run build && node scripts/screenshots.mjs [outDir]. Starts `vite preview` itself.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const out = process.argv[2] ?? "test-results/screens";
mkdirSync(out, { recursive: true });
const server = spawn("npx", ["vite", "preview", "--port", "4174", "--strictPort"], { stdio: "ignore" });
const base = "http://localhost:4174/";
const args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("vite preview did not start");
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
  for (const theme of ["dark", "light"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("console", (m) => m.type() === "error" && console.log(`[${theme}] console:`, m.text()));
    page.on("pageerror", (e) => console.log(`[${theme}] pageerror:`, e.message));
    await page.addInitScript((t) => localStorage.setItem("hotswap.theme", t), theme);
    await page.goto(base);
    await page.waitForSelector("body[data-editor-ready]");
    await page.screenshot({ path: `${out}/${theme}-1-loaded.png` });
    await page.waitForSelector('[data-testid=compiler-status][data-phase=ready]', { timeout: 60_000 }).catch(() => console.log("compiler not ready"));
    await page.click("[data-testid=run]");
    await page.waitForTimeout(5200);
    await page.screenshot({ path: `${out}/${theme}-2-running.png` });
    const counter = await page.evaluate(() => window.__playground?.getFile("Counter.ts"));
    if (counter) await page.evaluate((src) => window.__playground.setFile("Counter.ts", src.replace("state + 1", "state + 10")), counter);
    await page.click("[data-testid=recompile]");
    await page.waitForTimeout(4200);
    await page.screenshot({ path: `${out}/${theme}-3-after-recompile.png` });
    const row = page.locator("[data-testid=process-row][data-name=counter]");
    if (await row.count()) await row.first().click();
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${out}/${theme}-4-inspector.png` });
    await page.click("[data-testid=tab-tree]").catch(() => {});
    await page.screenshot({ path: `${out}/${theme}-5-tree.png` });
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
