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
/** A front end's answer (EsbuildLike.memo), as JSON. */
export type MemoOutput = { value: unknown };
/** Transform outputs by `transformKey` of their input, and front-end answers by `memoKey`. */
export type PrecompiledTable = Record<string, TransformOutput | MemoOutput>;

/** The key of one transform: a hash of its input, computed alike in Node and the browser. */
export async function transformKey(code: string, options: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([code, options]));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key of a front end's answer: a hash of its input, apart from every transform's. */
export function memoKey(key: unknown): Promise<string> {
  return transformKey(JSON.stringify(key), "memo");
}

const isTransform = (entry: TransformOutput | MemoOutput): entry is TransformOutput => "code" in entry;

/** Wraps a compiler and writes down every transform it does (and every front-end answer), for a table. */
export function recordingCompiler(real: EsbuildLike, table: PrecompiledTable): EsbuildLike {
  return {
    async transform(code, options) {
      const out = await real.transform(code, options);
      table[await transformKey(code, options)] = { code: out.code, map: out.map };
      return out;
    },
    async memo<T>(key: unknown, compute: () => Promise<T>): Promise<T> {
      const value = await compute();
      // Stored as JSON, so the answer replayed is exactly what a browser decodes from the chunk.
      table[await memoKey(key)] = { value: JSON.parse(JSON.stringify(value)) as unknown };
      return value;
    },
  };
}

export class StandbyCompiler implements EsbuildLike {
  private known = new Map<string, TransformOutput | MemoOutput>();
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
      if (hit && isTransform(hit)) return { code: hit.code, map: hit.map };
    }
    await this.ready();
    return this.real.transform(code, options);
  }

  /** A front end's answer from the table; on a miss the front end runs (it needs no esbuild). */
  async memo<T>(key: unknown, compute: () => Promise<T>): Promise<T> {
    if (this.known.size) {
      const hit = this.known.get(await memoKey(key));
      if (hit && !isTransform(hit)) return structuredClone(hit.value) as T;
    }
    return compute();
  }
}
