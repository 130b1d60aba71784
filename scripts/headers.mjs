/**
 * The HTTP response headers the built app needs from whatever serves it: the security policy
 * (SPEC: a share link is someone else's code) and nothing that would stop the page from being
 * embedded in an iframe (no COOP/COEP, no X-Frame-Options). One list for `vite preview`, the
 * project's static server and the README's deployment notes.
 *
 * The Content-Security-Policy allows only the app's own origin: scripts, workers, connections,
 * fonts (Monaco's codicons), images. It governs the code that runs user code too: that worker is
 * started from a `blob:` script (hence `worker-src blob:`), and a worker from a local URL inherits
 * the document's policy, header or meta tag (src/ui/workerClient.ts). Every route to another
 * origin is then closed to user code: `import()` (script-src), fetch, XHR, WebSocket(Stream),
 * EventSource, beacons (connect-src), FontFace (font-src), images (img-src), workers (worker-src).
 * 'wasm-unsafe-eval' lets esbuild-wasm compile; 'unsafe-eval' is for user code, which is
 * evaluated in that worker. Monaco sets inline styles, hence 'unsafe-inline' for styles only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Headers for every response of the built app. */
export const securityHeaders = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};
