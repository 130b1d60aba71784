/**
 * Offline after the first visit: registers the service worker (src/sw/serviceWorker.ts) in a
 * built app. Not in an embed: a blog's iframe should not download the whole playground for
 * later. Registered once the compiler is ready (or after a while), so caching the app never
 * competes with the first screen.
 *
 * Updates: when a new version is deployed, the browser finds a new sw.js on a later visit; the
 * new worker caches the new build and waits. If nothing runs yet, the page saves the draft and
 * reloads into the new version at once; if something runs, it says so and the next reload (or
 * visit) brings it in. The draft lives in localStorage, which no version change touches.
 */
import { appStore, notify } from "../store/appStore";

/** Longest wait for the compiler before caching starts anyway (wall ms). */
const LATEST_MS = 15_000;

export function registerServiceWorker(flushDraft: () => void): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator) || appStore.getState().embed) return;
  const sw = navigator.serviceWorker;
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (!reloading) return;
    flushDraft();
    location.reload();
  });

  const apply = (waiting: ServiceWorker) => {
    if (appStore.getState().running) {
      notify("info", "A new version of the playground is ready: it opens on your next reload (your draft is kept).", 0);
      return;
    }
    flushDraft();
    reloading = true;
    waiting.postMessage("skip-waiting");
  };

  const register = async () => {
    const registration = await sw.register(`${import.meta.env.BASE_URL}sw.js`);
    if (!registration) return; // a browser (or test) that blocks service workers
    // Only an update waits while a controller exists; a first install just takes over.
    if (registration.waiting && sw.controller) apply(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      installing?.addEventListener("statechange", () => {
        if (installing.state === "installed" && sw.controller && registration.waiting) apply(registration.waiting);
      });
    });
  };

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    unsubscribe();
    clearTimeout(timer);
    register().catch((err: unknown) => console.warn("offline use is not available:", err));
  };
  const unsubscribe = appStore.subscribe((s) => {
    if (s.compiler.phase === "ready") start();
  });
  const timer = setTimeout(start, LATEST_MS);
  if (appStore.getState().compiler.phase === "ready") start();
}
