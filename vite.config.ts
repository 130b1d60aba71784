/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The Content-Security-Policy of the built app. Only the app's own origin: scripts, workers,
 * connections (esbuild.wasm), fonts (Monaco's codicons). 'wasm-unsafe-eval' lets esbuild-wasm
 * compile; 'unsafe-eval' is for user code, which runs via `new Function` in our worker (a
 * same-origin worker gets its policy from its own response, but browsers differ: allow it here
 * too). Monaco sets inline styles, hence 'unsafe-inline' for styles only. Injected at build time
 * only: the dev server's React refresh preamble is an inline script.
 */
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: csp }, injectTo: "head-prepend" }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: {
    format: "es",
    // The runtime prints an error as its class name (`%UndefinedFunctionError{…}`): minified
    // names would make the timeline say `%ee{…}`.
    rolldownOptions: { output: { keepNames: true } },
  },
  build: {
    // Monaco's main chunk is ~4 MB by nature; the warning would only be noise.
    chunkSizeWarningLimit: 8000,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
