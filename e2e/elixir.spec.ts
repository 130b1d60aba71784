/**
 * Elixir in the playground (issue 9), in real Chromium: the seed a first visitor sees is the
 * forum post's counter in Elixir; typing `+ 10` in Monaco and pressing Recompile keeps the row,
 * its pid and its count, with the new step and a swap marker; the console is IEx (bindings,
 * Elixir terms, prompt numbers); a syntax error marks its Elixir line and the old code runs on.
 */
import { test, expect, type Page } from "@playwright/test";
import { clearStorage, counts, getFile, lane, openApp, row, runSeed, setFile, setSpeed, watchOrigin } from "./fixtures";

/** Waits until the last two counts of `pid` differ by `step`; returns every count. */
async function untilStep(page: Page, pid: string, step: number): Promise<number[]> {
  let values: number[] = [];
  await expect.poll(async () => {
    values = await counts(page, pid);
    return values.length >= 2 ? values[values.length - 1] - values[values.length - 2] : null;
  }, { timeout: 30_000 }).toBe(step);
  return values;
}

async function consoleLine(page: Page, line: string): Promise<void> {
  const input = page.getByTestId("console-input");
  await input.fill(line);
  await input.press("Enter");
}

test("the Elixir seed: + 10 typed in Monaco and Recompile go on from the old state on the same row; IEx prints Elixir terms; a syntax error keeps the old code", async ({ page, context }) => {
  // One story from the first visit to a failed compile: longer than one step on a loaded machine.
  test.setTimeout(240_000);
  const outside = watchOrigin(context);
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  expect(await getFile(page, "counter.ex")).toContain("use GenServer");
  expect(await page.getByTestId("file-tab").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-file")))).toEqual(["counter.ex", "main.ex"]);

  // 2×: the swap stays in the timeline's window while the page is read on a loaded machine.
  await setSpeed(page, 2);
  await runSeed(page, "Counter");
  await expect.poll(async () => Number((await lane(page, "Counter")).state), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  // Real keystrokes in Monaco: select the `1` of `state + 1` and type `10`... as `+ 10` over `+ 1`.
  await page.getByTestId("file-tab").filter({ hasText: "counter.ex" }).click();
  await page.evaluate(() => {
    const editor = window.__playground!.editor!;
    const match = editor.getModel()!.findMatches("state + 1\n", false, false, true, null, false)[0];
    editor.setSelection({ startLineNumber: match.range.startLineNumber, startColumn: match.range.startColumn + "state ".length, endLineNumber: match.range.startLineNumber, endColumn: match.range.startColumn + "state + 1".length });
    editor.focus();
  });
  await page.keyboard.type("+ 10");
  await expect.poll(() => getFile(page, "counter.ex")).toContain("state = state + 10\n");

  const before = await lane(page, "Counter");
  await page.getByTestId("recompile").click();
  await expect(page.getByTestId("swap-marker")).toHaveCount(1);
  await expect(row(page, "Counter").locator("[data-testid=swap-badge][data-kind=kept]")).toBeVisible();
  const values = await untilStep(page, before.pid, 10);
  const firstNew = values.find((v, i) => i > 0 && v - values[i - 1] === 10)!;
  expect(values[values.indexOf(firstNew) - 1]).toBeGreaterThanOrEqual(Number(before.state));
  expect((await lane(page, "Counter")).pid).toBe(before.pid);
  await expect(row(page, "Counter")).toHaveCount(1);
  // Module names as Elixir writes them, never Elixir.Counter.
  await expect(page.locator(".lanes")).not.toContainText("Elixir.");

  // IEx: a binding on one line, used on the next; results printed as inspect prints them.
  await expect(page.getByTestId("console-prompt")).toHaveText("iex(1)>");
  await consoleLine(page, "pid = Process.whereis(Counter)");
  await expect(page.getByTestId("console-result").last()).toHaveText(before.pid);
  await consoleLine(page, "{:state, :sys.get_state(pid), self() == pid}");
  await expect(page.getByTestId("console-result").last()).toHaveText(/^\{:state, \d+, false\}$/);
  await expect(page.getByTestId("console-prompt")).toHaveText("iex(3)>");
  await consoleLine(page, "Enum.map([1, 2,");
  await expect(page.getByTestId("console-prompt")).toHaveText("...(3)>");
  await consoleLine(page, "3], &(&1 * 2))");
  await expect(page.getByTestId("console-result").last()).toHaveText("[2, 4, 6]");
  await consoleLine(page, "v(1) == pid");
  await expect(page.getByTestId("console-result").last()).toHaveText("true");
  await page.getByTestId("console-input").press("ArrowUp");
  await expect(page.getByTestId("console-input")).toHaveValue("v(1) == pid");

  // A syntax error: a marker at its Elixir line, no swap, and the old code keeps counting by 10.
  const code = (await getFile(page, "counter.ex"))!;
  await setFile(page, "counter.ex", code.replace("state = state + 10\n", "state = state + 10)\n"));
  await page.getByTestId("recompile").click();
  await expect(page.getByTestId("compile-error")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground!.markers("counter.ex"))).toEqual([expect.objectContaining({ line: 17 })]);
  await expect(row(page, "Counter")).toContainText("v2"); // nothing was loaded: still the version of the first Recompile
  const seen = (await counts(page, before.pid)).length;
  await expect.poll(async () => (await counts(page, before.pid)).length, { timeout: 30_000 }).toBeGreaterThan(seen + 1);
  const after = await counts(page, before.pid);
  expect(after.at(-1)! - after.at(-2)!).toBe(10);
  expect((await lane(page, "Counter")).pid).toBe(before.pid);

  // recompile() in IEx is the Recompile button: with the error still there it answers :error.
  await consoleLine(page, "recompile()");
  await expect(page.getByTestId("console-result").last()).toHaveText(":error");
  expect(outside).toEqual([]);
});

test("a crash report in the Log reads as Elixir's Logger prints it", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  const code = (await getFile(page, "counter.ex"))!;
  await setFile(page, "counter.ex", code.replace("    state = state + 1\n", '    state = state + 1\n    if state == 3, do: raise("boom")\n'));
  await setSpeed(page, 5);
  await page.getByTestId("run").click();
  // Each restarted counter starts from 0 again and crashes at 3 in turn.
  await expect.poll(() => row(page, "Counter").count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const lines = page.locator("[data-testid=log-line] .log-text");
  await expect(lines.filter({ hasText: /^\[error\] GenServer Counter terminating$/ }).first()).toBeVisible();
  await expect(lines.filter({ hasText: /^\*\* \(RuntimeError\) boom$/ }).first()).toBeVisible();
  await expect(lines.filter({ hasText: /^\s*counter\.ex:18: Counter/ }).first()).toBeVisible();
  await expect(lines.filter({ hasText: /^State: 2$/ }).first()).toBeVisible();
  // The ended row says why, as Elixir reads a raise (the row's header: its end cap may have scrolled away).
  await expect(row(page, "Counter").first().getByTestId("process-state")).toHaveAttribute("title", /exited: \(RuntimeError\) boom/);
});

test("completions in a .ex file: the supported stdlib's functions with arities, and the snippet's own modules", async ({ page }) => {
  await openApp(page);
  await clearStorage(page);
  await openApp(page);
  const probe = "defmodule Probe do\n  def go do\n    Enum.\n    Counter.\n    Gen\n  end\nend\n";
  await setFile(page, "probe.ex", probe);
  const at = (text: string) => probe.indexOf(text) + text.length;
  const completions = (offset: number) => page.evaluate(([f, o]) => window.__playground!.completions(f, o), ["probe.ex", offset] as const);
  await expect.poll(() => completions(at("Enum."))).toEqual(expect.arrayContaining(["map/2", "reduce/3", "sum/1"]));
  await expect.poll(() => completions(at("Counter."))).toEqual(["start_link/1", "init/1", "handle_info/2"]);
  await expect.poll(() => completions(at("Gen"))).toEqual(expect.arrayContaining(["GenServer", "Counter", "Main", "send/2", "go/0"]));
});
