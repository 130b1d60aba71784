/**
 * Elixir's quoted AST as the compiler holds it: the same shapes `Code.string_to_quoted` gives
 * (`{name, meta, args}`, literals for atoms, numbers, binaries, lists and 2-tuples), with JS
 * types that say which is which. `toTerm` writes the JSON form that the recordings of the real
 * Elixir use (scripts/record-elixir-quoted.exs), so tests compare the two directly.
 */

export type Meta = { line: number; column: number } | null;

/** `{form, meta, args}`: a call (args an array) or a variable (args null, context nil). */
export type QCall = { kind: "call"; form: string | Quoted; meta: Meta; args: Quoted[] | null };
export type QAtom = { kind: "atom"; name: string };
export type QFloat = { kind: "float"; value: number };
/** Only 2-tuples are literal in the AST; others are `{:{}, meta, elems}` calls. */
export type QPair = { kind: "pair"; left: Quoted; right: Quoted };

export type Quoted = QCall | QAtom | QFloat | QPair | Quoted[] | string | number | bigint | boolean | null;

export const atom = (name: string): QAtom => ({ kind: "atom", name });
export const call = (form: string | Quoted, meta: Meta, args: Quoted[] | null): QCall => ({ kind: "call", form, meta, args });
export const pair = (left: Quoted, right: Quoted): QPair => ({ kind: "pair", left, right });

export function isCall(q: Quoted, form?: string): q is QCall {
  return typeof q === "object" && q !== null && !Array.isArray(q) && q.kind === "call" && (form === undefined || q.form === form);
}
export function isAtom(q: Quoted, name?: string): q is QAtom {
  return typeof q === "object" && q !== null && !Array.isArray(q) && q.kind === "atom" && (name === undefined || q.name === name);
}
export function isPair(q: Quoted): q is QPair {
  return typeof q === "object" && q !== null && !Array.isArray(q) && q.kind === "pair";
}
/** A variable: `{name, meta, nil}` with an atom name. */
export function isVar(q: Quoted): q is QCall & { form: string; args: null } {
  return isCall(q) && typeof q.form === "string" && q.args === null;
}

/** A keyword list `[a: 1, b: 2]` as [key, value] pairs, or null when `q` is not one. */
export function keywordPairs(q: Quoted): Array<[string, Quoted]> | null {
  if (!Array.isArray(q)) return null;
  const out: Array<[string, Quoted]> = [];
  for (const item of q) {
    if (!isPair(item) || !isAtom(item.left)) return null;
    out.push([item.left.name, item.right]);
  }
  return out;
}

/** The line and column of a node, or of the first of its parts that has them. */
export function metaOf(q: Quoted): Meta {
  if (Array.isArray(q)) {
    for (const item of q) {
      const m = metaOf(item);
      if (m) return m;
    }
    return null;
  }
  if (isCall(q)) return q.meta ?? (Array.isArray(q.args) ? metaOf(q.args) : null) ?? (typeof q.form === "object" ? metaOf(q.form) : null);
  if (isPair(q)) return metaOf(q.left) ?? metaOf(q.right);
  return null;
}

export type Term = null | boolean | number | string | Term[] | { a: string } | { t: Term[] } | { f: number } | { i: string };

/** The JSON form of the recordings (see the header). */
export function toTerm(q: Quoted): Term {
  if (q === null || typeof q === "boolean" || typeof q === "number" || typeof q === "string") return q;
  if (typeof q === "bigint") return { i: q.toString() };
  if (Array.isArray(q)) return q.map(toTerm);
  switch (q.kind) {
    case "atom": return { a: q.name };
    case "float": return { f: q.value };
    case "pair": return { t: [toTerm(q.left), toTerm(q.right)] };
    case "call": {
      const meta: Term = q.meta ? [{ t: [{ a: "line" }, q.meta.line] }, { t: [{ a: "column" }, q.meta.column] }] : [];
      return { t: [typeof q.form === "string" ? { a: q.form } : toTerm(q.form), meta, q.args === null ? null : q.args.map(toTerm)] };
    }
  }
}
