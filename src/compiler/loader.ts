/**
 * Loads compiled modules into a runtime. Each module version is evaluated, inside the
 * session's sandbox (sandbox.ts), in its own wrapper with its own `__async` (so its
 * activations know their version), `__MODULE__`, a `require` that hands out the `otp` API and
 * live module namespaces, and a `console` captured as `log`. The guard's helpers are constants
 * of the wrapper, so user code cannot rebind them. Console and script evals run the same way
 * (`evalFunction`). Errors thrown by user code get their stacks mapped back to editor files
 * and lines.
 */
import { asyncHelperFor } from "../runtime/activation";
import type { OtpApi } from "../runtime/api";
import type { LoadReport, ModuleVersion } from "../runtime/codeServer";
import type { StackFrame } from "../runtime/events";
import type { Runtime } from "../runtime/runtime";
import { BadFunctionError } from "../runtime/terms";
import type { CompiledModule } from "./compile";
import { Sandbox, harden } from "./sandbox";
import { lookup } from "./sourceMap";
import { type Support, createSupport } from "./elixir/support";

/** What an Elixir snippet adds to the loader: its standard library's namespaces by module atom. */
export type ElixirLibrary = { stdlib: (module: string) => Record<string, unknown> | undefined };

/**
 * The guard's helpers, bound as constants from the one object the wrapper is handed. Strict,
 * as an ES module is, so user code runs as the editor's TypeScript means it (and V8 runs strict
 * code faster: unmapped `arguments` for every async call). One line: user code starts on line 2.
 */
const HELPERS = '"use strict"; const { async: __async, toESM: __toESM, budget: __budget, rethrow: __rethrow, killing: __killing, version: __version } = __otp;';
const MODULE_HEADER = `(function (exports, require, module, __MODULE__, __otp, console) { ${HELPERS}\n`;
/** Lines before the module's first line in what the sandbox evaluates. */
const HEADER_LINES = 1;

/** Words a console expression's scope cannot bind as names (a module called `eval.ts`, say). */
const UNBINDABLE = new Set(["eval", "arguments", "let", "static", "yield", "await", "implements", "interface", "package", "private", "protected", "public"]);

type Loaded = { compiled: CompiledModule };

export class ModuleLoader {
  private byUrl = new Map<string, Loaded>();
  private urlSeq = 0;
  /** A fresh sandbox per loader, i.e. per Run: nothing a snippet left on its global survives. */
  private readonly sandbox = new Sandbox();

  /** The helpers of compiled Elixir (`require("$elixir")`), when the snippet is Elixir. */
  private readonly support: Support | null;

  constructor(private readonly rt: Runtime, private readonly api: OtpApi, private readonly elixir: ElixirLibrary | null = null) {
    rt.mapStack = (err) => this.mapStack(err);
    harden(api);
    harden(this.console);
    this.support = elixir
      ? createSupport(this.require, (m) => rt.code.isLoaded(m) || !!elixir.stdlib(m), (err) => rt.dialect.stacktrace(this.mapStack(err)))
      : null;
  }

  /** Evaluates the module's code as a new version and loads it (purging the old one). */
  load(compiled: CompiledModule): LoadReport {
    return this.rt.code.load(compiled.module, compiled.hash, (version) => this.evaluate(compiled, version));
  }

  /** The guard's helpers for code of `version` (null: the shell's evals), frozen. */
  private helpers(version: ModuleVersion | null) {
    const rt = this.rt;
    return harden({
      async: asyncHelperFor(version),
      toESM: (m: unknown) => m,
      // A fun of a purged version raises badfun when entered (SPEC §4).
      budget: version ? budgetIn(rt, version) : () => rt.budget(),
      rethrow: (e: unknown) => rt.rethrowUnwind(e),
      killing: () => rt.unwinding,
      // Compiled Elixir tags its funs with their version (a purged version's fun is a badfun).
      // A live view of its status only: hardening the version itself would freeze the code server's record.
      version: version ? { get status() { return version.status; } } : null,
    });
  }

  /**
   * A console or script expression compiled by compileExpression: returns its `__eval`, with
   * every name of `scope` (the otp API, module names) bound as a constant.
   */
  evalFunction(code: string, scope: Record<string, unknown>): () => unknown {
    const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !UNBINDABLE.has(n));
    const source = `(function (__scope, __otp) { ${HELPERS} const { ${names.join(", ")} } = __scope;\n${code}\nreturn __eval; })`;
    const make = this.sandbox.evaluate(source, `console#${++this.urlSeq}`) as (scope: object, h: object) => () => unknown;
    // (Only the scope object is frozen: the namespaces in it stay live.)
    return make(Object.freeze({ ...scope }), this.helpers(null));
  }

  /** A URL under which V8 names the frames of `compiled`, for stack mapping. */
  register(compiled: CompiledModule): string {
    const url = `${compiled.file}#${++this.urlSeq}`;
    this.byUrl.set(url, { compiled });
    return url;
  }

  private evaluate(compiled: CompiledModule, version: ModuleVersion): Record<string, unknown> {
    const url = this.register(compiled);
    const fn = this.sandbox.evaluate(`${MODULE_HEADER}${compiled.code}\n})`, url) as (...args: unknown[]) => void;
    const module = { exports: {} as Record<string, unknown> };
    const h = this.helpers(version);
    // The exports are read here, under the guard, into plain data: esbuild's exports are
    // getters, and any getter is user code, which the host must not run unguarded later.
    return this.rt.guarded(() => {
      fn(module.exports, this.require, module, compiled.module, h, this.console);
      const exports: Record<string, unknown> = {};
      for (const key of Object.keys(module.exports)) exports[key] = module.exports[key];
      return exports;
    });
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
      const elixir = /\.exs?$/.test(loaded.compiled.file);
      const fn = elixir ? elixirFunctionOf(m[1]) : m[1] && !/^(Generator\.|Object\.)/.test(m[1]) ? m[1].replace(/^(?:Object|Function)\./, "").replace(/__async\d+$/, "") : undefined;
      const frame: StackFrame = { file: loaded.compiled.file, line: pos.line + 1, column: pos.column + 1 };
      if (fn && fn !== "<anonymous>") frame.fn = fn;
      // An Elixir module's frames name their module (a .ex file may hold several).
      if (elixir) frame.module = loaded.compiled.module;
      frames.push(frame);
    }
    return frames;
  }
}

/**
 * The budget check at every function entry of one module version, which also stands for the
 * BEAM's `badfun`: once a version is purged, the processes that ran it are dead and the live
 * namespace points elsewhere, so its code can only be entered through a fun kept from it. As
 * calling such a fun does on the BEAM, entering it raises BadFunctionError (SPEC §4).
 */
function budgetIn(rt: Runtime, version: ModuleVersion): () => void {
  return () => {
    if (version.status === "purged" && !rt.unwinding) throw new BadFunctionError(version.label);
    rt.budget();
  };
}

/**
 * The Elixir function of a V8 frame name: compiled `def f` of arity 2 is `f$2` (its generator
 * `f$2__async7`, called as `Object.f$2__async7`), shown as Elixir does, `f/2`. Funs have no name.
 */
function elixirFunctionOf(v8name: string | undefined): string | undefined {
  const m = v8name ? /^(?:Object\.|Generator\.)?(.+)\$(\d+)(?:__async\d+)?$/.exec(v8name) : null;
  return m ? `${m[1]}/${m[2]}` : undefined;
}
