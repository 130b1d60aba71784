/**
 * Issue 13: every hostile snippet in `attacks/` plays as a share link with autoplay in real
 * Chromium, one test each. For all of them: nothing reaches the outside server (a second loopback
 * server, the "other origin"), the visitor's saved draft is byte-identical after "Restore
 * draft", the page never froze while the attack ran (every click answered; the worst wait is attached to the test), and the runtime still runs
 * the visitor's code afterwards. Each family then checks what its attack was after. A new file in
 * `attacks/` is picked up with the common checks.
 */
import { type Page } from "@playwright/test";
import { getFile, openApp, row } from "../fixtures";
import {
  CLICK_BUDGET_MS, attackNames, heapUsedMB, linkTo, loadAttack, probeUntil, restoreDraft, startOutside, storedDraft,
  seedVisitorDraft, typeVisitorDraft, virtualTime, watchLeaks, test, expect, type Outside,
} from "./harness";
import type { Snippet } from "../../src/share/snippetTypes";

// Each test loads the app (Monaco, 14 MB of wasm) two or three times on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

let outside: Outside;
test.beforeAll(async () => {
  outside = await startOutside();
});
test.afterAll(async () => {
  await outside.close();
});

/** The watchdog's words when it replaced a worker that stopped answering. */
const WATCHDOG = /stopped answering/;

const shown = (page: Page, text: RegExp) => page.getByText(text).first().isVisible();
/** Time ran on (the attack did its work and the runtime kept going), or the page said something. */
const ranOrSaid = (page: Page) => async () => (await virtualTime(page)) >= 2000 || (await page.getByTestId("notice-error").count()) > 0;

type Family = {
  /** When the attack has done what it can; the page is probed with clicks until then. */
  until: (page: Page) => () => Promise<boolean>;
  /** What this attack was after did not happen (beyond the common checks). */
  check?: (page: Page, snippet: Snippet) => Promise<void>;
  /** The link is refused: nothing replaces the draft, so there is nothing to restore. */
  refused?: boolean;
};

const families: Array<[RegExp, Family]> = [
  [/^net-/, { until: ranOrSaid }],
  [/^(forge-|hijack-|draft-tamper)/, {
    until: ranOrSaid,
    check: async (page, snippet) => {
      // The controls work and the editor holds what the link held, nothing the worker sent.
      await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready");
      await expect(page.getByTestId("run").or(page.getByTestId("pause")).first()).toBeEnabled();
      await expect(page.getByTestId("file-tab")).toHaveCount(Object.keys(snippet.files).length);
      expect(await getFile(page, "Main.ts")).toBe(snippet.files["Main.ts"]);
    },
  }],
  [/^(guard-|hang-|flood-)/, {
    until: (page) => async () => (await virtualTime(page)) >= 3000 || (await shown(page, WATCHDOG)) || (await page.getByTestId("notice-error").count()) > 0,
  }],
  [/^big-/, {
    until: (page) => async () => (await virtualTime(page)) >= 3000 || (await shown(page, WATCHDOG)),
    check: async (page) => {
      // A long line is cut where the page stores it, and says so; the page's heap stays small.
      await expect(page.getByTestId("log-line").first()).toContainText("more characters not shown");
      expect(await heapUsedMB(page), "the page's JS heap (MB)").toBeLessThan(300);
    },
  }],
  [/^opfs$/, {
    until: ranOrSaid,
    check: async (page) => {
      const stored = await page.evaluate(async () => {
        const names: string[] = [];
        const root = await navigator.storage.getDirectory();
        for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
        const dbs = (await indexedDB.databases()).map((d) => d.name ?? "");
        return { files: names, dbs, caches: await caches.keys() };
      });
      expect(stored).toEqual({ files: [], dbs: [], caches: [] });
    },
  }],
  [/^load-throws$/, {
    // The Run did not start: the page says why under the editor (file, line, the error).
    until: (page) => async () => (await page.getByTestId("compile-error").filter({ hasText: "loading failed" }).count()) > 0,
    check: async (page) => {
      await expect(page.getByTestId("compile-error")).toContainText("the snippet did not start");
      await expect(page.getByTestId("compile-error")).toContainText("boom at load");
      await expect(page.getByText("Starting…")).toHaveCount(0);
      // Nothing runs: time does not run on over an empty system.
      expect(await virtualTime(page)).toBe(0);
    },
  }],
  [/^files-10000$/, {
    refused: true,
    until: (page) => async () => (await page.getByTestId("notice-error").count()) > 0,
    check: async (page) => {
      await expect(page.getByTestId("notice-error").first()).toContainText(/files/);
      await expect(page.getByTestId("notice-error").first()).toContainText("Your draft is unchanged");
      // The visitor's own files, not one tab per file of the link.
      await expect(page.getByTestId("file-tab")).toHaveCount(2);
    },
  }],
];

const defaultFamily: Family = { until: ranOrSaid };

for (const name of attackNames()) {
  const family = families.find(([pattern]) => pattern.test(name))?.[1] ?? defaultFamily;
  test(`${name}: stays in its box`, async ({ page, context }) => {
    // (On the shared context: the listener ends with the test.)
    const { leaks, stop } = watchLeaks(context);
    try {
      outside.requests.length = 0;
      const draft = await seedVisitorDraft(page);
      const snippet = loadAttack(name, outside);

      const opened = Date.now();
      await page.goto(await linkTo(snippet, "?autoplay=1"));
      await page.waitForSelector("body[data-editor-ready]", { timeout: 60_000 });
      // From here the attack runs (autoplay starts it once the compiler is ready): the page's own
      // start-up (Monaco, the first render) is not what is measured.
      await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
      const worst = await probeUntil(page, family.until(page));
      const took = Date.now() - opened;

      expect(outside.requests, "requests that reached the outside server").toEqual([]);
      expect(leaks, "requests to another origin that got an answer").toEqual([]);
      await family.check?.(page, snippet);

      if (!family.refused) await restoreDraft(page);
      await expect.poll(() => storedDraft(page), { message: "the visitor's draft, byte for byte" }).toBe(draft);
      // The runtime (or the one that replaced it) runs the visitor's own code.
      await expect(page.getByTestId("compiler-status")).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
      await page.getByTestId("run").click();
      await expect(row(page, "counter")).toHaveCount(1, { timeout: 30_000 });
      expect(await storedDraft(page)).toBe(draft);
      expect(outside.requests).toEqual([]);
      expect(leaks).toEqual([]);
      expect(worst, `the slowest click's wait beyond an empty page's, ms (the attack ran ${took} ms)`).toBeLessThan(CLICK_BUDGET_MS);
    } finally {
      stop();
    }
  });
}

test("the watchdog replaces a worker stuck in a regular expression, keeps the files and says so", async ({ page }) => {
  const draft = await typeVisitorDraft(page);
  await page.goto(await linkTo(loadAttack("hang-regex", outside), "?autoplay=1"));
  const worst = await probeUntil(page, () => shown(page, WATCHDOG));
  const notice = page.getByTestId("notice-error").filter({ hasText: WATCHDOG });
  await expect(notice).toContainText("Your files are exactly as they were");
  await page.screenshot({ path: "test-results/security-watchdog.png" });
  await restoreDraft(page);
  await expect.poll(() => storedDraft(page)).toBe(draft);
  expect(worst).toBeLessThan(CLICK_BUDGET_MS);
});
