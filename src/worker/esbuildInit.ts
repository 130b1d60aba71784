/**
 * esbuild-wasm, started once per worker. `initialize` may only be called once, so the promise is
 * memoised — and cleared on failure so a retry can work. `initialize` resolving is not "ready":
 * the first transform is slow (TOOLCHAIN.md), so a throwaway warm-up runs before we say ready.
 */
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import type { EsbuildLike } from "../session/session";

let initialized: Promise<void> | null = null;

/** Fetches and instantiates the wasm on this thread (`worker: false`: we already are a worker). */
export function initEsbuild(): Promise<void> {
  if (!initialized) {
    // Absolute: this worker's own location is a `blob:` URL (it inherits the page's policy that
    // way, see workerClient.ts), which cannot resolve a path such as "/assets/esbuild.wasm".
    initialized = esbuild.initialize({ wasmURL: new URL(wasmURL, import.meta.url).href, worker: false }).catch((err: unknown) => {
      initialized = null;
      throw err;
    });
  }
  return initialized;
}

/** The first transform compiles esbuild's own hot paths; pay for it before the user does. */
export async function warmUp(): Promise<void> {
  await esbuild.transform("export const warm: number = 1;", { loader: "ts", format: "esm" });
}

export const esbuildApi: EsbuildLike = {
  transform: (code, options) => esbuild.transform(code, options as esbuild.TransformOptions),
};
