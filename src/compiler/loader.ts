/**
 * Loads compiled modules into a runtime. Each module version is evaluated in its own wrapper
 * with its own `__async` (so its activations know their version), `__MODULE__`, a `require`
 * that hands out the `otp` API and live module namespaces, and a `console` captured as `log`.
 * Errors thrown by user code get their stacks mapped back to editor files and lines.
 */
import { asyncHelperFor } from "../runtime/activation";
import type { OtpApi } from "../runtime/api";
import type { LoadReport, ModuleVersion } from "../runtime/codeServer";
import type { StackFrame } from "../runtime/events";
import type { Runtime } from "../runtime/runtime";
import type { CompiledModule } from "./compile";
import { lookup } from "./sourceMap";
import { type Support, createSupport } from "./elixir/support";

/** What an Elixir snippet adds to the loader: its standard library's namespaces by module atom. */
export type ElixirLibrary = { stdlib: (module: string) => Record<string, unknown> | undefined };

const WRAPPER_PARAMS = ["exports", "require", "module", "__MODULE__", "__async", "__toESM", "__budget", "__rethrow", "__killing", "console", "__version"];

/**
 * Put before every module's code: an ES module is strict, so user code runs as the editor's
 * TypeScript means it (and V8 runs strict code faster: unmapped `arguments` for every async call).
 */
const PROLOGUE = '"use strict";\n';

/** Lines V8 puts before the module's first line: its `function anonymous(...) {` header and our prologue. */
const HEADER_LINES = (() => {
  try {
    new Function(`${PROLOGUE}throw new Error('probe')\n//# sourceURL=otp-probe.js`)();
  } catch (err) {
    const m = /otp-probe\.js:(\d+):/.exec(String((err as Error).stack));
    if (m) return Number(m[1]) - 1;
  }
  return 2;
})();

type Loaded = { compiled: CompiledModule };

export class ModuleLoader {
  private byUrl = new Map<string, Loaded>();
  private urlSeq = 0;

  /** The helpers of compiled Elixir (`require("$elixir")`), when the snippet is Elixir. */
  private readonly support: Support | null;

  constructor(private readonly rt: Runtime, private readonly api: OtpApi, private readonly elixir: ElixirLibrary | null = null) {
    rt.mapStack = (err) => this.mapStack(err);
    this.support = elixir ? createSupport(this.require, (m) => rt.code.isLoaded(m) || !!elixir.stdlib(m)) : null;
  }

  /** Evaluates the module's code as a new version and loads it (purging the old one). */
  load(compiled: CompiledModule): LoadReport {
    return this.rt.code.load(compiled.module, compiled.hash, (version) => this.evaluate(compiled, version));
  }

  /** Runs a compiled function body with the runtime's helpers in scope (for the shell's evals). */
  helpers(version: ModuleVersion | null) {
    const rt = this.rt;
    return {
      __async: asyncHelperFor(version),
      __toESM: (m: unknown) => m,
      __budget: () => rt.budget(),
      __rethrow: (e: unknown) => rt.rethrowUnwind(e),
      __killing: () => rt.unwinding,
      /** The version itself: compiled Elixir tags its funs with it (a purged version's fun is a badfun). */
      __version: version,
      console: this.console,
    };
  }

  /** A URL under which V8 names the frames of `compiled`, for stack mapping. */
  register(compiled: CompiledModule): string {
    const url = `${compiled.file}#${++this.urlSeq}`;
    this.byUrl.set(url, { compiled });
    return url;
  }

  private evaluate(compiled: CompiledModule, version: ModuleVersion): Record<string, unknown> {
    const url = this.register(compiled);
    const fn = new Function(...WRAPPER_PARAMS, `${PROLOGUE}${compiled.code}\n//# sourceURL=${url}`);
    const module = { exports: {} as Record<string, unknown> };
    const h = this.helpers(version);
    this.rt.guarded(() =>
      fn(module.exports, this.require, module, compiled.module, h.__async, h.__toESM, h.__budget, h.__rethrow, h.__killing, h.console, h.__version),
    );
    return module.exports;
  }

  /**
   * Module names to namespaces: the `otp` API, Elixir's support and standard library (a user
   * module of the same name wins once loaded), else the code server's live namespace.
   */
  readonly require = (name: string): Record<string, unknown> => {
    if (name === "otp") return this.api as unknown as Record<string, unknown>;
    if (this.elixir) {
      if (name === "$elixir") return this.support as unknown as Record<string, unknown>;
      if (!this.rt.code.isLoaded(name)) {
        const lib = this.elixir.stdlib(name);
        if (lib) return lib;
      }
    }
    return this.rt.code.namespace(name);
  };

  private readonly console = {
    log: (...args: unknown[]) => this.api.log(...args),
    info: (...args: unknown[]) => this.api.log(...args),
    warn: (...args: unknown[]) => this.api.log(...args),
    error: (...args: unknown[]) => this.api.log(...args),
    debug: (...args: unknown[]) => this.api.log(...args),
  };

  /** The frames of a thrown error that lie in user code, mapped to editor files and lines. */
  mapStack(err: unknown): StackFrame[] {
    const stack = err instanceof Error ? err.stack : undefined;
    if (!stack) return [];
    const frames: StackFrame[] = [];
    const re = /at (?:(.*?) \()?([^\s()]+\.(?:ts|exs?)#\d+):(\d+):(\d+)\)?/;
    for (const line of stack.split("\n")) {
      const m = re.exec(line);
      if (!m) continue;
      const loaded = this.byUrl.get(m[2]);
      if (!loaded) continue;
      const genLine = Number(m[3]) - 1 - HEADER_LINES;
      let genCol = Number(m[4]) - 1;
      for (const [col, delta] of loaded.compiled.shifts.get(genLine) ?? []) if (col < genCol) genCol -= delta;
      const pos = lookup(loaded.compiled.mappings, genLine, Math.max(0, genCol));
      if (!pos) continue;
      const fn = m[1] && !/^(Generator\.|Object\.)/.test(m[1]) ? m[1].replace(/^(?:Object|Function)\./, "").replace(/__async\d+$/, "") : undefined;
      const frame: StackFrame = { file: loaded.compiled.file, line: pos.line + 1, column: pos.column + 1 };
      if (fn && fn !== "<anonymous>") frame.fn = fn;
      // An Elixir module's frames name their module (a .ex file may hold several).
      if (/\.exs?$/.test(loaded.compiled.file)) frame.module = loaded.compiled.module;
      frames.push(frame);
    }
    return frames;
  }
}
