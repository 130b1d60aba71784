/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium: Playwright cannot download
 * browsers here) against the built app under `vite preview`, as a user would get it. One worker:
 * the machine has two cores and each page loads Monaco and 14 MB of wasm.
 */
import { defineConfig } from "@playwright/test";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** E2E_PORT lets several checkouts on one machine run their suites side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  // `npm test` asks for a JSON report too (PLAYWRIGHT_JSON_OUTPUT_NAME) to count results in its summary line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    trace: "off",
    // Each test's fresh context would install the service worker and cache the whole build in
    // the background; e2e/offline.spec.ts allows it where it is the subject.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The static server a host would be: precompressed files, cache headers, the service worker.
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
