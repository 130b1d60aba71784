/**
 * Functions: a def/defp clause group becomes one `async function name$arity(...)` that tries
 * its clauses in order (FunctionClauseError when none matches); default arguments become the
 * lower arities calling the full one; `fn` becomes an async arrow with the same clause logic;
 * captures (`&f/1`, `&Mod.f/1`, `&(&1 + 1)`) become funs of the right arity.
 */
import { ASYNC_FUNCTION_TAIL, asyncArrow, asyncFunctionHead } from "./asyncShape";
import { isCapturableOperator, kernelCaptureName } from "./captures";
import { Ctx, type ModuleWriter } from "./context";
import { SHELL_MODULE } from "./shellModule";
import { matchClauses, stabClauses } from "./control";
import { FnWriter, Scope } from "./emitter";
import { errorAt } from "./errors";
import { type SelfLoop, isKernel, localCall, remoteCall, returnSink, value, into } from "./expressions";
import { aliasName, type FunctionGroup } from "./modules";
import { type QCall, type Quoted, call, isAtom, isCall, isVar } from "./quoted";

/** Lines of a nested function, each marked with its Elixir line (`/*@L12*\/`), joined. */
export function nestedCode(w: FnWriter): string {
  return w.lines.map((l) => `/*@L${l.line}*/${l.code}`).join("\n");
}

function plainParams(pats: Quoted[]): string[] | null {
  const names: string[] = [];
  for (const p of pats) {
    if (!isVar(p) || p.form === "__MODULE__") return null;
    if (p.form !== "_" && names.includes(p.form)) return null;
    names.push(p.form);
  }
  return names;
}

export function compileGroup(g: FunctionGroup, mw: ModuleWriter): FnWriter {
  const w = new FnWriter();
  const fn = { name: g.name, arity: g.arity };
  const jsName = mw.fnName(g.name, g.arity);
  w.line = g.meta?.line ?? 1;
  if (g.clauses.length === 0) throw errorAt(null, `${g.name}/${g.arity} has a head but no clause with a body`, g.meta);
  const first = g.clauses[0];
  const plain = g.clauses.length === 1 && first.guard === null ? plainParams(first.args) : null;
  if (plain) {
    const ctx = new Ctx(mw, w, new Scope(null), first.lex, fn);
    const params = plain.map((n, i) => (n === "_" ? `$a${i}` : w.fresh(n)));
    plain.forEach((n, i) => n !== "_" && ctx.scope.set(n, params[i]));
    w.line = first.meta?.line ?? w.line;
    const loop = selfLoop(g, w);
    const body = w.capture(() => into(first.body, ctx, { ...returnSink(ctx), loop }));
    return finishGroup(w, jsName, params, loop, body.lines, g.meta?.line ?? w.line);
  }
  const params = Array.from({ length: g.arity }, (_, i) => w.fresh(`$a${i}`));
  const loop = selfLoop(g, w);
  const body = w.capture(() => {
    for (const c of g.clauses) {
      const ctx = new Ctx(mw, w, new Scope(null), c.lex, fn);
      matchClauses([{ pats: c.args, guard: c.guard, body: c.body, line: c.meta?.line ?? 1 }], params, ctx, { ...returnSink(ctx), loop }, null);
    }
    w.emit(`throw E.functionClauseError(__MODULE__, ${JSON.stringify(g.name)}, ${g.arity});`);
  });
  return finishGroup(w, jsName, params, loop, body.lines, w.line);
}

function selfLoop(g: FunctionGroup, w: FnWriter): SelfLoop {
  return { name: g.name, arity: g.arity, params: Array.from({ length: g.arity }, (_, i) => w.fresh(`$p${i}`)), label: w.fresh("$loop"), used: false };
}

/**
 * The function around its body. When the body continues its own loop, each step binds the
 * parameters afresh (`const x = $p0`), so a fun made in one step keeps that step's values.
 */
function finishGroup(w: FnWriter, jsName: string, params: string[], loop: SelfLoop, body: FnWriter["lines"], line: number): FnWriter {
  if (!loop.used) {
    w.lines.push({ code: asyncFunctionHead(jsName, params), line });
    w.append(body);
  } else {
    w.lines.push({ code: asyncFunctionHead(jsName, loop.params), line });
    w.lines.push({ code: `  ${loop.label}: for (;;) {`, line });
    params.forEach((p, i) => w.lines.push({ code: `  const ${p} = ${loop.params[i]};`, line }));
    w.append(body);
    w.lines.push({ code: "  }", line });
  }
  w.lines.push({ code: ASYNC_FUNCTION_TAIL, line });
  return w;
}

/** `def f(a, b \\ 1)`: `f/1` calls `f/2` with the default filled in. */
export function compileDefault(g: FunctionGroup, d: FunctionGroup["defaults"][number], mw: ModuleWriter): FnWriter {
  const w = new FnWriter();
  w.line = d.meta?.line ?? 1;
  const ctx = new Ctx(mw, w, new Scope(null), d.lex, { name: g.name, arity: d.arity });
  const params = Array.from({ length: d.arity }, (_, i) => w.fresh(`$a${i}`));
  w.lines.push({ code: asyncFunctionHead(mw.fnName(g.name, d.arity), params), line: w.line });
  const full: string[] = [];
  let p = 0;
  for (let i = 0; i < g.arity; i++) {
    const filled = d.fill.find((f) => f.index === i);
    full.push(filled ? value(filled.value, ctx) : params[p++]);
  }
  w.emit(`return ${mw.fnName(g.name, g.arity)}(${full.join(", ")});`);
  w.lines.push({ code: ASYNC_FUNCTION_TAIL, line: w.line });
  return w;
}

export function compileFn(q: QCall, ctx: Ctx): string {
  const clauses = stabClauses(q.args ?? [], q, "fn");
  const arity = clauses[0]?.pats.length ?? 0;
  if (clauses.some((c) => c.pats.length !== arity)) throw errorAt(q, "all clauses of a fn must take the same number of arguments");
  const n = ctx.nested();
  const plain = clauses.length === 1 && clauses[0].guard === null ? plainParams(clauses[0].pats) : null;
  let params: string[];
  if (plain) {
    params = plain.map((name, i) => (name === "_" ? n.w.fresh(`$a${i}`) : n.w.fresh(name)));
    plain.forEach((name, i) => name !== "_" && n.scope.set(name, params[i]));
    n.setLine(clauses[0].line);
    into(clauses[0].body, n, returnSink(n));
  } else {
    params = Array.from({ length: arity }, (_, i) => n.w.fresh(`$a${i}`));
    // A fun typed in the shell is erl_eval's, as in IEx; a module's is named as the BEAM names it.
    const [mod, fun] = ctx.lex.module === SHELL_MODULE ? [`"erl_eval"`, "-inside-an-interpreted-fun-"] : ["__MODULE__", `-${ctx.fn.name}/${ctx.fn.arity}-fun-0-`];
    matchClauses(clauses, params, n, returnSink(n), `throw E.functionClauseError(${mod}, ${JSON.stringify(fun)}, ${arity});`);
  }
  return `E.fun(__version, ${asyncArrow(params, nestedCode(n.w))}, ${where(ctx)})`;
}

/** `#Function<fn/1 in M.run/1>`: where a fun was made, for inspect. */
function where(ctx: Ctx): string {
  const m = ctx.lex.module.replace(/^Elixir\./, "");
  return ctx.mw.constant(`{ where: ${JSON.stringify(`${m}.${ctx.fn.name}/${ctx.fn.arity}`)} }`);
}

export function compileCapture(q: QCall, ctx: Ctx): string {
  const [inner] = q.args ?? [];
  if (typeof inner === "number") {
    const js = ctx.scope.lookup(`&${inner}`);
    if (!js) throw errorAt(q, `&${inner} is only valid inside a capture like &(&${inner} + 1)`);
    return js;
  }
  if (isCall(inner, "/") && typeof (inner.args ?? [])[1] === "number") {
    const [target, arity] = inner.args as [Quoted, number];
    if (isVar(target)) return namedCapture(target.form, arity, q, ctx);
    if (isCall(target) && isCall(target.form, ".") && (target.args ?? []).length === 0) {
      const [mod, name] = target.form.args ?? [];
      if (isAtom(name)) {
        const module = isCall(mod, "__aliases__") ? aliasName(mod, ctx.lex) : isAtom(mod) ? mod.name : isVar(mod) && mod.form === "__MODULE__" ? ctx.lex.module : null;
        if (module) {
          remoteCall(module, name.name, [], ctx, true); // checks for unsupported modules
          return ctx.mw.constant(`E.remoteFun(${JSON.stringify(module)}, ${JSON.stringify(name.name)}, ${arity})`);
        }
      }
    }
  }
  // &(expr with &1, &2, …)
  const max = highestPlaceholder(inner);
  if (max === 0) throw errorAt(q, "a capture needs &1 (like &(&1 + 1)) or a name/arity (like &length/1)");
  const n = ctx.nested();
  const params = Array.from({ length: max }, (_, i) => n.w.fresh(`$${i + 1}`));
  params.forEach((p, i) => n.scope.set(`&${i + 1}`, p));
  into(inner, n, returnSink(n));
  return `E.fun(__version, ${asyncArrow(params, nestedCode(n.w))}, ${where(ctx)})`;
}

function namedCapture(name: string, arity: number, q: QCall, ctx: Ctx): string {
  if (ctx.mw.hasLocal(name, arity)) {
    // A local capture is a local fun on the BEAM: `#Function<…/1 in Main.double>`, not `&Main.double/1`.
    const tag = ctx.mw.constant(`{ where: ${JSON.stringify(`${ctx.lex.module.replace(/^Elixir\./, "")}.${name}`)} }`);
    return `E.fun(__version, ${ctx.mw.fnName(name, arity)}, ${tag})`;
  }
  const n = ctx.nested();
  const params = Array.from({ length: arity }, (_, i) => n.w.fresh(`$${i + 1}`));
  const args = params.map((p, i) => {
    n.scope.set(`&cap${i}`, p);
    return call(`&cap${i}`, q.meta, null);
  });
  const kernel = isKernel(name, arity) || isCapturableOperator(name, arity);
  if (!kernel && !ctx.lex.imports.length) throw errorAt(q, `undefined function ${name}/${arity}`);
  into(call(name, q.meta, args), n, returnSink(n));
  const shown = kernel ? kernelCaptureName(name, arity) : `${name}/${arity}`;
  const tag = shown === null ? where(ctx) : ctx.mw.constant(`{ capture: ${JSON.stringify(shown)} }`);
  return `E.fun(__version, ${asyncArrow(params, nestedCode(n.w))}, ${tag})`;
}

function highestPlaceholder(q: Quoted): number {
  if (Array.isArray(q)) return Math.max(0, ...q.map(highestPlaceholder));
  if (typeof q !== "object" || q === null) return 0;
  if (q.kind === "pair") return Math.max(highestPlaceholder(q.left), highestPlaceholder(q.right));
  if (q.kind !== "call") return 0;
  if (q.form === "&" && typeof (q.args ?? [])[0] === "number") return (q.args ?? [])[0] as number;
  if (q.form === "&" || q.form === "fn") return 0; // a nested capture or fn has its own
  return Math.max(highestPlaceholder(typeof q.form === "string" ? null : q.form), ...(q.args ?? []).map(highestPlaceholder), 0);
}

export { localCall };
