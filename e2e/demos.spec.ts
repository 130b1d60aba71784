/**
 * The guided demos in real Chromium: each opens by its short link, `#example/<id>` in Elixir and
 * `#example/<id>/ts` for its TypeScript twin, plays itself (`?autoplay=1`, fast), shows its
 * captions and ends with every lesson check green; the lesson panel's switch opens the twin. Then the
 * examples menu, the About page and the embed widget. One page per describe block: every fresh
 * page loads Monaco and 14 MB of wasm.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { demos, findDemo, lessons } from "../src/examples";
import { getFile, openApp, setFile, timeStandsStill, watchOrigin } from "./fixtures";

const PLAYED = lessons.map((l) => l.key);
const SPEED = 10;

async function freshPage(browser: Browser): Promise<{ page: Page; outside: string[] }> {
  const context = await browser.newContext();
  const outside = watchOrigin(context);
  const page = await context.newPage();
  return { page, outside };
}

/** Waits until no check is pending; fails with each red check's expected/got text. */
async function expectChecksGreen(page: Page, count: number): Promise<void> {
  const checks = page.getByTestId("check");
  await expect(checks).toHaveCount(count);
  await expect
    .poll(async () => (await checks.evaluateAll((els) => els.map((e) => e.getAttribute("data-ok")))).filter((s) => s === "pending").length, {
      timeout: 45_000,
      message: "every lesson check reports",
    })
    .toBe(0);
  const failed = await page.locator("[data-testid=check][data-ok=false]").allInnerTexts();
  expect(failed, "red checks (expected vs got)").toEqual([]);
  await expect(page.locator("[data-testid=check][data-ok=true]")).toHaveCount(count);
}

test.describe("each demo plays by its short link", () => {
  test.describe.configure({ mode: "serial" });
  let page: Page;
  let outside: string[];
  test.beforeAll(async ({ browser }) => {
    ({ page, outside } = await freshPage(browser));
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  for (const [i, id] of PLAYED.entries()) {
    test(`${id}: autoplay shows its captions and every check green`, async () => {
      const demo = lessons[i];
      const url = `/?autoplay=1&speed=${SPEED}#example/${id}`;
      // The first opens the page; the others follow the link inside it (same document), as a
      // reader clicking from one lesson to the next would, and autoplay again.
      if (i === 0) await openApp(page, url);
      else await page.goto(url);
      await expect(page.getByTestId("explanation")).toBeVisible();
      await expect(page.getByTestId("explanation")).toContainText(demo.explanation.watch.slice(0, 40));
      expect(new URL(page.url()).hash).toBe(`#example/${id}`);

      const checks = demo.snippet.checks ?? [];
      await expectChecksGreen(page, checks.length);
      await expect(page.getByTestId("checks-summary")).toHaveText(`${checks.length}/${checks.length}`);

      // Every caption was shown (numbered n/n), and the last one is on screen.
      const says = (demo.snippet.script ?? []).filter((s) => s.say !== undefined).map((s) => s.say!);
      await expect(page.getByTestId("caption-text")).toHaveText(says[says.length - 1], { timeout: 20_000 });
      await expect(page.getByTestId("caption-num")).toHaveText(`${says.length}/${says.length}`);
      expect(outside).toEqual([]);
    });
  }
});

test.describe("the examples menu, the draft and the About page", () => {
  test.describe.configure({ mode: "serial" });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    ({ page } = await freshPage(browser));
    await openApp(page);
  });
  test.afterAll(async () => {
    await page.context().close();
  });

  test("the menu lists the default and every demo; choosing one opens it, its short link and its lesson, and keeps the draft", async () => {
    // The default is the Elixir seed: the draft is an edit of its counter.ex.
    await setFile(page, "counter.ex", "# my own draft\n");
    await page.getByTestId("examples-menu").click();
    const items = page.getByTestId("example-item");
    await expect(items).toHaveCount(demos.length + 1);
    await expect(items.first()).toHaveAttribute("data-id", "seed");
    for (const demo of demos) {
      const item = page.locator(`[data-testid=example-item][data-id="${demo.id}"]`);
      await expect(item).toContainText(demo.title);
      await expect(item).toContainText(demo.summary);
    }

    const demo = findDemo("supervisor-crash")!.elixir;
    await page.locator('[data-testid=example-item][data-id="supervisor-crash"]').click();
    await expect(page.getByTestId("examples-list")).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/supervisor-crash");
    const explanation = page.getByTestId("explanation");
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText("What to watch");
    await expect(explanation).toContainText("Why it happens");
    await expect(explanation).toContainText("On the BEAM");
    for (const doc of demo.explanation.docs) {
      const link = explanation.getByRole("link", { name: doc.label });
      await expect(link).toHaveAttribute("href", doc.url);
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", /noopener/);
    }
    await expect(page.locator("[data-testid=check][data-ok=pending]")).toHaveCount(demo.snippet.checks!.length);
    expect(await getFile(page, "worker.ex")).toBe(demo.snippet.files["worker.ex"]);

    // Play lesson runs it from the start, like ?autoplay=1.
    await page.getByTestId("speed").selectOption("25");
    await page.getByTestId("play-lesson").click();
    await expectChecksGreen(page, demo.snippet.checks!.length);

    // The draft the example replaced comes back from the toolbar.
    await page.getByRole("button", { name: /Restore draft/ }).click();
    expect(await getFile(page, "counter.ex")).toBe("# my own draft\n");
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    await expect(page.getByTestId("explanation")).toHaveCount(0);
  });

  test("an edit drops the example's short link: the URL no longer says what is on screen", async () => {
    await page.getByTestId("examples-menu").click();
    await page.locator('[data-testid=example-item][data-id="upgrade-code-change"]').click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/upgrade-code-change");
    await setFile(page, "main.ex", (await getFile(page, "main.ex")) + "\n# edited\n");
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    // The lesson stays: the code is still that lesson's, with the user's change.
    await expect(page.getByTestId("explanation")).toBeVisible();
  });

  test("the lesson panel's switch opens the TypeScript twin (its short link ends in /ts) and back", async () => {
    const demo = findDemo("links-monitors")!;
    await page.getByTestId("examples-menu").click();
    await page.locator('[data-testid=example-item][data-id="links-monitors"]').click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/links-monitors");
    await expect(page.getByTestId("lesson-language-elixir")).toHaveAttribute("aria-pressed", "true");
    expect(await getFile(page, "main.ex")).toBe(demo.elixir.snippet.files["main.ex"]);

    await page.getByTestId("lesson-language-typescript").click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/links-monitors/ts");
    await expect(page.getByTestId("lesson-language-typescript")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("explanation")).toContainText(demo.typescript.explanation.watch.slice(0, 60));
    expect(await getFile(page, "Main.ts")).toBe(demo.typescript.snippet.files["Main.ts"]);
    // The examples menu now opens lessons in TypeScript too, until the switch says otherwise.
    await page.getByTestId("examples-menu").click();
    await page.locator('[data-testid=example-item][data-id="selective-receive"]').click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/selective-receive/ts");

    await page.getByTestId("lesson-language-elixir").click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/selective-receive");
    await expect(page.getByTestId("explanation")).toContainText(findDemo("selective-receive")!.elixir.explanation.watch.slice(0, 60));
  });

  test("Mix project downloads an Elixir lesson as a zip of a Mix project; a TypeScript snippet has no such button", async () => {
    await page.getByTestId("examples-menu").click();
    await page.locator('[data-testid=example-item][data-id="seed-recompile"]').click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/seed-recompile");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-mix").click()]);
    expect(download.suggestedFilename()).toBe("seed_recompile.zip");
    const file = join(mkdtempSync(join(tmpdir(), "mix-zip-")), "seed_recompile.zip");
    await download.saveAs(file);
    const listing = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
    for (const path of ["seed_recompile/mix.exs", "seed_recompile/README.md", "seed_recompile/.iex.exs", "seed_recompile/lib/counter.ex", "seed_recompile/lib/main.ex", "seed_recompile/steps/4500ms/counter.ex"])
      expect(listing).toContain(path);
    const readme = execFileSync("unzip", ["-p", file, "seed_recompile/README.md"], { encoding: "utf8" });
    expect(readme).toContain('File.cp!("steps/4500ms/counter.ex", "lib/counter.ex")\nrecompile()');
    expect(execFileSync("unzip", ["-p", file, "seed_recompile/steps/4500ms/counter.ex"], { encoding: "utf8" })).toContain("state = state + 10");

    await page.getByTestId("lesson-language-typescript").click();
    await expect.poll(() => new URL(page.url()).hash).toBe("#example/seed-recompile/ts");
    await expect(page.getByTestId("export-mix")).toHaveCount(0);
  });

  test("the About page says how the playground maps to the BEAM and where it differs", async () => {
    await page.getByTestId("about-button").click();
    const about = page.getByTestId("about");
    await expect(about).toBeVisible();
    await expect(about.getByRole("heading", { name: "How it maps to the BEAM" })).toBeVisible();
    await expect(about.getByRole("heading", { name: "Where it deliberately differs" })).toBeVisible();
    await expect(about.getByRole("heading", { name: "await stands for receive" })).toBeVisible();
    await expect(about.getByRole("heading", { name: "Take a lesson to real Elixir" })).toBeVisible();
    // Inline code from the backticks.
    await expect(about.locator("code", { hasText: "code_change" }).first()).toBeVisible();
    expect(await about.innerText()).not.toContain("`");
    await page.keyboard.press("Escape");
    await expect(about).toHaveCount(0);
  });
});

test("embed + readonly: a replay widget with captions, checks and read-only code, no console", async ({ browser }) => {
  const { page, outside } = await freshPage(browser);
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto(`/?embed=1&readonly=1&autoplay=1&speed=${SPEED}#example/seed-recompile`);
  await page.waitForSelector("body[data-editor-ready]", { timeout: 60_000 });

  // No console, no editor chrome, none of the code actions.
  await expect(page.getByTestId("console-input")).toHaveCount(0);
  await expect(page.getByTestId("file-tab")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add a module" })).toHaveCount(0);
  for (const id of ["recompile", "upgrade", "restart", "share", "examples-menu"]) await expect(page.getByTestId(id)).toHaveCount(0);

  const demo = findDemo("seed-recompile")!.elixir;
  await expectChecksGreen(page, demo.snippet.checks!.length);
  await expect(page.getByTestId("caption-text")).toBeVisible();
  await expect(page.locator("[data-testid=process-row]").first()).toBeVisible();
  await expect(page.getByTestId("swap-marker")).toHaveCount(1);

  // The code is a plain read-only view (no editor is loaded in an embed): typing into it changes nothing.
  await expect(page.getByTestId("code-view")).toHaveAttribute("aria-readonly", "true");
  await expect(page.locator(".monaco-editor")).toHaveCount(0);
  const before = await getFile(page, "counter.ex");
  await page.getByTestId("code-view").click();
  await page.keyboard.type("xyz");
  expect(await getFile(page, "counter.ex")).toBe(before);
  // The replay played from its build-time compile: the compiler was never needed.
  await expect(page.getByTestId("compiler-status")).toHaveCount(0);

  // The story ends on its last frame: time stands still there until the viewer plays on.
  const time = () => page.getByTestId("virtual-time").textContent();
  await expect(page.getByTestId("lesson-end")).toBeVisible();
  await expect(page.getByTestId("pause")).toHaveAttribute("aria-label", "Play");
  const end = await timeStandsStill(page);
  await page.getByTestId("pause").click();
  await expect(page.getByTestId("pause")).toHaveAttribute("aria-label", "Pause");
  await expect.poll(time).not.toBe(end);
  await expect(page.getByTestId("lesson-end")).toHaveCount(0);
  // Pause stops time.
  await page.getByTestId("pause").click();
  await expect(page.getByTestId("pause")).toHaveAttribute("aria-label", "Play");
  await timeStandsStill(page);
  // Replay starts over: the checks are pending again, then green again.
  await page.getByTestId("speed").selectOption("1");
  await page.getByTestId("replay").click();
  await expect(page.locator("[data-testid=check][data-ok=pending]")).toHaveCount(demo.snippet.checks!.length);
  await page.getByTestId("speed").selectOption(String(SPEED));
  await expectChecksGreen(page, demo.snippet.checks!.length);

  // It fits: nothing scrolls the page sideways, and the widget did not touch the user's draft.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem("hotswap.draft.v1"))).toBeNull();
  expect(outside).toEqual([]);
  await page.context().close();
});
