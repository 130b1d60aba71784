/**
 * What the code generator carries while it writes one function: the module being compiled
 * (its functions, hoisted constants, the modules it requires), the lexical environment of the
 * clause (aliases, imports, attributes), the JS writer and the Elixir variable scope.
 */
import { FnWriter, Scope } from "./emitter";
import type { Lexical, ModuleDef } from "./modules";

export class ModuleWriter {
  /** Module-level constants: literals built once (`const $s1 = E.bin("text")`). */
  readonly constants: string[] = [];
  private constantIds = new Map<string, string>();
  /** Modules reached through `require`, by atom → the JS constant holding the namespace. */
  readonly requires = new Map<string, string>();
  /** Every name/arity the module defines, including the lower arities of default arguments. */
  private readonly locals = new Set<string>();
  /** Other modules compiled from the same files: atom → their exported name/arities. */
  constructor(readonly mod: ModuleDef, readonly siblings: Map<string, Set<string>>) {
    for (const g of mod.groups.values()) {
      this.locals.add(`${g.name}/${g.arity}`);
      for (const d of g.defaults) this.locals.add(`${g.name}/${d.arity}`);
    }
  }

  constant(code: string): string {
    let id = this.constantIds.get(code);
    if (!id) {
      id = `$k${this.constantIds.size + 1}`;
      this.constantIds.set(code, id);
      this.constants.push(`const ${id} = ${code};`);
    }
    return id;
  }

  namespace(module: string): string {
    let id = this.requires.get(module);
    if (!id) {
      id = `$${module.replace(/^Elixir\./, "").replace(/[^A-Za-z0-9_]/g, "_")}`;
      while ([...this.requires.values()].includes(id)) id += "_";
      this.requires.set(module, id);
    }
    return id;
  }

  /** The JS name of a local function. */
  fnName(name: string, arity: number): string {
    return `${name.replace(/\?/g, "$q").replace(/!/g, "$b")}$${arity}`;
  }

  hasLocal(name: string, arity: number): boolean {
    return this.locals.has(`${name}/${arity}`);
  }
}

export class Ctx {
  constructor(
    readonly mw: ModuleWriter,
    readonly w: FnWriter,
    public scope: Scope,
    readonly lex: Lexical,
    /** The function being compiled, for FunctionClauseError and frames (`handle_info/2`). */
    readonly fn: { name: string; arity: number },
  ) {}

  /** Runs `f` in a child scope (a clause body: its bindings do not leak out). */
  inScope<T>(f: () => T): T {
    const saved = this.scope;
    this.scope = new Scope(saved);
    try {
      return f();
    } finally {
      this.scope = saved;
    }
  }

  /** A context for a nested JS function (a fn or a capture): a new writer, a child scope. */
  nested(): Ctx {
    return new Ctx(this.mw, new FnWriter(this.w.usedNames()), new Scope(this.scope), this.lex, this.fn);
  }

  setLine(line: number | undefined): void {
    if (line) this.w.line = line;
  }
}
