/**
 * Compiles one module: TypeScript → JavaScript with esbuild (async lowered to generators,
 * CommonJS shape so imports become live `require`s), then the post-pass. The same code runs
 * over native esbuild in Node and esbuild-wasm in the browser: only `EsbuildLike` differs.
 */
import { type Diagnostic, fromEsbuild } from "./diagnostics";
import { RefusedCode, postpass } from "./postpass";
import { type LineMappings, decodeMappings, lookup } from "./sourceMap";

/** The part of esbuild's API we use: native `esbuild` in Node, `esbuild-wasm` in the browser. */
export type EsbuildLike = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- esbuild's own option types differ between its native and wasm packages
  transform(code: string, options: any): Promise<{ code: string; map: string }>;
  /**
   * Optional: a front end's step before esbuild (the Elixir compiler's source → JavaScript),
   * keyed by its whole input (JSON). A precompiled table answers it without running `compute`
   * (so a built-in Elixir lesson replays without loading the Elixir parser); a recording
   * compiler writes its answer down. Without it, `compute` runs.
   */
  memo?<T>(key: unknown, compute: () => Promise<T>): Promise<T>;
};

export type CompiledModule = {
  file: string;
  module: string;
  source: string;
  code: string;
  /** esbuild's mappings, decoded, for stack traces. */
  mappings: LineMappings;
  shifts: Map<number, Array<[number, number]>>;
  /** A short hash of the compiled code: the version when the module sets no `vsn`. */
  hash: string;
};

export type CompileResult = { ok: true; module: CompiledModule } | { ok: false; diagnostics: Diagnostic[] };

/** `App.Worker.ts` → `App.Worker`; null when the name is not a module file name. */
export function moduleNameOf(file: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\.ts$/.exec(file);
  return m ? m[1] : null;
}

export const TRANSFORM_OPTIONS = {
  loader: "ts",
  format: "cjs",
  target: "es2022",
  supported: { "async-await": false },
  sourcemap: "external",
  sourcesContent: false,
  // (A kept /*! comment could hold text the sandbox's source checks refuse.)
  legalComments: "none",
  logLevel: "silent",
} as const;

export async function compileModule(esbuild: EsbuildLike, file: string, source: string): Promise<CompileResult> {
  const module = moduleNameOf(file);
  if (!module) {
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, message: `"${file}" is not a module file name: use letters, digits and dots, ending in .ts (like App.Worker.ts)` }] };
  }
  let out: { code: string; map: string };
  try {
    out = await esbuild.transform(source, { ...TRANSFORM_OPTIONS, sourcefile: file });
  } catch (err) {
    return { ok: false, diagnostics: fromEsbuild(file, err) };
  }
  const mappings = decodeMappings((JSON.parse(out.map) as { mappings: string }).mappings);
  let pass;
  try {
    pass = postpass(out.code);
  } catch (err) {
    if (err instanceof RefusedCode) {
      const at = lookup(mappings, err.line, err.column);
      return { ok: false, diagnostics: [{ file, line: (at?.line ?? 0) + 1, column: (at?.column ?? 0) + 1, message: err.message }] };
    }
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, message: `internal: the compiled code could not be instrumented: ${(err as Error).message}` }] };
  }
  return {
    ok: true,
    module: { file, module, source, code: pass.code, mappings, shifts: pass.shifts, hash: shortHash(out.code) },
  };
}

/** FNV-1a, 32 bits, as 7 hex digits: stands in for the BEAM's MD5-derived vsn. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 7);
}
