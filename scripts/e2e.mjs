// End-to-end tests: build the app, then run Playwright against `vite preview` in Debian's Chromium.
// Usage: npm run test:e2e [-- playwright args, e.g. e2e/share.spec.ts]
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}.\n` +
      "Playwright cannot download its own browsers here; install Debian's:\n" +
      "  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.env.E2E_SKIP_BUILD) run("npx", ["vite", "build", "--logLevel", "warn"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
