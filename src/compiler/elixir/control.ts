/**
 * Control flow: case, if/unless, cond, with, for, receive, try. Each writes its clauses as JS
 * tests in order inside a labeled block (the first clause that matches runs its body and
 * leaves the block); a value goes to the caller's sink, so a call at the end of a clause body
 * in tail position stays a tail call. A clause's bindings live in its own scope.
 */
import type { Ctx } from "./context";
import { awaited } from "./asyncShape";
import { Scope } from "./emitter";
import { CompileError, errorAt } from "./errors";
import { type Sink, assignSink, bind, dropSink, guardCode, into, value } from "./expressions";
import { compilePattern, newMatch } from "./patterns";
import { nestedCode } from "./functions";
import { type QCall, type Quoted, isCall, isVar, keywordPairs } from "./quoted";

const CONTROL = new Set(["case", "if", "unless", "cond", "with", "for", "receive", "try"]);

export function isControl(q: QCall): boolean {
  return typeof q.form === "string" && CONTROL.has(q.form) && Array.isArray(q.args);
}

export function compileControl(q: QCall, ctx: Ctx, sink: Sink): void {
  switch (q.form) {
    case "case": return caseExpr(q, ctx, sink);
    case "if": return ifExpr(q, ctx, sink, false);
    case "unless": return ifExpr(q, ctx, sink, true);
    case "cond": return condExpr(q, ctx, sink);
    case "with": return withExpr(q, ctx, sink);
    case "for": return forExpr(q, ctx, sink);
    case "receive": return receiveExpr(q, ctx, sink);
    case "try": return tryExpr(q, ctx, sink);
  }
}

type Clause = { pats: Quoted[]; guard: Quoted | null; body: Quoted; line: number };

/** The `->` clauses of a block, as patterns (with guards) and bodies. */
export function stabClauses(list: Quoted, q: QCall, what: string): Clause[] {
  if (!Array.isArray(list)) throw errorAt(q, `${what} needs clauses written \`pattern -> expression\``);
  return list.map((c) => {
    if (!isCall(c, "->")) throw errorAt(q, `${what} needs clauses written \`pattern -> expression\``);
    let [pats, body] = c.args ?? [];
    let guard: Quoted | null = null;
    let ps = pats as Quoted[];
    if (ps.length === 1 && isCall(ps[0], "when")) {
      const w = ps[0].args ?? [];
      guard = w[w.length - 1];
      ps = w.slice(0, -1);
    }
    return { pats: ps, guard, body, line: c.meta?.line ?? q.meta?.line ?? 1 };
  });
}

function blocks(q: QCall, what: string): Map<string, Quoted> {
  const args = q.args ?? [];
  const out = new Map<string, Quoted>();
  for (const a of args) {
    const kw = keywordPairs(a);
    if (kw) for (const [k, v] of kw) out.set(k, v);
  }
  if (!out.has("do")) throw errorAt(q, `${what} needs a do-block`);
  return out;
}

/**
 * Writes clauses matched against `subjects`; `noMatch` is the statement when none matches
 * (a raise). Returns nothing: each body's value goes to `sink`.
 */
export function matchClauses(clauses: Clause[], subjects: string[], ctx: Ctx, sink: Sink, noMatch: string | null): void {
  const label = ctx.w.fresh("$c");
  ctx.w.open(`${label}: {`);
  let exhaustive = false;
  for (const c of clauses) {
    ctx.setLine(c.line);
    if (c.pats.length !== subjects.length) throw errorAt(c.pats, `this clause takes ${c.pats.length} argument(s) where ${subjects.length} are given`, { line: c.line, column: 1 });
    ctx.inScope(() => {
      const m = newMatch();
      c.pats.forEach((p, i) => compilePattern(p, subjects[i], m, ctx));
      ctx.w.open("{");
      if (m.temps.length) ctx.w.emit(`let ${m.temps.join(", ")};`);
      const conditional = m.tests.length > 0;
      if (conditional) ctx.w.open(`if (${m.tests.join(" && ")}) {`);
      bind(m, ctx);
      let guarded = false;
      if (c.guard !== null) {
        const g = guardCode(c.guard, ctx);
        ctx.w.open(`if (${g}) {`);
        guarded = true;
      }
      ctx.setLine(c.line);
      into(c.body, ctx, sink);
      if (!sink.tail) ctx.w.emit(`break ${label};`);
      if (guarded) ctx.w.close();
      if (conditional) ctx.w.close();
      ctx.w.close();
      if (!conditional && !guarded) exhaustive = true;
    });
    if (exhaustive) break;
  }
  if (!exhaustive && noMatch) ctx.w.emit(noMatch);
  ctx.w.close();
}

function subjectOf(q: Quoted, ctx: Ctx): string {
  const v = value(q, ctx);
  if (/^[\w$]+$/.test(v)) return v;
  const t = ctx.w.temp();
  ctx.w.emit(`const ${t} = ${v};`);
  return t;
}

function caseExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const [subject] = q.args ?? [];
  const b = blocks(q, "case");
  const s = subjectOf(subject, ctx);
  matchClauses(stabClauses(b.get("do")!, q, "case"), [s], ctx, sink, `throw E.caseClauseError(${s});`);
}

function ifExpr(q: QCall, ctx: Ctx, sink: Sink, negate: boolean): void {
  const [cond] = q.args ?? [];
  const b = blocks(q, negate ? "unless" : "if");
  const c = value(cond, ctx);
  ctx.w.open(`if (${negate ? "!" : ""}E.truthy(${c})) {`);
  ctx.inScope(() => into(b.get("do")!, ctx, sink));
  ctx.w.close("} else {");
  ctx.w.open("");
  ctx.inScope(() => into(b.has("else") ? b.get("else")! : null, ctx, sink));
  ctx.w.close();
}

function condExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const b = blocks(q, "cond");
  const clauses = stabClauses(b.get("do")!, q, "cond");
  const label = ctx.w.fresh("$c");
  ctx.w.open(`${label}: {`);
  for (const c of clauses) {
    ctx.setLine(c.line);
    if (c.pats.length !== 1 || c.guard) throw errorAt(q, "each cond clause is `condition -> expression`");
    const always = c.pats[0] === true || (typeof c.pats[0] === "object" && c.pats[0] !== null && !Array.isArray(c.pats[0]) && c.pats[0].kind === "atom");
    ctx.inScope(() => {
      const v = always ? "true" : `E.truthy(${value(c.pats[0], ctx)})`;
      ctx.w.open(`if (${v}) {`);
      into(c.body, ctx, sink);
      if (!sink.tail) ctx.w.emit(`break ${label};`);
      ctx.w.close();
    });
    if (always) break;
  }
  ctx.w.emit("throw E.condClauseError();");
  ctx.w.close();
}

function withExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const args = q.args ?? [];
  const b = blocks(q, "with");
  const steps = args.filter((a) => !keywordPairs(a) || (Array.isArray(a) && a.length === 0));
  const label = ctx.w.fresh("$w");
  const elseClauses = b.has("else") ? stabClauses(b.get("else")!, q, "with's else") : null;
  const saved = ctx.scope;
  ctx.w.open(`${label}: {`);
  ctx.scope = new Scope(saved);
  const fail = (v: string) => {
    if (elseClauses) {
      const inner = ctx.scope;
      ctx.scope = saved;
      matchClauses(elseClauses, [v], ctx, sink, `throw E.withClauseError(${v});`);
      ctx.scope = inner;
    } else sink.put(v);
    if (!sink.tail) ctx.w.emit(`break ${label};`);
  };
  for (const step of steps) {
    if (isCall(step, "<-")) {
      let [pat, expr] = step.args ?? [];
      let guard: Quoted | null = null;
      if (isCall(pat, "when")) [pat, guard] = pat.args ?? [];
      ctx.setLine(step.meta?.line);
      const v = subjectOf(expr, ctx);
      const m = newMatch();
      compilePattern(pat, v, m, ctx);
      if (m.temps.length) ctx.w.emit(`let ${m.temps.join(", ")};`);
      if (m.tests.length) {
        ctx.w.open(`if (!(${m.tests.join(" && ")})) {`);
        fail(v);
        ctx.w.close();
      }
      bind(m, ctx);
      if (guard) {
        const g = guardCode(guard, ctx);
        ctx.w.open(`if (!${g}) {`);
        fail(v);
        ctx.w.close();
      }
    } else into(step, ctx, dropSink(ctx));
  }
  into(b.get("do")!, ctx, sink);
  ctx.scope = saved;
  ctx.w.close();
}

function forExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const args = q.args ?? [];
  const opts = new Map<string, Quoted>();
  const parts: Quoted[] = [];
  for (const a of args) {
    const kw = keywordPairs(a);
    if (kw && kw.length) kw.forEach(([k, v]) => opts.set(k, v));
    else parts.push(a);
  }
  if (!opts.has("do")) throw errorAt(q, "for needs a do-block");
  for (const k of opts.keys()) if (!["do", "into", "reduce", "uniq"].includes(k)) throw errorAt(q, `for does not take \`${k}:\` here (into:, reduce: and uniq: are supported)`);
  const reduce = opts.has("reduce");
  const acc = ctx.w.fresh("$acc");
  const seen = opts.has("uniq") ? ctx.w.fresh("$seen") : null;
  const intoQ = opts.get("into");
  const intoV = intoQ !== undefined ? value(intoQ, ctx) : null;
  ctx.w.emit(reduce ? `let ${acc} = ${value(opts.get("reduce")!, ctx)};` : `const ${acc} = [];`);
  if (seen) ctx.w.emit(`const ${seen} = new Set();`);
  const saved = ctx.scope;
  let depth = 0;
  ctx.scope = new Scope(saved);
  for (const part of parts) {
    if (isCall(part, "<-")) {
      const [pat, enumQ] = part.args ?? [];
      ctx.setLine(part.meta?.line);
      const e = value(enumQ, ctx);
      const x = ctx.w.fresh("$x");
      ctx.w.open(`for (const ${x} of E.iter(${e})) {`);
      depth++;
      const m = newMatch();
      compilePattern(pat, x, m, ctx);
      if (m.temps.length) ctx.w.emit(`let ${m.temps.join(", ")};`);
      if (m.tests.length) ctx.w.emit(`if (!(${m.tests.join(" && ")})) continue;`);
      bind(m, ctx);
    } else if (isCall(part, "<<>>")) throw errorAt(part, "binary generators in for are not supported here");
    else {
      if (depth === 0) throw errorAt(part, "a for filter must come after a generator");
      ctx.w.emit(`if (!E.truthy(${value(part, ctx)})) continue;`);
    }
  }
  if (depth === 0) throw errorAt(q, "for needs at least one generator `x <- enumerable`");
  const body = opts.get("do")!;
  if (reduce) {
    const clauses = stabClauses(body, q, "for with reduce:");
    matchClauses(clauses, [acc], ctx, assignSink(ctx, acc), `throw E.functionClauseError("Elixir.Kernel", "for", 1);`);
  } else {
    const v = value(body, ctx);
    if (seen) {
      const k = ctx.w.temp();
      ctx.w.emit(`const ${k} = E.keyOf(${v});`);
      ctx.w.emit(`if (${seen}.has(${k})) continue;`);
      ctx.w.emit(`${seen}.add(${k});`);
    }
    ctx.w.emit(`${acc}.push(${v});`);
  }
  for (let i = 0; i < depth; i++) ctx.w.close();
  ctx.scope = saved;
  if (reduce) sink.put(acc);
  else if (intoV !== null) sink.put(`E.into(${intoV}, ${acc})`);
  else sink.put(`E.list(${acc})`);
}

function receiveExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const b = blocks(q, "receive");
  const doQ = b.get("do")!;
  const clauses = isCall(doQ, "__block__") && (doQ.args ?? []).length === 0 ? [] : stabClauses(doQ, q, "receive");
  for (const c of clauses) if (c.pats.length !== 1) throw errorAt(q, "a receive clause matches one message");
  const otp = ctx.mw.namespace("otp");
  let timeout = "undefined";
  let after: Clause | null = null;
  if (b.has("after")) {
    const ac = stabClauses(b.get("after")!, q, "receive's after");
    if (ac.length !== 1 || ac[0].pats.length !== 1) throw errorAt(q, "receive's after takes one clause: `after ms -> expression`");
    after = ac[0];
    const t = value(after.pats[0], ctx);
    timeout = t === '"infinity"' ? "undefined" : /^\d+$/.test(t) ? t : `E.timeout(${t})`;
  }
  const got = ctx.w.fresh("$msg");
  ctx.setLine(q.meta?.line);
  ctx.w.emit(`const ${got} = ${awaited(`${otp}.receive(${matcherCode(clauses, ctx)}, ${timeout})`)};`);
  if (after) {
    ctx.w.open(`if (${got} === E.TIMEOUT) {`);
    ctx.inScope(() => into(after!.body, ctx, sink));
    ctx.w.close("} else {");
    ctx.w.open("");
  }
  if (clauses.length) matchClauses(clauses, [got], ctx, sink, `throw E.caseClauseError(${got});`);
  else if (!after) sink.put("null");
  if (after) ctx.w.close();
}

/**
 * What a receive passes the runtime to pick a message: nothing when some clause takes any
 * message (the oldest is taken, as the BEAM does), else a function telling whether a message
 * matches some clause, hoisted to the module when it reads no variable of the function.
 */
function matcherCode(clauses: Clause[], ctx: Ctx): string {
  const catchAll = clauses.findIndex((c) => isVar(c.pats[0]) && c.pats[0].form !== "__MODULE__" && c.guard === null);
  if (catchAll >= 0) return "undefined";
  if (clauses.length === 0) return ctx.mw.constant("() => false");
  const write = (mctx: Ctx) => {
    const msg = mctx.w.fresh("$m");
    for (const c of clauses) {
      mctx.inScope(() => {
        const m = newMatch();
        compilePattern(c.pats[0], msg, m, mctx);
        mctx.w.open("{");
        if (m.temps.length) mctx.w.emit(`let ${m.temps.join(", ")};`);
        if (m.tests.length) mctx.w.open(`if (${m.tests.join(" && ")}) {`);
        if (c.guard) {
          bind(m, mctx);
          mctx.w.emit(`if (${guardCode(c.guard, mctx)}) return true;`);
        } else mctx.w.emit("return true;");
        if (m.tests.length) mctx.w.close();
        mctx.w.close();
      });
    }
    mctx.w.emit("return false;");
    return `(${msg}) => {\n${nestedCode(mctx.w)}\n}`;
  };
  // Closed over nothing? Compile it where no variable of the function is in scope.
  const closed = ctx.nested();
  closed.scope = new Scope(null);
  try {
    return ctx.mw.constant(write(closed).replace(/\/\*@L\d+\*\//g, ""));
  } catch (err) {
    if (!(err instanceof CompileError)) throw err;
  }
  return write(ctx.nested());
}

function tryExpr(q: QCall, ctx: Ctx, sink: Sink): void {
  const b = blocks(q, "try");
  const r = ctx.w.fresh("$r");
  ctx.w.emit(`let ${r};`);
  const hasAfter = b.has("after");
  const elseClauses = b.has("else") ? stabClauses(b.get("else")!, q, "try's else") : null;
  const ok = elseClauses ? ctx.w.fresh("$ok") : null;
  if (ok) ctx.w.emit(`let ${ok} = false;`);
  if (hasAfter) ctx.w.open("try {");
  const handles = b.has("rescue") || b.has("catch");
  if (handles) ctx.w.open("try {");
  ctx.inScope(() => into(b.get("do")!, ctx, assignSink(ctx, r)));
  if (ok) ctx.w.emit(`${ok} = true;`);
  if (handles) {
    const err = ctx.w.fresh("$err");
    ctx.w.close(`} catch (${err}) {`);
    ctx.w.open("");
    const kind = ctx.w.fresh("$kind");
    const val = ctx.w.fresh("$val");
    ctx.w.emit(`const [${kind}, ${val}] = E.caught(${err});`);
    const label = ctx.w.fresh("$h");
    ctx.w.open(`${label}: {`);
    ctx.inScope(() => {
      // `__STACKTRACE__` in a handler: the caught error's mapped frames, as Elixir terms.
      ctx.scope.set("__STACKTRACE__", `E.stacktraceOf(${err})`);
      for (const c of b.has("rescue") ? stabClauses(b.get("rescue")!, q, "rescue") : []) rescueClause(c, kind, val, label, r, ctx);
      for (const c of b.has("catch") ? stabClauses(b.get("catch")!, q, "catch") : []) catchClause(c, kind, val, err, label, r, ctx);
    });
    ctx.w.emit(`throw ${err};`);
    ctx.w.close();
    ctx.w.close();
  }
  if (hasAfter) {
    ctx.w.close("} finally {");
    ctx.w.open("");
    ctx.inScope(() => into(b.get("after")!, ctx, dropSink(ctx)));
    ctx.w.close();
  }
  if (elseClauses && ok) {
    const out = ctx.w.fresh("$e");
    ctx.w.emit(`let ${out} = ${r};`);
    ctx.w.open(`if (${ok}) {`);
    matchClauses(elseClauses, [r], ctx, assignSink(ctx, out), `throw E.tryClauseError(${r});`);
    ctx.w.close();
    sink.put(out);
    return;
  }
  sink.put(r);
}

/** `e in [A, B] ->`, `A ->`, `e ->`. */
function rescueClause(c: Clause, kind: string, val: string, label: string, r: string, ctx: Ctx): void {
  if (c.pats.length !== 1 || c.guard) throw errorAt(c.pats, "a rescue clause is `e in Error ->`, `Error ->` or `e ->`", { line: c.line, column: 1 });
  const p = c.pats[0];
  let name: string | null = null;
  let mods: Quoted[] = [];
  if (isCall(p, "in")) {
    const [v, m] = p.args ?? [];
    if (!isCall(v) || v.args !== null || typeof v.form !== "string") throw errorAt(p, "rescue `x in Mod` needs a variable on the left");
    name = v.form;
    mods = Array.isArray(m) ? m : [m];
  } else if (isCall(p, "__aliases__")) mods = [p];
  else if (isCall(p) && p.args === null && typeof p.form === "string") name = p.form;
  else throw errorAt(p, "a rescue clause is `e in Error ->`, `Error ->` or `e ->`");
  ctx.setLine(c.line);
  const tests = [`${kind} === "error"`];
  if (mods.length) {
    const names = mods.map((m) => {
      if (!isCall(m, "__aliases__")) throw errorAt(p, "rescue names exception modules");
      return `${val}.get("__struct__") === ${value(m, ctx)}`;
    });
    tests.push(`(${names.join(" || ")})`);
  }
  ctx.w.open(`if (${tests.join(" && ")}) {`);
  ctx.inScope(() => {
    if (name && name !== "_") {
      const js = ctx.w.fresh(name);
      ctx.w.emit(`const ${js} = ${val};`);
      ctx.scope.set(name, js);
    }
    into(c.body, ctx, assignSink(ctx, r));
  });
  ctx.w.emit(`break ${label};`);
  ctx.w.close();
}

/** `kind, value ->` or `value ->` (a throw). */
function catchClause(c: Clause, kind: string, val: string, err: string, label: string, r: string, ctx: Ctx): void {
  ctx.setLine(c.line);
  const reason = ctx.w.fresh("$reason");
  ctx.w.emit(`const ${reason} = ${kind} === "error" ? E.erlangReason(${err}) : ${val};`);
  const pats = c.pats.length === 1 ? [{ kind: "atom", name: "throw" } as Quoted, c.pats[0]] : c.pats;
  // A clause that ran leaves the whole handler (not only its own block).
  const leave: Sink = { tail: false, put: (code) => ctx.w.emit(`${r} = ${code}; break ${label};`) };
  matchClauses([{ ...c, pats }], [kind, reason], ctx, leave, null);
}

