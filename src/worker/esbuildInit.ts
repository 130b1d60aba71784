/**
 * esbuild-wasm, in the compiler's worker (compilerWorker.ts), started at most once and only when
 * asked (an embed replaying a precompiled lesson never downloads it). `initialize` may only be
 * called once, so the promise is memoised — and cleared on failure so a retry can work.
 * `initialize` resolving is not "ready": the first transform is slow (TOOLCHAIN.md), so a
 * throwaway warm-up runs before we say ready.
 */
import * as esbuild from "esbuild-wasm";
import wasmURL from "esbuild-wasm/esbuild.wasm?url";
import type { EsbuildLike } from "../session/session";

let initialized: Promise<void> | null = null;

/** What the compiler is doing, for the page's progress line. */
export type CompilerStep = "downloading" | "starting" | "warming up";

async function compileWasm(): Promise<WebAssembly.Module> {
  // Absolute: this worker is started from a `blob:` script (it inherits the page's policy that
  // way, see workerClient.ts), which cannot resolve a path such as "/assets/esbuild.wasm".
  const response = await fetch(new URL(wasmURL, import.meta.url).href);
  if (!response.ok) throw new Error(`the compiler could not be downloaded (HTTP ${response.status})`);
  // Streaming compiles while it downloads (and lets the browser cache the compiled code); a host
  // that sends the wrong Content-Type gets the slower path.
  if (/^application\/wasm($|;)/i.test(response.headers.get("Content-Type") ?? "")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Downloads, compiles and instantiates the wasm on this thread (`worker: false`: we already are a worker). */
export function initEsbuild(onStep: (step: CompilerStep) => void = () => {}): Promise<void> {
  if (!initialized) {
    onStep("downloading");
    initialized = compileWasm()
      .then((wasmModule) => {
        onStep("starting");
        return esbuild.initialize({ wasmModule, worker: false });
      })
      .catch((err: unknown) => {
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
