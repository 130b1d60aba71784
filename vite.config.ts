/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { contentSecurityPolicy as csp } from "./scripts/headers.mjs";

/** The policy as a meta tag too (the page itself is covered even where a host sends no header). Build only: the dev server's React refresh preamble is an inline script. */
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
