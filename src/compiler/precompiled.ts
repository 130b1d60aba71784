/**
 * Compiling without a compiler, when the answer is already known. A built-in lesson's every
 * esbuild transform (its modules, the files its script patches, its evals) is recorded at build
 * time with native esbuild — the same version as esbuild-wasm, so the same bytes — into a
 * `PrecompiledTable`, keyed by a SHA-256 of the transform's exact input (source and options).
 * `StandbyCompiler` answers from the tables it was given and asks the real compiler only on a
 * miss, starting it then if nobody did: a lesson replays at once while esbuild-wasm loads (or,
 * in an embed, without ever loading it), and anything new waits for the compiler.
 */
import type { EsbuildLike } from "./compile";

export type TransformOutput = { code: string; map: string };
/** Transform outputs by `transformKey` of their input. */
export type PrecompiledTable = Record<string, TransformOutput>;

/** The key of one transform: a hash of its input, computed alike in Node and the browser. */
export async function transformKey(code: string, options: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([code, options]));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Wraps a compiler and writes down every transform it does, for a table. */
export function recordingCompiler(real: EsbuildLike, table: PrecompiledTable): EsbuildLike {
  return {
    async transform(code, options) {
      const out = await real.transform(code, options);
      table[await transformKey(code, options)] = { code: out.code, map: out.map };
      return out;
    },
  };
}

export class StandbyCompiler implements EsbuildLike {
  private known = new Map<string, TransformOutput>();
  private started: Promise<void> | null = null;

  /** `start` loads the real compiler (once; it is called again only if it failed). */
  constructor(private readonly real: EsbuildLike, private readonly start: () => Promise<void>) {}

  /** The answers this run may use: its snippet's table (sent with its Run), or none. */
  use(table: PrecompiledTable | undefined): void {
    this.known = new Map(Object.entries(table ?? {}));
  }

  /** The real compiler, loaded (started now if nobody asked for it yet). */
  ready(): Promise<void> {
    if (!this.started) {
      this.started = this.start();
      this.started.catch(() => (this.started = null));
    }
    return this.started;
  }

  async transform(code: string, options: unknown): Promise<TransformOutput> {
    if (this.known.size) {
      const hit = this.known.get(await transformKey(code, options));
      if (hit) return { code: hit.code, map: hit.map };
    }
    await this.ready();
    return this.real.transform(code, options);
  }
}
