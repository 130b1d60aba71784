/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { contentSecurityPolicy as csp, securityHeaders } from "./scripts/headers.mjs";

/** The policy as a meta tag too (the page itself is covered even where a host sends no header). Build only: the dev server's React refresh preamble is an inline script. */
function contentSecurityPolicy(): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: csp }, injectTo: "head-prepend" }],
  };
}

/**
 * `vite preview` sends the same response headers as a deployment must (scripts/headers.mjs), on
 * every response: the worker that runs user code is governed by the CSP of its own script's
 * response, which a meta tag in index.html cannot give it.
 */
function previewHeaders(): Plugin {
  return {
    name: "preview-security-headers",
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), previewHeaders()],
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
