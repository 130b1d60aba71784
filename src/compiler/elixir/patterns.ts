/**
 * Pattern compilation: an Elixir pattern against a JS subject expression becomes straight-line
 * JS tests (a conjunction, cheapest first: the shape, then the parts) and the bindings to make
 * once they pass; nothing walks a pattern at run time. Map lookups store into temporaries that
 * the caller declares. Variables seen twice in one pattern must be equal (`{x, x}`); `^x`
 * compares with the bound value; `_` and `_name` bind nothing or bind normally.
 */
import type { Ctx } from "./context";
import { errorAt, unsupported } from "./errors";
import { literalCode } from "./literals";
import { aliasName } from "./modules";
import { type QCall, type Quoted, isAtom, isCall, isPair, isVar, metaOf } from "./quoted";

export type Match = {
  tests: string[];
  /** Elixir name → JS expression, in order. */
  binds: Array<[string, string]>;
  /** Temporaries the tests assign (declare them with `let` before the test). */
  temps: string[];
};

export function newMatch(): Match {
  return { tests: [], binds: [], temps: [] };
}

/** Adds the tests and bindings of `pat` against `subject` to `m`. */
export function compilePattern(pat: Quoted, subject: string, m: Match, ctx: Ctx): void {
  if (pat === null || typeof pat === "boolean") {
    m.tests.push(`${subject} === ${pat}`);
    return;
  }
  if (typeof pat === "number") {
    m.tests.push(`${subject} === ${pat}`);
    return;
  }
  if (typeof pat === "bigint") {
    m.tests.push(`${subject} === ${pat}n`);
    return;
  }
  if (typeof pat === "string") {
    m.tests.push(`${subject} instanceof E.Bin`, `${subject}.s === ${JSON.stringify(pat)}`);
    return;
  }
  if (Array.isArray(pat)) {
    listPattern(pat, subject, m, ctx);
    return;
  }
  switch (pat.kind) {
    case "atom":
      m.tests.push(`${subject} === ${JSON.stringify(pat.name)}`);
      return;
    case "float":
      m.tests.push(`${subject} instanceof E.Float`, `${subject}.v === ${pat.value}`);
      return;
    case "pair":
      m.tests.push(`E.isArray(${subject})`, `${subject}.length === 2`);
      compilePattern(pat.left, `${subject}[0]`, m, ctx);
      compilePattern(pat.right, `${subject}[1]`, m, ctx);
      return;
    case "call":
      callPattern(pat, subject, m, ctx);
  }
}

function bindVar(name: string, subject: string, m: Match, ctx: Ctx, q: Quoted): void {
  if (name === "_") return;
  const prior = m.binds.find(([n]) => n === name);
  if (prior) {
    m.tests.push(`E.seq(${subject}, ${prior[1]})`);
    return;
  }
  if (name.startsWith("__") && name.endsWith("__")) throw errorAt(q, `${name} cannot be bound in a pattern`);
  m.binds.push([name, subject]);
}

function listPattern(items: Quoted[], subject: string, m: Match, ctx: Ctx): void {
  let s = subject;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i === items.length - 1 && isCall(item, "|")) {
      const [h, t] = item.args ?? [];
      m.tests.push(`${s} instanceof E.Cons`);
      compilePattern(h, `${s}.head`, m, ctx);
      compilePattern(t, `${s}.tail`, m, ctx);
      return;
    }
    m.tests.push(`${s} instanceof E.Cons`);
    compilePattern(item, `${s}.head`, m, ctx);
    s = `${s}.tail`;
  }
  m.tests.push(`${s} === E.EMPTY`);
}

function callPattern(pat: QCall, subject: string, m: Match, ctx: Ctx): void {
  if (isVar(pat)) {
    const name = pat.form;
    if (name === "__MODULE__") {
      m.tests.push(`${subject} === __MODULE__`);
      return;
    }
    bindVar(name, subject, m, ctx, pat);
    return;
  }
  const args = pat.args ?? [];
  switch (pat.form) {
    case "^": {
      const v = args[0];
      if (!isVar(v)) throw errorAt(pat, "^ pins a variable, like ^x");
      const js = ctx.scope.lookup(v.form);
      if (!js) throw errorAt(pat, `undefined variable ^${v.form}: pin a variable bound before this pattern`);
      m.tests.push(`E.seq(${subject}, ${js})`);
      return;
    }
    case "=":
      compilePattern(args[0], subject, m, ctx);
      compilePattern(args[1], subject, m, ctx);
      return;
    case "{}":
      m.tests.push(`E.isArray(${subject})`, `${subject}.length === ${args.length}`);
      args.forEach((a, i) => compilePattern(a, `${subject}[${i}]`, m, ctx));
      return;
    case "%{}":
      mapPattern(args, subject, m, ctx);
      return;
    case "%": {
      const [nameQ, mapQ] = args;
      m.tests.push(`${subject} instanceof E.EMap`);
      if (isCall(nameQ, "__aliases__")) m.tests.push(`${subject}.get("__struct__") === ${JSON.stringify(aliasName(nameQ, ctx.lex))}`);
      else if (isVar(nameQ) && nameQ.form === "__MODULE__") m.tests.push(`${subject}.get("__struct__") === __MODULE__`);
      else {
        const t = ctx.w.temp();
        m.temps.push(t);
        m.tests.push(`(${t} = ${subject}.get("__struct__")) !== undefined`, `typeof ${t} === "string"`);
        compilePattern(nameQ, t, m, ctx);
      }
      if (isCall(mapQ, "%{}")) mapPattern(mapQ.args ?? [], subject, m, ctx, true);
      return;
    }
    case "<>": {
      const [prefix, rest] = args;
      if (typeof prefix !== "string") throw errorAt(pat, "the left side of <> in a pattern must be a literal string");
      m.tests.push(`${subject} instanceof E.Bin`, `${subject}.s.startsWith(${JSON.stringify(prefix)})`);
      compileRest(rest, `E.bin(${subject}.s.slice(${prefix.length}))`, m, ctx);
      return;
    }
    case "<<>>":
      binaryPattern(pat, subject, m, ctx);
      return;
    case "-": {
      const v = args[0];
      if (typeof v === "number" || typeof v === "bigint" || (typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "float")) {
        compilePattern(typeof v === "number" ? -v : typeof v === "bigint" ? -v : { kind: "float", value: -(v as { value: number }).value }, subject, m, ctx);
        return;
      }
      break;
    }
    case "@": {
      const inner = args[0];
      if (isCall(inner) && typeof inner.form === "string") {
        const value = ctx.lex.attrs.get(inner.form);
        if (value === undefined) throw errorAt(pat, `@${inner.form} is not set above this pattern`);
        compilePattern(value, subject, m, ctx);
        return;
      }
      break;
    }
    case "__aliases__":
      m.tests.push(`${subject} === ${JSON.stringify(aliasName(pat, ctx.lex))}`);
      return;
    case "sigil_w":
    case "sigil_s": {
      const lit = literalCode(pat, ctx);
      if (lit !== null) {
        m.tests.push(`E.seq(${subject}, ${lit})`);
        return;
      }
    }
  }
  throw unsupported(pat, `\`${typeof pat.form === "string" ? pat.form : "this expression"}\` in a pattern`);
}

/** A sub-pattern bound to a computed value (the rest of a binary). */
function compileRest(rest: Quoted, value: string, m: Match, ctx: Ctx): void {
  if (isVar(rest)) {
    if (rest.form === "_" ) return;
    bindVar(rest.form, value, m, ctx, rest);
    return;
  }
  const t = ctx.w.temp();
  m.temps.push(t);
  m.tests.push(`((${t} = ${value}), true)`);
  compilePattern(rest, t, m, ctx);
}

function mapPattern(items: Quoted[], subject: string, m: Match, ctx: Ctx, isStruct = false): void {
  if (!isStruct) m.tests.push(`${subject} instanceof E.EMap`);
  for (const item of items) {
    if (!isPair(item)) throw errorAt(item, "a map pattern holds `key => pattern` or `key: pattern` pairs");
    const key = keyCode(item.left, ctx);
    const t = ctx.w.temp();
    m.temps.push(t);
    m.tests.push(`(${t} = ${subject}.get(${key})) !== undefined`);
    compilePattern(item.right, t, m, ctx);
  }
}

/** A map key in a pattern: a literal or a pinned variable. */
function keyCode(q: Quoted, ctx: Ctx): string {
  if (isCall(q, "^")) {
    const v = (q.args ?? [])[0];
    const js = isVar(v) ? ctx.scope.lookup(v.form) : undefined;
    if (!js) throw errorAt(q, "^ in a map key pins a variable bound before this pattern");
    return js;
  }
  const lit = literalCode(q, ctx);
  if (lit === null) throw errorAt(q, "a map key in a pattern must be a literal or a pinned variable (^key)");
  return lit;
}

/** `<<"prefix", rest::binary>>`: literal string segments, then at most one binary/bitstring rest. */
function binaryPattern(pat: QCall, subject: string, m: Match, ctx: Ctx): void {
  const segs = pat.args ?? [];
  let prefix = "";
  m.tests.push(`${subject} instanceof E.Bin`);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (typeof seg === "string") {
      prefix += seg;
      continue;
    }
    if (i === segs.length - 1 && isCall(seg, "::")) {
      const [v, type] = seg.args ?? [];
      if (isVar(type) && (type.form === "binary" || type.form === "bitstring" || type.form === "bytes")) {
        if (prefix) m.tests.push(`${subject}.s.startsWith(${JSON.stringify(prefix)})`);
        compileRest(v, `E.bin(${subject}.s.slice(${prefix.length}))`, m, ctx);
        return;
      }
    }
    throw unsupported(seg, "this binary segment in a pattern (literal strings and a final `rest::binary` are)", metaOf(pat));
  }
  m.tests.push(`${subject}.s === ${JSON.stringify(prefix)}`);
}

/** Names a pattern binds (for checks such as unused or for `with`). */
export function patternVars(pat: Quoted, out = new Set<string>()): Set<string> {
  if (Array.isArray(pat)) pat.forEach((p) => patternVars(p, out));
  else if (isPair(pat)) {
    patternVars(pat.left, out);
    patternVars(pat.right, out);
  } else if (isVar(pat)) {
    if (pat.form !== "_" && pat.form !== "__MODULE__") out.add(pat.form);
  } else if (isCall(pat) && pat.form !== "^" && pat.form !== "@") (pat.args ?? []).forEach((p) => patternVars(p, out));
  return out;
}

/** Whether a pattern always matches (a variable or `_`): no test needed. */
export function isIrrefutable(pat: Quoted): boolean {
  return isVar(pat) && pat.form !== "__MODULE__";
}

export { isAtom };
