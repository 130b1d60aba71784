/**
 * Compile-time constant terms: numbers, atoms, strings, floats, and lists, tuples and maps made
 * only of them, sigils `~w`/`~s`/`~c`. Anything that allocates is hoisted to a module-level
 * constant (terms are immutable, so one copy serves every call).
 */
import type { Ctx } from "./context";
import { errorAt } from "./errors";
import { aliasName } from "./modules";
import { type Quoted, isCall, isPair, isVar } from "./quoted";

/** JS code for the constant term `q`, or null when `q` is not a constant. */
export function literalCode(q: Quoted, ctx: Ctx): string | null {
  if (q === null) return "null";
  if (typeof q === "boolean" || typeof q === "number") return String(q);
  if (typeof q === "bigint") return `${q}n`;
  if (typeof q === "string") return ctx.mw.constant(`E.bin(${JSON.stringify(q)})`);
  if (Array.isArray(q)) {
    const items: string[] = [];
    let tail = "E.EMPTY";
    for (let i = 0; i < q.length; i++) {
      const item = q[i];
      if (i === q.length - 1 && isCall(item, "|")) {
        const [h, t] = item.args ?? [];
        const hc = literalCode(h, ctx), tc = literalCode(t, ctx);
        if (hc === null || tc === null) return null;
        items.push(hc);
        tail = tc;
        break;
      }
      const c = literalCode(item, ctx);
      if (c === null) return null;
      items.push(c);
    }
    if (items.length === 0 && tail === "E.EMPTY") return "E.EMPTY";
    return ctx.mw.constant(`E.list([${items.join(", ")}]${tail === "E.EMPTY" ? "" : `, ${tail}`})`);
  }
  switch (q.kind) {
    case "atom": return JSON.stringify(q.name);
    case "float": return ctx.mw.constant(`E.float(${q.value})`);
    case "pair": {
      const l = literalCode(q.left, ctx), r = literalCode(q.right, ctx);
      return l === null || r === null ? null : ctx.mw.constant(`[${l}, ${r}]`);
    }
    case "call": {
      const args = q.args ?? [];
      if (q.form === "__aliases__") return JSON.stringify(aliasName(q, ctx.lex));
      if (isVar(q)) return q.form === "__MODULE__" ? JSON.stringify(ctx.lex.module) : null;
      if (q.form === "{}") {
        const items = args.map((a) => literalCode(a, ctx));
        return items.some((i) => i === null) ? null : ctx.mw.constant(`[${items.join(", ")}]`);
      }
      if (q.form === "%{}") {
        const entries: string[] = [];
        for (const a of args) {
          if (!isPair(a)) return null;
          const k = literalCode(a.left, ctx), v = literalCode(a.right, ctx);
          if (k === null || v === null) return null;
          entries.push(`[${k}, ${v}]`);
        }
        return ctx.mw.constant(`E.map([${entries.join(", ")}])`);
      }
      if (q.form === "-" && args.length === 1) {
        const v = args[0];
        if (typeof v === "number") return String(-v);
        if (typeof v === "bigint") return `${-v}n`;
        if (typeof v === "object" && v !== null && !Array.isArray(v) && v.kind === "float") return ctx.mw.constant(`E.float(${-v.value})`);
        return null;
      }
      if (typeof q.form === "string" && q.form.startsWith("sigil_")) return sigilCode(q.form.slice(6), args, ctx, q);
      return null;
    }
  }
  return null;
}

function sigilCode(name: string, args: Quoted[], ctx: Ctx, q: Quoted): string | null {
  const [content, mods] = args;
  if (!isCall(content, "<<>>")) return null;
  const parts = content.args ?? [];
  if (!parts.every((p) => typeof p === "string")) return null; // interpolated: built at run time
  const text = (parts as string[]).join("");
  const modifiers = Array.isArray(mods) ? String.fromCodePoint(...(mods as number[])) : "";
  switch (name) {
    case "s":
    case "S":
      return literalCode(text, ctx);
    case "c":
    case "C":
      return literalCode([...text].map((c) => c.codePointAt(0)!), ctx);
    case "w":
    case "W": {
      const words = text.split(/\s+/).filter(Boolean);
      if (modifiers === "a") return literalCode(words.map((w) => ({ kind: "atom" as const, name: w })), ctx);
      if (modifiers === "c") return literalCode(words.map((w) => [...w].map((c) => c.codePointAt(0)!)), ctx);
      if (modifiers === "" || modifiers === "s") return literalCode(words, ctx);
      throw errorAt(q, `~w takes the modifiers a, c or s, not "${modifiers}"`);
    }
  }
  throw errorAt(q, `the sigil ~${name} is not supported here (~w, ~s and ~c are)`);
}
