/**
 * Where generated JavaScript is written: statements line by line, each tagged with the Elixir
 * line it came from (the compiler composes esbuild's source map with these tags, so a stack
 * trace names Elixir lines), unique JS names for Elixir variables and temporaries, and the
 * lexical scope of Elixir variables (a rebinding gets a fresh JS name, so closures keep the
 * value they saw, as in Elixir).
 */
import { CompileError } from "./errors";

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval undefined NaN Infinity require exports module " +
    "console __MODULE__ __async __budget __rethrow __killing __toESM E").split(" "),
);

/** A JS identifier for an Elixir name (`alive?` → `alive$q`, `fetch!` → `fetch$b`). */
export function jsName(name: string): string {
  const s = name.replace(/\?/g, "$q").replace(/!/g, "$b");
  return RESERVED.has(s) ? `${s}$` : s;
}

export class Scope {
  private vars = new Map<string, string>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): string | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  set(name: string, js: string): void {
    this.vars.set(name, js);
  }
  /** Names bound in this scope itself (not its parents). */
  own(): Map<string, string> {
    return this.vars;
  }
}

/** One JS function being written (names are unique per function; closures nest their own). */
export class FnWriter {
  readonly lines: Array<{ code: string; line: number }> = [];
  private indent = 1;
  line = 0;
  private used: Set<string>;

  constructor(parentUsed?: Set<string>) {
    this.used = new Set(parentUsed);
  }

  emit(code: string): void {
    this.lines.push({ code: "  ".repeat(this.indent) + code, line: this.line });
  }
  open(code: string): void {
    this.emit(code);
    this.indent++;
  }
  close(code = "}"): void {
    this.indent--;
    this.emit(code);
  }

  /** A fresh JS name based on `base`. */
  fresh(base: string): string {
    const b = jsName(base);
    if (!this.used.has(b)) {
      this.used.add(b);
      return b;
    }
    for (let i = 1; ; i++) {
      const n = `${b}_${i}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
  temp(): string {
    return this.fresh("$t");
  }
  usedNames(): Set<string> {
    return this.used;
  }

  /** Runs `f` writing into a separate buffer; returns what it wrote. */
  capture<T>(f: () => T): { value: T; lines: Array<{ code: string; line: number }> } {
    const start = this.lines.length;
    const value = f();
    const lines = this.lines.splice(start);
    return { value, lines };
  }
  append(lines: Array<{ code: string; line: number }>): void {
    this.lines.push(...lines);
  }
}

export function checkName(name: string, line: number, column: number): void {
  if (!/^[a-z_][A-Za-z0-9_]*[?!]?$/.test(name)) throw new CompileError(`"${name}" is not a valid variable name`, line, column);
}
