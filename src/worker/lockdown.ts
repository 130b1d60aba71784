/**
 * Readies the worker before any user code runs. Must run after esbuild-wasm fetched its wasm,
 * which needs `fetch`.
 *
 * The box itself is the sandbox (src/compiler/sandbox.ts): user code runs in a Compartment
 * whose global has none of the worker's APIs, under a locked-down realm, so it has no path
 * to `self`, `postMessage` or the network. `lockDownRealm()` here freezes the realm early,
 * right after the compiler started, instead of at the first Run. Deleting the network APIs
 * from the worker's own global below is a second wall, for the case the first one breaks.
 */
import { lockDownRealm } from "../compiler/sandbox";


const blocked: Record<string, string> = {
  fetch: "user code cannot reach the network",
  XMLHttpRequest: "user code cannot reach the network",
  WebSocket: "user code cannot reach the network",
  WebTransport: "user code cannot reach the network",
  EventSource: "user code cannot reach the network",
  importScripts: "user code cannot load scripts",
  indexedDB: "user code has no storage",
  caches: "user code has no storage",
  Worker: "user code cannot start workers",
  SharedWorker: "user code cannot start workers",
};

function refusal(name: string, why: string) {
  const message = `${name} is not available in the playground: ${why}`;
  // A function usable both as `fetch(...)` and `new WebSocket(...)`; both throw the same clear error.
  return function blockedApi(): never {
    throw new Error(message);
  };
}

export function lockDownGlobals(scope: typeof globalThis = globalThis): void {
  for (const [name, why] of Object.entries(blocked)) {
    const replacement = refusal(name, why);
    // Own properties first, then the prototype chain: WorkerGlobalScope keeps some as accessors.
    for (let target: object | null = scope; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
      if (Object.prototype.hasOwnProperty.call(target, name)) {
        try {
          delete (target as Record<string, unknown>)[name];
        } catch {
          /* non-configurable: the defineProperty below still shadows it on the scope */
        }
      }
    }
    Object.defineProperty(scope, name, { value: replacement, writable: false, configurable: false, enumerable: false });
  }
  lockDownRealm();
}
