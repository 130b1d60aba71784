/**
 * The compiler's own worker, started by the runtime worker when a compile needs it (or the page
 * asks for the compiler early). esbuild-wasm runs Go on the thread that starts it, and starting
 * takes seconds of CPU: on its own thread it never holds up the runtime, so a precompiled lesson
 * plays (and its clock ticks) while the compiler loads. No user code runs here.
 *
 * Protocol (with compilerClient.ts): `start` → `step`…, then `ready` or `failed`;
 * `transform {id, code, options}` → `result {id, ok, code, map}` or `{id, ok: false, message, errors}`.
 */
import { type CompilerStep, esbuildApi, initEsbuild, warmUp } from "./esbuildInit";

export type ToCompiler = { type: "start" } | { type: "transform"; id: number; code: string; options: unknown };
export type FromCompiler =
  | { type: "step"; step: CompilerStep }
  | { type: "ready"; ms: number }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; ok: true; code: string; map: string }
  | { type: "result"; id: number; ok: false; message: string; errors?: unknown[] };

const post = (msg: FromCompiler) => (self as unknown as { postMessage(m: FromCompiler): void }).postMessage(msg);

let booted: Promise<void> | null = null;

function boot(): Promise<void> {
  if (!booted) {
    const started = performance.now();
    booted = initEsbuild((step) => post({ type: "step", step }))
      .then(() => {
        post({ type: "step", step: "warming up" });
        return warmUp();
      })
      .then(
        () => post({ type: "ready", ms: Math.round(performance.now() - started) }),
        (err: unknown) => {
          booted = null;
          post({ type: "failed", message: err instanceof Error ? err.message : String(err) });
          throw err;
        },
      );
  }
  return booted;
}

self.onmessage = async (e: MessageEvent<ToCompiler>) => {
  const msg = e.data;
  if (msg.type === "start") {
    boot().catch(() => undefined);
    return;
  }
  try {
    await boot();
    const out = await esbuildApi.transform(msg.code, msg.options);
    post({ type: "result", id: msg.id, ok: true, code: out.code, map: out.map });
  } catch (err) {
    const errors = (err as { errors?: unknown[] })?.errors;
    post({ type: "result", id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err), errors: Array.isArray(errors) ? JSON.parse(JSON.stringify(errors)) : undefined });
  }
};
