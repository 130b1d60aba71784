/**
 * The observer (issue 11) in real Chromium: time travel over the seed lesson (just before the swap,
 * one key later just after it, back to the present, and the same across a restart), acting on a
 * process from the inspector (kill it, send it a message), and axe-core over the main views.
 */
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openApp, openTypeScriptSeed, row, setFile } from "./fixtures";
import { encodeSharePayload } from "../src/share/shareUrl";

// Each test loads Monaco and the compiler and plays a lesson: on a loaded shared machine that alone
// can take a minute. Nothing below waits on wall-clock time; the limit only bounds a hang.
test.describe.configure({ timeout: 240_000 });

/** Log lines with this text (the log is virtualised: the filter brings them into view). */
async function logLines(page: Page, text: string) {
  await page.getByTestId("tab-log").click();
  await page.getByLabel("Filter the log by text").fill(text);
  return page.locator("[data-testid=log-line]", { hasText: text });
}

const counterRow = (page: Page, pid: string) => page.locator(`[data-testid=process-row][data-pid="${pid}"]`);

async function lessonEnded(page: Page): Promise<void> {
  // A lesson stops on its last frame: the play button offers to resume.
  await expect(page.getByTestId("pause")).toHaveAttribute("title", /^Resume/, { timeout: 60_000 });
}

async function shows(page: Page, pid: string, state: string, vsn: string): Promise<void> {
  const r = counterRow(page, pid);
  await expect(r.getByTestId("process-state")).toHaveText(state);
  await expect(r.getByTestId("lane-chip")).toContainText(`Counter v${vsn}`);
  await expect(page.getByTestId("inspector-pid")).toHaveText(pid);
  await expect(page.getByTestId("inspector-state")).toHaveText(state);
  await expect(page.getByTestId("inspector-version")).toHaveText(`runs Counter v${vsn} (current)`);
}

test("time travel: just before the swap 6 on v1, one key later 16 on v2, same pid; back to the present; across a restart", async ({ page }) => {
  await openApp(page, "/?speed=5#example/seed-recompile/ts");
  await page.getByTestId("run").click();
  await lessonEnded(page);
  const pid = (await row(page, "counter").getAttribute("data-pid"))!;
  await row(page, "counter").click();

  // The recompile's flag: one click puts the view just before it.
  await page.locator("[data-testid=swap-label]", { hasText: "recompile" }).click();
  await expect(page.getByTestId("travel-time")).toHaveText("at 4.00s");
  await shows(page, pid, "6", "1");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("travel-time")).toHaveText("at 5.00s");
  await shows(page, pid, "16", "2");
  await page.keyboard.press("ArrowLeft");
  await shows(page, pid, "6", "1");

  // Back to the present: the live row and the inspector's live view.
  await page.getByTestId("travel-present").click();
  await expect(page.getByTestId("travel-time")).toHaveCount(0);
  await expect(page.getByTestId("inspector-past")).toHaveCount(0);
  await expect(counterRow(page, pid).getByTestId("process-state")).toHaveText("46");

  // A restart: new pids; the old counter's row still shows its states at a chosen time.
  await page.getByTestId("restart").click();
  await expect(row(page, "counter")).toHaveCount(2);
  const fresh = (await row(page, "counter").last().getAttribute("data-pid"))!;
  expect(fresh).not.toBe(pid);
  await page.getByTestId("pause").click();
  // The window followed the present past the recompile: Home brings the start (and its flag) back.
  await page.keyboard.press("Home");
  await page.locator("[data-testid=swap-label]", { hasText: "recompile" }).click();
  await shows(page, pid, "6", "1");
  await expect(counterRow(page, fresh).getByTestId("process-state")).toHaveText("not started yet");
  await page.keyboard.press("ArrowRight");
  await shows(page, pid, "16", "2");
  await page.keyboard.press("End");
  await expect(counterRow(page, pid).getByTestId("process-state")).toHaveText("killed");
});

const LISTENING = `import { GenServer, Process, self, log } from "otp";

export function start_link(_arg: unknown) {
  return GenServer.start_link(__MODULE__, null, { name: "counter" });
}
export function init(_arg: unknown) {
  Process.send_after(self(), "increment", 1000);
  return ["ok", 1];
}
export function handle_info(msg: unknown, state: number) {
  if (msg === "increment") {
    Process.send_after(self(), "increment", 1000);
    return ["noreply", state + 1];
  }
  log("handle_info got", msg);
  return ["noreply", state];
}
`;

test("the inspector kills the counter (the supervisor restarts it, the Log has the report) and sends a message its handler sees", async ({ page }) => {
  await openApp(page);
  await openTypeScriptSeed(page);
  await setFile(page, "Counter.ts", LISTENING);
  await page.getByTestId("run").click();
  await expect(row(page, "counter")).toHaveCount(1);
  // Paused: the actions still happen (the shell does them at the moment shown), and nothing scrolls away.
  await page.getByTestId("pause").click();
  const pid = (await row(page, "counter").getAttribute("data-pid"))!;
  await row(page, "counter").click();

  await page.getByTestId("act-send-term").fill('["hello", 42]');
  await page.getByTestId("act-send").click();
  await expect(await logLines(page, '⚡ message ["hello", 42] from the console')).toHaveCount(1);
  await expect((await logLines(page, 'handle_info got ["hello", 42]')).and(page.locator(`[data-pid="${pid}"]`))).toHaveCount(1);

  await page.getByTestId("tab-inspector").click();
  await page.getByTestId("act-exit").click(); // the reason offered first: kill
  await expect(row(page, "counter")).toHaveCount(2);
  const old = counterRow(page, pid);
  await expect(old.getByTestId("process-state")).toHaveText("killed");
  await expect(old.getByTestId("process-state")).toHaveAttribute("title", /exited: killed/);
  await expect(old.getByTestId("exit-reason")).toHaveAttribute("title", /killed/);
  await expect(old.getByTestId("poke-mark")).toHaveCount(2);
  await expect(await logLines(page, "Child Counter of Supervisor")).toHaveText([/Child Counter of Supervisor #PID<0\.\d+\.0> terminated/]);
  await expect(await logLines(page, '** (exit) "killed"')).toHaveCount(1);
});

test("a row's context menu acts on its process: crash the next callback gives a GenServer crash report", async ({ page }) => {
  await openApp(page);
  await openTypeScriptSeed(page);
  await page.getByTestId("run").click();
  await expect(row(page, "counter")).toHaveCount(1);
  await row(page, "counter").click({ button: "right" });
  await page.getByTestId("menu-crash-next").click();
  await expect(row(page, "counter")).toHaveCount(2, { timeout: 20_000 });
  await expect(await logLines(page, 'GenServer "counter" terminating')).toHaveCount(1);
  await expect(await logLines(page, "** (RuntimeError) crash injected from outside: handle_info did not run")).toHaveCount(2); // its report and the supervisor's
});

for (const theme of ["dark", "light"] as const) {
  test(`axe-core finds no serious or critical violation on the main views (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem("hotswap.theme", t), theme);
    await openApp(page, "/?speed=5#example/seed-recompile/ts");
    const check = async (view: string) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).exclude(".monaco-editor").analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
    };
    await check("loaded lesson");
    await page.getByTestId("run").click();
    await lessonEnded(page);
    await check("lesson at its end");
    await row(page, "counter").click();
    await check("inspector");
    await page.locator("[data-testid=swap-label]", { hasText: "recompile" }).click();
    await check("time travel");
    await page.getByTestId("tab-log").click();
    await check("log");
    await page.getByTestId("tab-tree").click();
    await check("supervision tree");
  });
}

const BACKLOG = `import { spawn, send, receive, register, self, Process, log } from "otp";

// The sink reads nothing for 3 s while a message arrives every 500 ms, then drains them.
export function start() {
  const sink = spawn(async () => {
    Process.register(self(), "sink");
    await Process.sleep(3000);
    for (let i = 0; i < 6; i++) await receive();
    log("drained");
    await Process.sleep(60_000);
  });
  spawn(async () => {
    for (let i = 0; i < 6; i++) {
      await Process.sleep(500);
      send(sink, i);
    }
  });
}
`;

test("travelling back shows how many messages waited in a mailbox then", async ({ page }) => {
  const payload = await encodeSharePayload({ title: "A backlog", files: { "Main.ts": BACKLOG }, main: "Main" });
  await openApp(page, `/?speed=5#v1/${payload}`);
  await page.getByTestId("run").click();
  await expect(await logLines(page, "drained")).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId("pause").click();
  await row(page, "sink").click();
  await page.getByTestId("tab-inspector").click();
  const slider = page.getByTestId("travel-slider");
  for (const [t, waiting] of [[1200, "2"], [2600, "5"], [3200, "0"]] as const) {
    await slider.fill(String(t));
    await expect(page.getByTestId("inspector-past")).toBeVisible();
    await expect(page.getByTestId("inspector-mailbox")).toHaveText(waiting);
  }
});
