// Shared by the scripts that drive the built app in Chromium: start `vite preview` on a port of
// their own (so they never collide with the e2e server) and the Chromium flags that work here.
import { spawn } from "node:child_process";

export const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Starts the preview server (node directly, so killing it really stops it) and waits until it answers. */
export async function startPreview(port) {
  const base = `http://localhost:${port}/`;
  const server = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--port", String(port), "--strictPort"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return { base, server };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("vite preview did not start");
}
