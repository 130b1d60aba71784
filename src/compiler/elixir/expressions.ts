/**
 * Expressions → JavaScript. `into(q, ctx, sink)` writes code that hands the value of `q` to a
 * sink: `return` in tail position (a call there is emitted as `return f(...)`, the runtime's
 * tail call), or an assignment. `value(q, ctx)` gives a JS expression, first writing whatever
 * statements it needs (a `case` inside an argument). Calls: a local function directly, another
 * module through its live namespace (`$Mod["f/1"]`, so the current version runs), Kernel's
 * guards and operators inline through `E`.
 */
import { awaited } from "./asyncShape";
import type { Ctx } from "./context";
import { compileControl, isControl } from "./control";
import { checkName } from "./emitter";
import { errorAt, unsupported } from "./errors";
import { compileCapture, compileFn } from "./functions";
import { literalCode } from "./literals";
import { aliasName } from "./modules";
import { type Match, compilePattern, newMatch } from "./patterns";
import { type QCall, type Quoted, atom, call, isAtom, isCall, isPair, isVar, keywordPairs, metaOf } from "./quoted";
import { SHELL_MODULE } from "./shellModule";

export type Sink = { tail: boolean; put(code: string): void; loop?: SelfLoop };

/**
 * A function's own loop: a call of itself in tail position (`relay(next)` at the end of
 * `relay/1`) re-binds its parameters and continues, instead of making a new activation per
 * step. Local calls stay in the running version, as this loop does; the postpass's
 * `__budget()` at every iteration keeps the runaway guard counting as function entries did.
 */
export type SelfLoop = { name: string; arity: number; params: string[]; label: string; used: boolean };

export const returnSink = (ctx: Ctx): Sink => ({ tail: true, put: (code) => ctx.w.emit(`return ${code};`) });
export const assignSink = (ctx: Ctx, to: string): Sink => ({ tail: false, put: (code) => ctx.w.emit(`${to} = ${code};`) });
export const dropSink = (ctx: Ctx): Sink => ({ tail: false, put: (code) => { if (!/^[\w$."]*$/.test(code)) ctx.w.emit(`${code};`); } });

/** Binary operators inlined through E (all strict about their operands, as Kernel's are). */
const BINARY_OPS: Record<string, string> = {
  "+": "E.add", "-": "E.sub", "*": "E.mul", "/": "E.fdiv", "==": "E.eq", "!=": "E.neq", "===": "E.seq", "!==": "E.sneq",
  "<": "E.lt", ">": "E.gt", "<=": "E.le", ">=": "E.ge", "++": "E.concat", "--": "E.subtract", "<>": "E.binConcat", "**": "E.pow",
};
/** Kernel functions inlined as `E.name(...)` (pure, synchronous; also allowed in guards). */
const INLINE_KERNEL = new Set([
  "is_integer/1", "is_float/1", "is_number/1", "is_atom/1", "is_boolean/1", "is_binary/1", "is_bitstring/1", "is_list/1",
  "is_tuple/1", "is_map/1", "is_pid/1", "is_reference/1", "is_function/1", "is_function/2", "is_struct/1", "is_struct/2",
  "is_exception/1", "is_map_key/2", "tuple_size/1", "map_size/1", "elem/2", "abs/1", "div/2", "rem/2", "hd/1", "tl/1",
  "length/1", "max/2", "min/2", "byte_size/1", "exit/1", "throw/1",
]);
/** Kernel functions that return at once (never wait, never call a fun): called without `await`. */
const SYNC_KERNEL = new Set([
  "self/0", "send/2", "make_ref/0", "put_elem/3", "round/1", "trunc/1", "inspect/2", "node/0", "spawn/1", "spawn/3",
  "spawn_link/1", "spawn_link/3", "spawn_monitor/1", "spawn_monitor/3", "to_charlist/1", "floor/1", "ceil/1",
  "struct/1", "struct/2", "get_in/2", "put_in/3", "binary_part/3", "function_exported?/3", "is_nil/1",
]);
/** Kernel functions that may wait or call funs (`apply`, `update_in`): awaited. */
const ASYNC_KERNEL = new Set(["apply/2", "apply/3", "update_in/3", "get_and_update_in/3", "pop_in/2", "tap/2", "struct!/2", "struct!/1"]);
const GUARD_OPS = new Set(["==", "!=", "===", "!==", "<", ">", "<=", ">=", "+", "-", "*", "/", "and", "or", "not", "in", "-", "++", "<>"]);

export function isKernel(name: string, arity: number): boolean {
  const k = `${name}/${arity}`;
  return INLINE_KERNEL.has(k) || SYNC_KERNEL.has(k) || ASYNC_KERNEL.has(k) || k === "to_string/1" || k === "inspect/1" || k === "then/2";
}

// ── statements ──────────────────────────────────────────────────────────────────────────

/** Writes `q` so its value reaches `sink`. */
export function into(q: Quoted, ctx: Ctx, sink: Sink): void {
  const m = metaOf(q);
  if (m) ctx.setLine(m.line);
  if (isCall(q, "__block__")) {
    const items = q.args ?? [];
    if (items.length === 0) return sink.put("null");
    items.slice(0, -1).forEach((x) => into(x, ctx, dropSink(ctx)));
    return into(items[items.length - 1], ctx, sink);
  }
  if (isCall(q) && isControl(q)) return compileControl(q, ctx, sink);
  if (isCall(q, "=")) {
    sink.put(matchExpr(q, ctx));
    return;
  }
  if (sink.loop && isSelfCall(q, sink.loop, ctx)) return continueLoop(q, sink.loop, ctx);
  sink.put(code(q, ctx, sink.tail));
}

function isSelfCall(q: Quoted, loop: SelfLoop, ctx: Ctx): q is QCall {
  if (!isCall(q) || q.form !== loop.name) return false;
  if (q.args === null) return loop.arity === 0 && ctx.scope.lookup(loop.name) === undefined;
  return q.args.length === loop.arity;
}

/** The arguments first (all of them, in order), then the parameters, then the next step. */
function continueLoop(q: QCall, loop: SelfLoop, ctx: Ctx): void {
  const args = values(q.args ?? [], ctx);
  const temps = args.map((a) => {
    const t = ctx.w.temp();
    ctx.w.emit(`const ${t} = ${a};`);
    return t;
  });
  temps.forEach((t, i) => ctx.w.emit(`${loop.params[i]} = ${t};`));
  ctx.w.emit(`continue ${loop.label};`);
  loop.used = true;
}

/** A JS expression for `q` (statements it needs are written first). */
export function value(q: Quoted, ctx: Ctx): string {
  if (isCall(q) && (isControl(q) || isCall(q, "__block__"))) {
    const r = ctx.w.temp();
    ctx.w.emit(`let ${r};`);
    into(q, ctx, assignSink(ctx, r));
    return r;
  }
  if (isCall(q, "=")) return matchExpr(q, ctx);
  return code(q, ctx, false);
}

/**
 * Several values left to right. When a later one needs statements (a `case` as an argument),
 * the earlier ones are stored first, so effects keep their source order.
 */
export function values(qs: Quoted[], ctx: Ctx): string[] {
  const parts = qs.map((q) => ctx.w.capture(() => value(q, ctx)));
  const out: string[] = [];
  const lastWithStatements = parts.reduce((acc, p, i) => (p.lines.length ? i : acc), -1);
  parts.forEach((p, i) => {
    ctx.w.append(p.lines);
    if (i < lastWithStatements && !isSimple(p.value)) {
      const t = ctx.w.temp();
      ctx.w.emit(`const ${t} = ${p.value};`);
      out.push(t);
    } else out.push(p.value);
  });
  return out;
}

const isSimple = (code: string) => /^(?:[\w$]+|"(?:[^"\\]|\\.)*"|-?\d+n?)$/.test(code);

/** `pattern = expr`: binds, or raises MatchError; its value is the right side. */
export function matchExpr(q: QCall, ctx: Ctx): string {
  const [pat, rhs] = q.args ?? [];
  const v = value(rhs, ctx);
  if (isVar(pat) && pat.form !== "__MODULE__") {
    if (pat.form === "_") return v;
    checkName(pat.form, q.meta?.line ?? 1, q.meta?.column ?? 1);
    const js = ctx.w.fresh(pat.form);
    ctx.w.emit(`const ${js} = ${v};`);
    ctx.scope.set(pat.form, js);
    return js;
  }
  const subject = isSimple(v) ? v : ctx.w.temp();
  if (subject !== v) ctx.w.emit(`const ${subject} = ${v};`);
  const m = newMatch();
  compilePattern(pat, subject, m, ctx);
  if (m.temps.length) ctx.w.emit(`let ${m.temps.join(", ")};`);
  if (m.tests.length) ctx.w.emit(`if (!(${m.tests.join(" && ")})) throw E.matchError(${subject});`);
  bind(m, ctx);
  return subject;
}

/** Declares a match's bindings in the current scope. */
export function bind(m: Match, ctx: Ctx): void {
  for (const [name, expr] of m.binds) {
    const js = ctx.w.fresh(name);
    ctx.w.emit(`const ${js} = ${expr};`);
    ctx.scope.set(name, js);
  }
}

// ── expressions ─────────────────────────────────────────────────────────────────────────

function code(q: Quoted, ctx: Ctx, tail: boolean): string {
  const lit = literalCode(q, ctx);
  if (lit !== null) return lit;
  if (Array.isArray(q)) return listCode(q, ctx);
  if (isPair(q)) return `[${values([q.left, q.right], ctx).join(", ")}]`;
  if (!isCall(q)) throw errorAt(q, "unexpected expression");
  if (isVar(q)) return variable(q, ctx, tail);
  if (typeof q.form !== "string") return dotCall(q, ctx, tail);
  return formCall(q, q.form, ctx, tail);
}

function variable(q: QCall & { form: string }, ctx: Ctx, tail: boolean): string {
  const name = q.form;
  if (name === "__MODULE__") return "__MODULE__";
  if (name === "__ENV__" || name === "__CALLER__" || name === "__DIR__") throw unsupported(q, name);
  const js = ctx.scope.lookup(name);
  if (js) return js;
  if (ctx.mw.hasLocal(name, 0)) return localCall(name, [], ctx, tail);
  if (name.startsWith("_")) throw errorAt(q, `the underscored variable "${name}" is only for patterns: it cannot be read`);
  throw errorAt(q, `undefined variable "${name}"`);
}

function listCode(items: Quoted[], ctx: Ctx): string {
  let tail = "E.EMPTY";
  let elems = items;
  const last = items[items.length - 1];
  if (isCall(last, "|")) {
    const [h, t] = last.args ?? [];
    elems = [...items.slice(0, -1), h];
    const vs = values([...elems, t], ctx);
    tail = vs.pop()!;
    return `E.list([${vs.join(", ")}], ${tail})`;
  }
  return `E.list([${values(elems, ctx).join(", ")}])`;
}

function pairsCode(items: Quoted[], ctx: Ctx, what: string): string {
  const flat: Quoted[] = [];
  for (const item of items) {
    if (!isPair(item)) throw errorAt(item, `${what} holds \`key => value\` or \`key: value\` pairs`);
    flat.push(item.left, item.right);
  }
  const vs = values(flat, ctx);
  const entries: string[] = [];
  for (let i = 0; i < vs.length; i += 2) entries.push(`[${vs[i]}, ${vs[i + 1]}]`);
  return `[${entries.join(", ")}]`;
}

function formCall(q: QCall, form: string, ctx: Ctx, tail: boolean): string {
  const args = q.args ?? [];
  const arity = args.length;
  if (arity === 2 && BINARY_OPS[form]) {
    const [a, b] = values(args, ctx);
    return `${BINARY_OPS[form]}(${a}, ${b})`;
  }
  switch (form) {
    case "{}": return `[${values(args, ctx).join(", ")}]`;
    case "%{}": {
      if (arity === 1 && isCall(args[0], "|")) {
        const [base, updates] = args[0].args ?? [];
        const b = value(base, ctx);
        // (In the shell, erl_eval updates through :maps.update, whose KeyError names the map.)
        const shell = ctx.lex.module === SHELL_MODULE ? ", true" : "";
        return `E.mapUpdate(${b}, ${pairsCode(updates as Quoted[], ctx, "a map update")}${shell})`;
      }
      return `E.map(${pairsCode(args, ctx, "a map")})`;
    }
    case "%": return structCode(q, ctx);
    case "<<>>": return binaryCode(q, ctx);
    case "__aliases__": return JSON.stringify(aliasName(q, ctx.lex));
    case "&&":
    case "||":
    case "and":
    case "or": return shortCircuit(q, form, ctx);
    case "!": return `(E.truthy(${value(args[0], ctx)}) ? false : true)`;
    case "not": return `E.not(${value(args[0], ctx)})`;
    case "-": if (arity === 1) return `E.neg(${value(args[0], ctx)})`; break;
    case "+": if (arity === 1) return `E.pos(${value(args[0], ctx)})`; break;
    case "..": {
      const [a, b] = values(args, ctx);
      return `E.range(${a}, ${b})`;
    }
    case "..//": {
      const [a, b, s] = values(args, ctx);
      return `E.range(${a}, ${b}, ${s})`;
    }
    case "in": return inCode(q, ctx);
    case "|>": return code(pipe(q), ctx, tail);
    case "@": return attributeCode(q, ctx, tail);
    case "&": return compileCapture(q, ctx);
    case "fn": return compileFn(q, ctx);
    case "^": throw errorAt(q, "^ is for patterns: it pins a variable being matched");
    case "raise": return raiseCode(q, ctx);
    case "reraise": {
      // `reraise e, st` / `reraise Mod, attrs, st`: raise again (the stacktrace argument is evaluated, not kept).
      const vs = values(args, ctx);
      const raised = vs.length === 3 ? `E.raise(${vs[0]}, ${vs[1]})` : `E.raise(${vs[0]})`;
      return `E.throw(E.toError(${awaited(raised)}))`;
    }
    case "match?": return matchTest(q, ctx);
    case "put_in":
    case "update_in":
      if (arity === 2) return code(accessPath(q, form), ctx, tail);
      break;
    case "sigil_w":
    case "sigil_s":
    case "sigil_c":
      return sigilRuntime(q, ctx);
    case "super": throw unsupported(q, "`super`");
    case "quote": case "unquote": case "unquote_splicing": throw unsupported(q, `\`${form}\``);
    case "defmodule": throw errorAt(q, "defmodule inside a function is not supported here: define modules at the top level or directly inside another module");
    case "def": case "defp": case "defmacro": case "defmacrop":
      throw errorAt(q, `\`${form}\` belongs directly in a module body, not inside a function`);
    case "::": throw errorAt(q, ":: is only valid in binaries and typespecs");
    case "|": throw errorAt(q, "| is only valid inside lists and map updates");
    case "when": throw errorAt(q, "`when` is only valid in function heads and clauses");
    case "->": throw errorAt(q, "a clause `->` is only valid inside case, cond, receive, fn and the like");
  }
  return namedCall(q, form, args, ctx, tail);
}

/** A call by bare name: a local function, an import, or Kernel. */
function namedCall(q: QCall, name: string, args: Quoted[], ctx: Ctx, tail: boolean): string {
  const arity = args.length;
  const key = `${name}/${arity}`;
  if (ctx.mw.hasLocal(name, arity)) return localCall(name, args, ctx, tail);
  for (const imp of [...ctx.lex.imports].reverse()) {
    if (imp.except.has(key)) continue;
    const known = imp.only ? imp.only.has(key) : ctx.mw.siblings.get(imp.module)?.has(key);
    if (known) return remoteCall(imp.module, name, args, ctx, tail);
  }
  if (key === "to_string/1") return `E.bin(E.str(${value(args[0], ctx)}))`;
  if (key === "inspect/1") return `E.bin(E.inspect(${value(args[0], ctx)}))`;
  if (key === "is_nil/1") return `(${value(args[0], ctx)} === null)`;
  if (key === "then/2") {
    const [v, f] = values(args, ctx);
    return tail ? `E.callFun(${f}, [${v}])` : awaited(`E.callFun(${f}, [${v}])`);
  }
  if (INLINE_KERNEL.has(key)) return `E.${name}(${values(args, ctx).join(", ")})`;
  if (SYNC_KERNEL.has(key)) return `${kernelFn(ctx, key)}(${values(args, ctx).join(", ")})`;
  if (ASYNC_KERNEL.has(key)) return callCode(`${kernel(ctx)}[${JSON.stringify(key)}]`, values(args, ctx), tail);
  for (const imp of ctx.lex.imports) {
    if (imp.only === null && !imp.except.has(key) && !ctx.mw.siblings.has(imp.module)) {
      // `import Mod` of a library module: found at run time.
      return remoteCall(imp.module, name, args, ctx, tail);
    }
  }
  throw errorAt(q, `undefined function ${key} (there is no such function in this module, and Kernel does not define it here)`);
}

function kernel(ctx: Ctx): string {
  return ctx.mw.namespace("Elixir.Kernel");
}

/** A synchronous Kernel function, looked up once per module (Kernel is the stdlib's, never reloaded). */
function kernelFn(ctx: Ctx, key: string): string {
  return ctx.mw.constant(`${kernel(ctx)}[${JSON.stringify(key)}]`);
}

function callCode(fn: string, args: string[], tail: boolean): string {
  const c = `${fn}(${args.join(", ")})`;
  return tail ? c : awaited(c);
}

export function localCall(name: string, args: Quoted[], ctx: Ctx, tail: boolean): string {
  return callCode(ctx.mw.fnName(name, args.length), values(args, ctx), tail);
}

const UNSUPPORTED_MODULES: Record<string, string> = {
  ets: "ETS (`:ets`)", dets: "DETS (`:dets`)", mnesia: "Mnesia", "Elixir.Code.eval_string": "Code.eval_string",
  "Elixir.Macro": "`Macro`", "Elixir.Stream": "`Stream` (lazy enumerables; `Enum` does the same eagerly)",
  "Elixir.Registry": "`Registry` (register processes by name with `name:` or Process.register/2)", "Elixir.Port": "ports", port: "ports", "Elixir.Node": "distribution (`Node`)", net_kernel: "distribution",
};

export function remoteCall(module: string, name: string, args: Quoted[], ctx: Ctx, tail: boolean, at?: Quoted): string {
  if (UNSUPPORTED_MODULES[module]) throw unsupported(at ?? args, UNSUPPORTED_MODULES[module], ctx.w.line ? { line: ctx.w.line, column: 1 } : null);
  if (name === "load_nif") throw unsupported(at ?? args, "loading a NIF (`:erlang.load_nif`)", ctx.w.line ? { line: ctx.w.line, column: 1 } : null);
  const ns = ctx.mw.namespace(module);
  const key = JSON.stringify(`${name}/${args.length}`);
  const fn = `(${ns}[${key}] ?? E.undef(${JSON.stringify(module)}, ${JSON.stringify(name)}, ${args.length}))`;
  return callCode(fn, values(args, ctx), tail);
}

/** `{{:., _, [left, :name]}, meta, args}` or `{{:., _, [fun]}, _, args}`. */
function dotCall(q: QCall, ctx: Ctx, tail: boolean): string {
  const target = q.form as Quoted;
  const args = q.args ?? [];
  if (!isCall(target, ".")) throw errorAt(q, "this call form is not supported here");
  const [left, right] = target.args ?? [];
  if (right === undefined) {
    // fun.(args)
    const [f, ...vs] = values([left, ...args], ctx);
    return callCode("E.callFun", [f, `[${vs.join(", ")}]`], tail);
  }
  if (!isAtom(right)) throw errorAt(q, "this call form is not supported here");
  const name = right.name;
  if (isAtom(left, "Elixir.Access") && name === "get" && args.length === 2) return `E.accessGet(${values(args, ctx).join(", ")})`;
  if (isCall(left, "__aliases__")) return remoteCall(aliasName(left, ctx.lex), name, args, ctx, tail, q);
  if (isAtom(left)) return remoteCall(left.name, name, args, ctx, tail, q);
  if (isVar(left) && left.form === "__MODULE__") return remoteCall(ctx.lex.module, name, args, ctx, tail, q);
  if (args.length === 0 && q.meta?.noParens) {
    // map.field (a KeyError when absent)
    return `E.dot(${value(left, ctx)}, ${JSON.stringify(name)})`;
  }
  const [mod, ...vs] = values([left, ...args], ctx);
  const fn = `(require(${mod})[${JSON.stringify(`${name}/${args.length}`)}] ?? E.undef(${mod}, ${JSON.stringify(name)}, ${args.length}))`;
  return callCode(fn, vs, tail);
}

function shortCircuit(q: QCall, op: string, ctx: Ctx): string {
  const [a, b] = q.args ?? [];
  const left = value(a, ctx);
  const r = ctx.w.temp();
  ctx.w.emit(`let ${r} = ${left};`);
  const strict = op === "and" || op === "or";
  const takeRight = op === "&&" ? `E.truthy(${r})` : op === "||" ? `!E.truthy(${r})` : op === "and" ? `E.bool("and", ${r})` : `!E.bool("or", ${r})`;
  ctx.w.open(`if (${takeRight}) {`);
  const right = value(b, ctx);
  ctx.w.emit(`${r} = ${right};`);
  ctx.w.close();
  void strict;
  return r;
}

function inCode(q: QCall, ctx: Ctx): string {
  const [x, coll] = q.args ?? [];
  const v = value(x, ctx);
  const t = isSimple(v) ? v : ctx.w.temp();
  if (t !== v) ctx.w.emit(`const ${t} = ${v};`);
  if (Array.isArray(coll) && !coll.some((c) => isCall(c, "|"))) {
    if (coll.length === 0) return "false";
    return `(${values(coll, ctx).map((c) => `E.seq(${t}, ${c})`).join(" || ")})`;
  }
  if (isCall(coll, "..") ) {
    const [lo, hi] = values(coll.args ?? [], ctx);
    return `(E.is_integer(${t}) && E.ge(${t}, ${lo}) && E.le(${t}, ${hi}))`;
  }
  const c = value(coll, ctx);
  return awaited(`(${ctx.mw.namespace("Elixir.Enum")}["member?/2"] ?? E.undef("Elixir.Enum", "member?", 2))(${c}, ${t})`);
}

/** `a |> f(b)` → `f(a, b)`. */
export function pipe(q: QCall): Quoted {
  const [left, right] = q.args ?? [];
  if (!isCall(right) || right.args === null) {
    if (isVar(right)) return call(right.form, right.meta, [left]);
    throw errorAt(q, "the right side of |> must be a call, like `x |> f()`");
  }
  if (right.form === "&" || right.form === "fn") throw errorAt(q, "piping into an anonymous function needs `.()`: `x |> then(fn ...)` or `x |> f.()`");
  return call(right.form, right.meta, [left, ...right.args]);
}

function attributeCode(q: QCall, ctx: Ctx, tail: boolean): string {
  const inner = (q.args ?? [])[0];
  if (!isCall(inner) || typeof inner.form !== "string") throw errorAt(q, "a module attribute is read as @name");
  if (inner.args !== null && inner.args.length > 0) throw errorAt(q, `@${inner.form} is set at module level, not inside a function`);
  const v = ctx.lex.attrs.get(inner.form);
  if (v === undefined) throw errorAt(q, `module attribute @${inner.form} was not set (set it above this function with \`@${inner.form} value\`)`);
  return code(v, ctx, tail);
}

function structCode(q: QCall, ctx: Ctx): string {
  const [nameQ, mapQ] = q.args ?? [];
  const module = isCall(nameQ, "__aliases__") ? JSON.stringify(aliasName(nameQ, ctx.lex)) : isVar(nameQ) && nameQ.form === "__MODULE__" ? "__MODULE__" : null;
  if (!module) throw errorAt(q, "a struct is written %Name{...} with a module name");
  if (!isCall(mapQ, "%{}")) throw errorAt(q, "a struct is written %Name{...}");
  const items = mapQ.args ?? [];
  if (items.length === 1 && isCall(items[0], "|")) {
    const [base, updates] = items[0].args ?? [];
    const b = value(base, ctx);
    return `E.structUpdate(${module}, ${b}, ${pairsCode(updates as Quoted[], ctx, "a struct update")})`;
  }
  return `E.struct(${module}, ${pairsCode(items, ctx, "a struct")})`;
}

/** `"a #{x} b"` and `<<a::binary, "x">>`: binaries built from parts. */
function binaryCode(q: QCall, ctx: Ctx): string {
  const parts: Quoted[] = [];
  const kinds: Array<"text" | "str" | "bin"> = [];
  for (const seg of q.args ?? []) {
    if (typeof seg === "string") {
      parts.push(seg);
      kinds.push("text");
    } else if (isCall(seg, "::")) {
      const [v, type] = seg.args ?? [];
      if (isCall(v) && isCall(v.form, ".") && isAtom((v.form.args ?? [])[1], "to_string")) {
        parts.push((v.args ?? [])[0]);
        kinds.push("str");
      } else if (isVar(type) && (type.form === "binary" || type.form === "bitstring" || type.form === "bytes")) {
        parts.push(v);
        kinds.push("bin");
      } else throw unsupported(seg, "this binary segment (strings, interpolation and `x::binary` are)");
    } else throw unsupported(seg, "this binary segment (strings, interpolation and `x::binary` are)");
  }
  const vs = values(parts.map((p, i) => (kinds[i] === "text" ? null : p)), ctx);
  const pieces = vs.map((v, i) => (kinds[i] === "text" ? JSON.stringify(parts[i]) : kinds[i] === "str" ? `E.str(${v})` : `E.binConcat(${v}, E.bin("")).s`));
  return `E.bin(${pieces.length ? pieces.join(" + ") : '""'})`;
}

function raiseCode(q: QCall, ctx: Ctx): string {
  const args = q.args ?? [];
  const vs = values(args, ctx);
  if (args.length === 1 && typeof args[0] === "string") return `E.throw(E.raise(${vs[0]}))`;
  return `E.throw(E.toError(${awaited(`E.raise(${vs.join(", ")})`)}))`;
}

function matchTest(q: QCall, ctx: Ctx): string {
  let [pat, rhs] = q.args ?? [];
  let guard: Quoted | null = null;
  if (isCall(pat, "when")) [pat, guard] = pat.args ?? [];
  const v = value(rhs, ctx);
  const subject = ctx.w.temp();
  ctx.w.emit(`const ${subject} = ${v};`);
  const m = newMatch();
  compilePattern(pat, subject, m, ctx);
  if (m.temps.length) ctx.w.emit(`let ${m.temps.join(", ")};`);
  const tests = m.tests.length ? m.tests.join(" && ") : "true";
  if (!guard) return `(${tests})`;
  const r = ctx.w.temp();
  ctx.w.emit(`let ${r} = false;`);
  ctx.w.open(`if (${tests}) {`);
  ctx.inScope(() => {
    bind(m, ctx);
    ctx.w.emit(`${r} = ${guardCode(guard!, ctx)};`);
  });
  ctx.w.close();
  return r;
}

/** `put_in(data.a.b, v)` → `put_in(data, [:a, :b], v)`. */
function accessPath(q: QCall, form: string): Quoted {
  const [path, v] = q.args ?? [];
  const keys: Quoted[] = [];
  let cur = path;
  for (;;) {
    if (isCall(cur) && isCall(cur.form, ".") && (cur.args ?? []).length === 0 && isAtom((cur.form.args ?? [])[1])) {
      keys.unshift((cur.form.args ?? [])[1]);
      cur = (cur.form.args ?? [])[0];
    } else if (isCall(cur) && isCall(cur.form, ".") && isAtom((cur.form.args ?? [])[1], "get") && isAtom((cur.form.args ?? [])[0], "Elixir.Access")) {
      const [base, key] = cur.args ?? [];
      keys.unshift(key);
      cur = base;
    } else break;
  }
  if (!keys.length) throw errorAt(q, `${form}/2 takes a path like data.a.b or data[:a][:b]`);
  return call(form, q.meta, [cur, keys, v]);
}

function sigilRuntime(q: QCall, ctx: Ctx): string {
  const [content] = q.args ?? [];
  const form = q.form as string;
  if (!isCall(content, "<<>>")) throw errorAt(q, "unexpected sigil");
  const s = binaryCode(content, ctx);
  if (form === "sigil_s") return s;
  if (form === "sigil_c") return `E.list([...${s}.s].map((c) => c.codePointAt(0)))`;
  return `E.list(${s}.s.split(/\\s+/).filter(Boolean).map((w) => E.bin(w)))`;
}

// ── guards ──────────────────────────────────────────────────────────────────────────────

/** A guard: true only when it evaluates to `true`; an error inside it means false. */
export function guardCode(q: Quoted, ctx: Ctx): string {
  checkGuard(q);
  const c = ctx.w.capture(() => value(q, ctx));
  const g = ctx.w.temp();
  ctx.w.emit(`let ${g};`);
  ctx.w.open("try {");
  ctx.w.append(c.lines);
  ctx.w.emit(`${g} = ${c.value} === true;`);
  ctx.w.close("} catch ($e) {");
  ctx.w.emit(`  ${g} = false;`);
  ctx.w.emit("}");
  return g;
}

function checkGuard(q: Quoted): void {
  if (Array.isArray(q)) return q.forEach(checkGuard);
  if (isPair(q)) {
    checkGuard(q.left);
    checkGuard(q.right);
    return;
  }
  if (!isCall(q) || isVar(q)) return;
  if (typeof q.form !== "string") {
    const [left, right] = isCall(q.form, ".") ? q.form.args ?? [] : [];
    if (isAtom(right) && (q.args ?? []).length === 0 && !isCall(left, "__aliases__") && !isAtom(left)) return checkGuard(left); // map.field
    if (isAtom(left, "erlang")) return (q.args ?? []).forEach(checkGuard);
    throw errorAt(q, "cannot invoke a remote function inside a guard");
  }
  const form = q.form;
  const arity = (q.args ?? []).length;
  if (["{}", "%{}", "%", "<<>>", "__aliases__", "@", "^", "..", "&&", "||", "!", "|", "is_nil", "when"].includes(form) || GUARD_OPS.has(form) || INLINE_KERNEL.has(`${form}/${arity}`)) {
    (q.args ?? []).forEach(checkGuard);
    return;
  }
  if (["node", "self", "round", "trunc", "floor", "ceil", "binary_part", "bit_size", "map_size"].includes(form)) return;
  throw errorAt(q, `cannot invoke ${form}/${arity} inside a guard (guards allow only Kernel's guard functions and operators)`);
}

export { atom };
