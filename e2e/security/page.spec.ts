/**
 * Issue 13, the page's side: whatever the worker does, the page keeps the visitor's draft and its
 * controls. A link's code cannot follow the visitor into their next Run or session; messages
 * forged from the worker's own global (as if the sandbox had been broken) change nothing the
 * user owns; Stop cancels a Run still compiling; a link past the snippet's bounds is refused with
 * a message, and no tab is made for it.
 */
import { type Page } from "@playwright/test";
import { getFile, openApp, row } from "../fixtures";
import { CLICK_BUDGET_MS, linkTo, loadAttack, probeUntil, restoreDraft, startOutside, storedDraft, typeVisitorDraft, virtualTime, test, expect, type Outside } from "./harness";
import type { Snippet } from "../../src/share/snippetTypes";

test.describe.configure({ timeout: 180_000 });

let outside: Outside;
test.beforeAll(async () => {
  outside = await startOutside();
});
test.afterAll(async () => {
  await outside.close();
});

test("a link's code does not follow the visitor into the restored draft, its Run, or the next session", async ({ page }) => {
  const draft = await typeVisitorDraft(page);
  await openApp(page, await linkTo(loadAttack("draft-tamper", outside), "?autoplay=1"));
  await probeUntil(page, async () => (await virtualTime(page)) >= 2000);

  await restoreDraft(page);
  await page.getByTestId("run").click();
  await expect(row(page, "counter")).toHaveCount(1, { timeout: 30_000 });
  const worst = await probeUntil(page, async () => (await virtualTime(page)) >= 2500);
  expect(await getFile(page, "Main.ts")).not.toContain("appended by a link");
  await expect(page.getByTestId("file-tab")).toHaveCount(2);
  expect(await storedDraft(page)).toBe(draft);

  // The next session: a reload, and Run again.
  await openApp(page);
  await page.getByTestId("run").click();
  await expect(row(page, "counter")).toHaveCount(1, { timeout: 30_000 });
  expect(await storedDraft(page)).toBe(draft);
  expect(outside.requests).toEqual([]);
  expect(worst).toBeLessThan(CLICK_BUDGET_MS);
});

/** Posts from the worker's real global scope, where user code cannot reach: the page must shrug. */
async function forgeFromWorker(page: Page, messages: unknown[]): Promise<void> {
  const worker = page.workers().find((w) => w.url().startsWith("blob:"));
  expect(worker, "the runtime worker").toBeTruthy();
  await worker!.evaluate((messages) => {
    for (const m of messages) (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(m);
  }, messages);
}

test("messages forged in the worker's own global cannot change the draft, the editor or the controls", async ({ page }) => {
  const draft = await typeVisitorDraft(page);
  await page.getByTestId("run").click();
  await expect(row(page, "counter")).toHaveCount(1, { timeout: 30_000 });
  const files = await page.evaluate(() => ({ counter: window.__playground!.getFile("Counter.ts"), main: window.__playground!.getFile("Main.ts") }));

  await forgeFromWorker(page, [
    { type: "files", files: { "Main.ts": "// pwned\n", "Evil.ts": "export const evil = 1;\n" } },
    { type: "status", phase: "loading", message: "Loading the compiler…" },
    { type: "status", phase: "failed", message: "pwned" },
    { type: "clock", now: -5, speed: 1e9, paused: "yes", idle: 3 },
    { type: "events", now: 1e308, events: [{ type: "spawn" }, null, { t: "x", type: "log", text: {} }] },
    { type: "events", now: 100, events: [{ t: 100, type: "log", pid: "#PID<0.1.0>", text: "z".repeat(200_000) }] },
    ...Array.from({ length: 50 }, (_, id) => ({ type: "reply", id, ok: true, result: { ok: true, loaded: 1, killed: 2, diagnostics: "x" } })),
    { type: "reset", now: Number.NaN },
  ]);
  const worst = await probeUntil(page, async () => (await virtualTime(page)) >= 3000);

  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready");
  for (const id of ["run", "recompile", "upgrade", "restart", "pause", "step"]) await expect(page.getByTestId(id)).toBeEnabled();
  await expect(page.getByTestId("file-tab")).toHaveCount(2);
  expect(await getFile(page, "Counter.ts")).toBe(files.counter);
  expect(await getFile(page, "Main.ts")).toBe(files.main);
  expect(await storedDraft(page)).toBe(draft);
  // The one well-formed forged line was cut where the page stores it.
  await page.getByTestId("tab-log").click();
  const long = page.getByTestId("log-line").filter({ hasText: "more characters not shown" });
  if (await long.count()) expect((await long.first().textContent())!.length).toBeLessThan(20_000);
  expect(outside.requests).toEqual([]);
  expect(worst).toBeLessThan(CLICK_BUDGET_MS);
});

test("Stop cancels a Run that is still compiling, and the files stay", async ({ page }) => {
  await openApp(page);
  // A snippet at its bounds: 1 MB of TypeScript takes the compiler a while.
  const files: Record<string, string> = { "Main.ts": "export function start() {}\n" };
  const body = Array.from({ length: 400 }, (_, i) => `export function f${i}(x: number): number { return x * ${i} + ${i}; }\n`).join("");
  for (let i = 0; files && Object.keys(files).length < 40; i++) files[`Big${i}.ts`] = body.slice(0, 24_000);
  const snippet: Snippet = { title: "slow to compile", files, main: "Main" };
  await openApp(page, await linkTo(snippet));
  const before = await page.evaluate(() => window.__playground!.getFile("Big0.ts"));
  await page.getByTestId("run").click();
  await page.getByRole("button", { name: /^Stop: pause/ }).click();
  await expect(page.getByTestId("notice-info").filter({ hasText: "Stopped before the snippet started" })).toBeVisible();
  await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  expect(await page.evaluate(() => window.__playground!.getFile("Big0.ts"))).toBe(before);
  await expect(page.getByText("Starting…")).toHaveCount(0);
});

test("a link of 10,000 files is refused at once with a message, and no tab is made for it", async ({ page }) => {
  const draft = await typeVisitorDraft(page);
  const opened = Date.now();
  await page.goto(await linkTo(loadAttack("files-10000", outside)));
  const notice = page.getByTestId("notice-error").first();
  await expect(notice).toBeVisible();
  const took = Date.now() - opened;
  // Refused before anything was made of it: the page answers at once afterwards.
  let probes = 0;
  const worst = await probeUntil(page, async () => ++probes >= 5);
  await expect(notice).toContainText("Your draft is unchanged");
  await expect(notice).toContainText(/files/);
  await expect(page.getByTestId("file-tab")).toHaveCount(2);
  expect(await storedDraft(page)).toBe(draft);
  await page.screenshot({ path: "test-results/security-10000-files.png" });
  test.info().annotations.push({ type: "refused after", description: `${took} ms (page load included)` });
  expect(worst).toBeLessThan(CLICK_BUDGET_MS);
});
