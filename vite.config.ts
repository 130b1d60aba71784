/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { contentSecurityPolicy as csp, securityHeaders } from "./scripts/headers.mjs";
import { precompiledLessons } from "./scripts/vite/precompiledLessons";
import { writeServiceWorker } from "./scripts/vite/serviceWorker";
import { precompressDir } from "./scripts/vite/precompress";

const root = fileURLToPath(new URL(".", import.meta.url));

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

/**
 * The build as a static host serves it (README, "Deploying"): a service worker that caches this
 * build for offline use, then brotli and gzip copies of every file. After everything is written.
 */
function staticHosting(): Plugin {
  let outDir = "dist";
  return {
    name: "static-hosting",
    apply: "build",
    configResolved: (config) => void (outDir = join(config.root, config.build.outDir)),
    async closeBundle() {
      const sw = writeServiceWorker(outDir, root);
      const packed = await precompressDir(outDir, join(root, "node_modules/.cache/hotswap-precompress"));
      this.info?.(`service worker ${sw.version} caches ${sw.files} files; ${packed.files} files precompressed (${(packed.bytes / 1e6).toFixed(1)} MB → ${(packed.brotli / 1e6).toFixed(1)} MB brotli)`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), previewHeaders(), precompiledLessons(), staticHosting()],
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
