/**
 * The service worker: the app works offline after its first visit. At install it caches every
 * file of this build (the page, the scripts, the compiler's wasm, the precompiled lessons, the
 * editor's workers), all content-hashed but the page; it then answers from that cache first, so
 * a reload with no network opens the app, the draft (localStorage) and every lesson, and Run
 * and Recompile work. Built by scripts/vite/serviceWorker.ts, which fills in the file list and
 * a version that changes with any file.
 *
 * Updates: a new build is a new sw.js; the browser fetches it on navigation, the new worker
 * caches the new files and then waits. The page (app/offline.ts) tells it to take over
 * (`skip-waiting`) and reloads — at once if nothing runs yet, else when the user says so. Old
 * versions' caches go when the new one activates. Hand-written rather than Workbox: one cache,
 * one list, cache-first, and the update handshake fit in this file.
 */
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

type InstallLikeEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchLikeEvent = InstallLikeEvent & { request: Request; respondWith(r: Promise<Response> | Response): void };
type Scope = {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", fn: (e: InstallLikeEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchLikeEvent) => void): void;
  addEventListener(type: "message", fn: (e: MessageEvent) => void): void;
};

const sw = self as unknown as Scope;
const PREFIX = "hotswap-";
const CACHE = `${PREFIX}${__VERSION__}`;
const PAGE = new URL("index.html", sw.registration.scope).href;

sw.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // The page must be this build's, not a cached older one: revalidate it.
      cache.addAll(__PRECACHE__.map((path) => new Request(new URL(path, sw.registration.scope).href, { cache: path === "index.html" ? "no-cache" : "default" }))),
    ),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") void sw.skipWaiting();
});

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== new URL(sw.registration.scope).origin) return;
  // Any page of the app (whatever its ?options) is the one index.html; the hash never reaches us.
  const key = request.mode === "navigate" ? PAGE : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key, { ignoreSearch: request.mode === "navigate" })) ?? fetch(request)),
  );
});
