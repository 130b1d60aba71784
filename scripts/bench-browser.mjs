// Browser benchmark (issue 3), in headless Chromium against the built app under `vite preview`:
//  - time to editor ready and to compiler ready (from navigation start);
//  - Recompile click → first event of the new code on screen (the swap marker), median and p95
//    over 20 runs once warm (targets ≤ 50 ms / ≤ 150 ms);
//  - frame times while 1,000 processes each log 10 lines/s (target p95 ≤ 16.7 ms), and with
//    the message view on while 1,000 processes send 10 messages/s each;
//  - time travel (issue 11): 1,000 GenServers changing state 10 times a second until the
//    timeline holds 100k events, then the scrubber moved every frame (frame times, target p95
//    ≤ 16.7 ms) and ← stepping between moments (input → rendered, p95).
// Usage: npm run build && npm run bench:browser
import { chromium } from "@playwright/test";
import { chromiumArgs, startPreview } from "./preview.mjs";
import { existsSync } from "node:fs";

const PORT = 4175;
const args = chromiumArgs;
if (!existsSync("dist/index.html")) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}
const { base, server } = await startPreview(PORT);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const swarm = `import { spawn, log, Process } from "otp";

export function start() {
  for (let i = 0; i < 1000; i++) {
    spawn(async () => {
      let n = 0;
      while (true) {
        await Process.sleep(100);
        log(\`worker \${i} line \${n++}\`);
      }
    });
  }
}
`;

// 1,000 processes passing messages round a ring, 10 sends/s each, for the message view.
const chatty = `import { spawn, send, receive, self, Process } from "otp";

export function start() {
  const first = self();
  let next = first;
  for (let i = 0; i < 999; i++) {
    const to = next;
    next = spawn(async () => {
      while (true) {
        await receive();
        await Process.sleep(100);
        send(to, "tick");
      }
    });
  }
  for (let i = 0; i < 1000; i++) send(next, "tick");
}
`;

// 1,000 GenServers, each changing its state every 100 ms: 10,000 state events a second.
const tickers = \`import { GenServer, Process, self } from "otp";

export function start_link(i: number) {
  return GenServer.start_link(__MODULE__, i);
}
export function init(i: number) {
  Process.send_after(self(), "tick", 100 + (i % 100));
  return ["ok", { i, n: 0 }];
}
export function handle_info(_m: "tick", s: { i: number; n: number }) {
  Process.send_after(self(), "tick", 100);
  return ["noreply", { i: s.i, n: s.n + 1 }];
}
\`;
const tickersMain = \`import { Supervisor } from "otp";

export function start() {
  const children = [];
  for (let i = 0; i < 1000; i++) children.push({ id: i, start: ["Ticker", "start_link", [i]] });
  return Supervisor.start_link(children, { strategy: "one_for_one" });
}
\`;

/** rAF intervals over 5 s of wall time. */
const frameTimes = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const times = [];
        let last = performance.now();
        const end = last + 5000;
        const step = (now) => {
          times.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(step);
          else resolve(times);
        };
        requestAnimationFrame(step);
      }),
  );

const frameReport = (frames) =>
  `median ${ms(pct(frames, 50))}, p95 ${ms(pct(frames, 95))}, max ${ms(Math.max(...frames))} over ${frames.length} frames (target p95 16.7); dropped frames (> 25 ms): ${frames.filter((f) => f > 25).length}`;

try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => localStorage.clear());
  await page.goto(base);
  await page.waitForSelector("body[data-editor-ready]", { timeout: 60_000 });
  const editorReady = await page.evaluate(() => performance.now());
  await page.waitForSelector("[data-testid=compiler-status][data-phase=ready]", { timeout: 60_000 });
  const compilerReady = await page.evaluate(() => performance.now());
  console.log(`editor ready     ${ms(editorReady)}`);
  console.log(`compiler ready   ${ms(compilerReady)}`);

  // Recompile → first event of the new code, visible as a new swap marker.
  await page.click("[data-testid=run]");
  await page.waitForSelector("[data-testid=process-row][data-name=counter]");
  const latencies = [];
  for (let i = 0; i < 22; i++) {
    await page.evaluate((n) => {
      const f = window.__playground.getFile("Counter.ts").replace(/state \+ \d+;/, `state + ${n};`);
      window.__playground.setFile("Counter.ts", f);
    }, i + 2);
    const dt = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const count = () => document.querySelectorAll("[data-testid=swap-marker]").length;
          const before = count();
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            if (count() > before) {
              obs.disconnect();
              resolve(performance.now() - t0);
            }
          });
          obs.observe(document.body, { childList: true, subtree: true });
          document.querySelector("[data-testid=recompile]").click();
        }),
    );
    if (i >= 2) latencies.push(dt); // the first two warm the path
    await page.waitForTimeout(150);
  }
  console.log(`recompile → event median ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))} (n=${latencies.length}; targets 50 / 150)`);

  // 1,000 processes logging 10 lines/s each: frame times on the page.
  await page.evaluate((src) => {
    window.__playground.setFile("Main.ts", src);
  }, swarm);
  await page.click("[data-testid=run]");
  await page.waitForFunction(() => document.querySelector("[data-testid=process-row]") !== null);
  await page.waitForTimeout(2000);
  // rAF deltas sit on the display's 60 Hz grid with jitter (~16.6–16.9 ms even on an idle page),
  // so we also count the frames that really dropped (> 1.5 intervals).
  const frames = await frameTimes(page);
  const lines = await page.locator(".logview .muted").last().textContent().catch(() => "?");
  console.log(`frames (1,000 procs × 10 lines/s) ${frameReport(frames)}; log holds ${lines}`);

  // The message view on, with 10,000 messages a second between lanes.
  await page.getByTestId("show-messages").check();
  await page.evaluate((src) => {
    window.__playground.setFile("Main.ts", src);
  }, chatty);
  await page.click("[data-testid=run]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=message-arrow]").length > 0);
  await page.waitForTimeout(2000);
  const chattyFrames = await frameTimes(page);
  const arrows = await page.getByTestId("message-arrow").count();
  console.log(`frames with messages on (1,000 procs × 10 sends/s) ${frameReport(chattyFrames)}; ${arrows} arrows drawn`);

  // Time travel over 1,000 processes and 100k events.
  await page.getByTestId("show-messages").uncheck();
  await page.evaluate(([ticker, main]) => {
    window.__playground.setFile("Ticker.ts", ticker);
    window.__playground.setFile("Main.ts", main);
  }, [tickers, tickersMain]);
  await page.getByTestId("speed").selectOption("5");
  await page.click("[data-testid=run]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=process-row]").length > 10);
  // Until the timeline holds 100k events (10,000 state changes a second).
  await page.waitForFunction(() => Number(document.querySelector(".timeline")?.getAttribute("data-events")) >= 100_000, null, { timeout: 300_000, polling: 500 });
  await page.click("[data-testid=pause]");
  const events = await page.evaluate(() => Number(document.querySelector(".timeline")?.getAttribute("data-events")).toLocaleString("en-US"));
  const scrub = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const slider = document.querySelector("[data-testid=travel-slider]");
        const max = Number(slider.max);
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        const frames = [];
        let last = performance.now();
        let i = 0;
        const step = (now) => {
          frames.push(now - last);
          last = now;
          // Back and forth across the whole run, a new moment every frame.
          const f = (i % 120) / 120;
          setValue.call(slider, String(max * (i % 240 < 120 ? 1 - f : f)));
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          if (++i < 300) requestAnimationFrame(step);
          else resolve(frames.slice(2));
        };
        requestAnimationFrame(step);
      }),
  );
  const steps = await page.evaluate(async () => {
    const times = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft" }));
      // The store update renders synchronously (useSyncExternalStore); wait for the commit.
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return times;
  });
  console.log(`time travel (1,000 procs, ${events ?? "≥100k"} events): scrubbing every frame ${frameReport(scrub)}`);
  console.log(`time travel ← step, input → rendered: median ${ms(pct(steps, 50))}, p95 ${ms(pct(steps, 95))} (target ≤ 16.7)`);
  await browser.close();
} finally {
  server.kill();
}
