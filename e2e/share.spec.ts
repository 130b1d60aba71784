/**
 * Share links (SPEC §6): a link round-trips every file and the script; `?autoplay=1` runs the
 * snippet and plays its script with captions.
 */
import { test, expect } from "@playwright/test";
import { decodeSharePayload, encodeSharePayload } from "../src/share/shareUrl";
import type { Snippet } from "../src/share/snippetTypes";
import { typescriptSeedSnippet as seedSnippet } from "../src/examples/seed";
import { ORIGIN, clearStorage, getFile, openApp, row, watchOrigin } from "./fixtures";

const scripted: Snippet = {
  title: "Counter survives recompile (scripted)",
  files: {
    ...seedSnippet.files,
    "Notes.ts": 'import { log } from "otp";\n\nexport function hello() {\n  log("hello ✓ — unicode survives");\n}\n',
  },
  main: "Main",
  script: [
    { at: 2500, patch: [{ file: "Counter.ts", find: "state + 1", replace: "state + 10" }], action: "recompile", say: "Recompile: same pid, same state, new code." },
    { at: 4000, eval: "sys.get_state(Process.whereis('counter'))", say: "Ask the counter for its state." },
  ],
};

test("a share link round-trips all files and the script", async ({ page, context }) => {
  const outside = watchOrigin(context);
  await openApp(page);
  await clearStorage(page);
  const payload = await encodeSharePayload(scripted);
  await openApp(page, `/#v1/${payload}`);
  await expect(page.locator("[data-testid=file-tab]")).toHaveText([/Counter\.ts/, /Main\.ts/, /Notes\.ts/]);
  expect(await getFile(page, "Notes.ts")).toBe(scripted.files["Notes.ts"]);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]).catch(() => undefined);
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url.startsWith(`${ORIGIN}/#v1/`)).toBe(true);
  const decoded = await decodeSharePayload(url.slice(url.indexOf("#v1/") + 4));
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.snippet.files).toEqual(scripted.files);
  expect(decoded.snippet.script).toEqual(scripted.script);
  expect(decoded.snippet.main).toBe("Main");

  // Opening it again gives the same editor.
  await openApp(page, url.slice(ORIGIN.length));
  expect(await getFile(page, "Notes.ts")).toBe(scripted.files["Notes.ts"]);
  expect(outside).toEqual([]);
  await clearStorage(page);
});

test("autoplay runs a scripted snippet and plays its script with captions", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  const payload = await encodeSharePayload(scripted);
  await openApp(page, `/?autoplay=1&speed=2#v1/${payload}`);
  await expect(row(page, "counter")).toHaveCount(1, { timeout: 20_000 });
  // Each caption said is marked on the timeline (the bar shows only the latest one: on a loaded
  // machine the first can be gone before a poll sees it).
  await expect(page.getByTestId("caption-mark").first()).toHaveAttribute("title", "1. Recompile: same pid, same state, new code.", { timeout: 20_000 });
  await expect(page.getByTestId("swap-marker")).toHaveCount(1);
  // The script's patch shows in the editor, and the eval's answer in the shell's log.
  await expect.poll(() => getFile(page, "Counter.ts")).toContain("state + 10");
  await expect(page.getByTestId("caption")).toContainText("Ask the counter for its state.", { timeout: 20_000 });
  await expect(page.getByTestId("console-result").filter({ hasText: /^\d+$/ })).toHaveCount(1, { timeout: 10_000 });
  await clearStorage(page);
});
