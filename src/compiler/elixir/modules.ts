/**
 * The module layer of a file's quoted AST: `defmodule`s (nested ones become `Parent.Child`
 * with an alias), and in each the function clauses grouped by name/arity, module attributes
 * in source order (a clause sees the attribute values set above it), `alias`/`import`/`use`,
 * `defstruct`/`defexception` and `@vsn`. Anything else at module level is a compile error
 * naming the construct.
 */
import { USE_DEFAULTS } from "./defaults";
import { errorAt, unsupported } from "./errors";
import { type Meta, type QCall, type Quoted, atom, call, isAtom, isCall, isPair, isVar, keywordPairs, metaOf } from "./quoted";

export type Lexical = {
  module: string;
  /** `Circle` → `Elixir.Shapes.Circle`. */
  aliases: Map<string, string>;
  /** Imported modules with their `only:` lists (null: everything). */
  imports: Array<{ module: string; only: Set<string> | null; except: Set<string> }>;
  /** Attribute values as set so far. */
  attrs: Map<string, Quoted>;
};

export type Clause = {
  kind: "def" | "defp";
  name: string;
  args: Quoted[];
  guard: Quoted | null;
  body: Quoted;
  meta: Meta;
  lex: Lexical;
};

export type FunctionGroup = {
  kind: "def" | "defp";
  name: string;
  arity: number;
  clauses: Clause[];
  /** Lower arities made by default arguments: arity → the values to append (quoted). */
  defaults: Array<{ arity: number; fill: Array<{ index: number; value: Quoted }>; lex: Lexical; meta: Meta }>;
  meta: Meta;
};

export type ModuleDef = {
  name: string;
  meta: Meta;
  groups: Map<string, FunctionGroup>;
  vsn: Quoted | undefined;
  struct: { fields: Array<[string, Quoted]>; exception: boolean; lex: Lexical } | null;
  behaviours: string[];
};

export type ParseDefaults = (source: string) => Quoted;

const IGNORED_ATTRS = new Set(["impl", "doc", "moduledoc", "spec", "type", "typep", "opaque", "callback", "macrocallback", "typedoc", "since", "deprecated", "dialyzer", "compile", "derive", "enforce_keys", "optional_callbacks", "behavior"]);
const UNSUPPORTED_FORMS: Record<string, string> = {
  defmacro: "`defmacro`", defmacrop: "`defmacrop`", defguard: "`defguard`", defguardp: "`defguardp`",
  defprotocol: "`defprotocol`", defimpl: "`defimpl`", quote: "`quote`", unquote: "`unquote`", defoverridable: "`defoverridable`",
  defdelegate: "`defdelegate`",
};

export function aliasName(q: QCall, lex: Lexical | null): string {
  const parts = (q.args ?? []).map((a) => {
    if (isAtom(a)) return a.name;
    if (isVar(a) && a.form === "__MODULE__" && lex) return lex.module.replace(/^Elixir\./, "");
    throw unsupported(q, "a computed alias");
  });
  const first = parts[0];
  const aliased = lex?.aliases.get(first);
  if (aliased) return [aliased, ...parts.slice(1)].join(".");
  return `Elixir.${parts.join(".")}`;
}

export function collectModules(ast: Quoted, parseDefaults: ParseDefaults): ModuleDef[] {
  const out: ModuleDef[] = [];
  const top = isCall(ast, "__block__") ? ast.args ?? [] : [ast];
  for (const item of top) {
    if (isCall(item, "defmodule")) collectModule(item, null, out, parseDefaults);
    else throw errorAt(item, "only `defmodule` may appear at the top level of a .ex file here (code outside a module is not run)");
  }
  return out;
}

function doBody(q: QCall, what: string): Quoted[] {
  const args = q.args ?? [];
  const kw = keywordPairs(args[args.length - 1]);
  const body = kw?.find(([k]) => k === "do");
  if (!body) throw errorAt(q, `${what} needs a do-block`);
  const b = body[1];
  return isCall(b, "__block__") ? b.args ?? [] : [b];
}

function collectModule(q: QCall, outer: Lexical | null, out: ModuleDef[], parseDefaults: ParseDefaults): string {
  const nameQ = (q.args ?? [])[0];
  if (!isCall(nameQ, "__aliases__")) throw errorAt(q, "defmodule needs a module name like `defmodule Counter do`");
  const short = (nameQ.args ?? []).map((a) => (isAtom(a) ? a.name : "?")).join(".");
  const name = outer ? `${outer.module}.${short}` : aliasName(nameQ, null);
  const lex: Lexical = {
    module: name,
    aliases: new Map(outer?.aliases ?? []),
    imports: [...(outer?.imports ?? [])],
    attrs: new Map(),
  };
  const mod: ModuleDef = { name, meta: q.meta, groups: new Map(), vsn: undefined, struct: null, behaviours: [] };
  out.push(mod);
  const items = doBody(q, "defmodule");
  for (const item of items) collectItem(item, mod, lex, out, parseDefaults);
  return name;
}

function snapshot(lex: Lexical): Lexical {
  return { module: lex.module, aliases: new Map(lex.aliases), imports: [...lex.imports], attrs: new Map(lex.attrs) };
}

function collectItem(item: Quoted, mod: ModuleDef, lex: Lexical, out: ModuleDef[], parseDefaults: ParseDefaults): void {
  if (!isCall(item)) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return; // a stray literal does nothing
    throw errorAt(item, "unexpected expression at module level");
  }
  const form = typeof item.form === "string" ? item.form : null;
  if (form && UNSUPPORTED_FORMS[form]) throw unsupported(item, UNSUPPORTED_FORMS[form]);
  switch (form) {
    case "defmodule": {
      const child = collectModule(item, lex, out, parseDefaults);
      const short = child.slice(lex.module.length + 1).split(".")[0];
      lex.aliases.set(short, `${lex.module}.${short}`);
      return;
    }
    case "def":
    case "defp":
      addDef(item, form, mod, snapshot(lex));
      return;
    case "@":
      attribute(item, mod, lex);
      return;
    case "alias":
      addAlias(item, lex);
      return;
    case "import":
      addImport(item, lex);
      return;
    case "require":
      return;
    case "use":
      addUse(item, mod, lex, parseDefaults);
      return;
    case "defstruct":
      mod.struct = { fields: structFields(item), exception: false, lex: snapshot(lex) };
      return;
    case "defexception":
      mod.struct = { fields: structFields(item), exception: true, lex: snapshot(lex) };
      return;
    case "__block__":
      for (const x of item.args ?? []) collectItem(x, mod, lex, out, parseDefaults);
      return;
  }
  throw errorAt(item, `${form ? `\`${form}\`` : "this expression"} at module level is not supported here (a module body holds def, defp, attributes, alias, import, use, defstruct)`);
}

function attribute(item: QCall, mod: ModuleDef, lex: Lexical): void {
  const inner = (item.args ?? [])[0];
  if (!isCall(inner) || typeof inner.form !== "string") throw errorAt(item, "a module attribute is written `@name value`");
  const name = inner.form;
  if (inner.args === null || inner.args.length === 0) throw errorAt(item, `@${name} is read outside a function here; set it with \`@${name} value\``);
  const value = inner.args[0];
  if (name === "vsn") mod.vsn = value;
  if (name === "behaviour") {
    if (isCall(value, "__aliases__")) mod.behaviours.push(aliasName(value, lex));
    return;
  }
  if (name === "on_load" || name === "nifs") throw unsupported(item, `@${name} (NIFs and on_load hooks)`);
  if (IGNORED_ATTRS.has(name)) return;
  lex.attrs = new Map(lex.attrs).set(name, value);
}

function addAlias(item: QCall, lex: Lexical): void {
  const [target, opts] = item.args ?? [];
  const as = keywordPairs(opts ?? [])?.find(([k]) => k === "as")?.[1];
  // alias Foo.{A, B}
  if (isCall(target) && isCall(target.form, ".") && isAtom((target.form.args ?? [])[1], "{}")) {
    const base = (target.form.args ?? [])[0];
    if (!isCall(base, "__aliases__")) throw unsupported(item, "this form of alias");
    const prefix = aliasName(base, lex);
    for (const a of target.args ?? []) {
      if (!isCall(a, "__aliases__")) throw unsupported(item, "this form of alias");
      const parts = (a.args ?? []).map((x) => (isAtom(x) ? x.name : ""));
      lex.aliases.set(parts[parts.length - 1], `${prefix}.${parts.join(".")}`);
    }
    return;
  }
  if (!isCall(target, "__aliases__")) throw errorAt(item, "alias needs a module name, like `alias Shapes.Circle`");
  const full = aliasName(target, lex);
  let short = full.split(".").pop()!;
  if (as !== undefined) {
    if (!isCall(as, "__aliases__") || (as.args ?? []).length !== 1 || !isAtom((as.args ?? [])[0])) throw errorAt(item, "`as:` needs a simple name, like `as: Sq`");
    short = ((as.args ?? [])[0] as { name: string }).name;
  }
  lex.aliases = new Map(lex.aliases).set(short, full);
}

function moduleOf(q: Quoted, lex: Lexical, what: Quoted): string {
  if (isCall(q, "__aliases__")) return aliasName(q, lex);
  if (isAtom(q)) return q.name;
  throw errorAt(what, "expected a module name");
}

function nameArities(q: Quoted | undefined, item: QCall): Set<string> {
  const kw = keywordPairs(q ?? []);
  if (!kw) throw errorAt(item, "`only:`/`except:` take a keyword list like `[map: 2]`");
  return new Set(kw.map(([k, v]) => `${k}/${String(v)}`));
}

function addImport(item: QCall, lex: Lexical): void {
  const [target, opts] = item.args ?? [];
  const module = moduleOf(target, lex, item);
  const kw = keywordPairs(opts ?? []) ?? [];
  const onlyQ = kw.find(([k]) => k === "only")?.[1];
  const exceptQ = kw.find(([k]) => k === "except")?.[1];
  const only = onlyQ === undefined ? null : isAtom(onlyQ) ? null : nameArities(onlyQ, item);
  const except = exceptQ === undefined ? new Set<string>() : nameArities(exceptQ, item);
  lex.imports = [...lex.imports.filter((i) => i.module !== module), { module, only, except }];
}

function addUse(item: QCall, mod: ModuleDef, lex: Lexical, parseDefaults: ParseDefaults): void {
  const [target, opts] = item.args ?? [];
  const module = moduleOf(target, lex, item);
  const source = USE_DEFAULTS[module];
  if (!source) throw unsupported(item, `\`use ${module.replace(/^Elixir\./, "")}\` (use works with GenServer, Supervisor, Agent and Task)`);
  mod.behaviours.push(module);
  const ast = replaceVar(parseDefaults(source), "__USE_OPTS__", opts ?? []);
  const defLex = snapshot(lex);
  defLex.imports = [];
  defLex.aliases = new Map();
  const line = item.meta;
  for (const d of isCall(ast, "__block__") ? ast.args ?? [] : [ast]) {
    if (!isCall(d, "def")) continue;
    const positioned = withMeta(d, line) as QCall;
    addDef(positioned, "def", mod, defLex, true);
  }
}

/** Gives every node of the injected defaults the `use` line (their errors and frames point there). */
function withMeta(q: Quoted, meta: Meta): Quoted {
  if (Array.isArray(q)) return q.map((x) => withMeta(x, meta));
  if (isCall(q)) return call(typeof q.form === "string" ? q.form : withMeta(q.form, meta), q.meta ? meta : null, q.args === null ? null : q.args.map((x) => withMeta(x, meta)));
  if (isPair(q)) return { kind: "pair", left: withMeta(q.left, meta), right: withMeta(q.right, meta) };
  return q;
}

function replaceVar(q: Quoted, name: string, by: Quoted): Quoted {
  if (isVar(q) && q.form === name) return by;
  if (Array.isArray(q)) return q.map((x) => replaceVar(x, name, by));
  if (isCall(q)) return call(typeof q.form === "string" ? q.form : replaceVar(q.form, name, by), q.meta, q.args === null ? null : q.args.map((x) => replaceVar(x, name, by)));
  if (isPair(q)) return { kind: "pair", left: replaceVar(q.left, name, by), right: replaceVar(q.right, name, by) };
  return q;
}

function structFields(item: QCall): Array<[string, Quoted]> {
  const spec = (item.args ?? [])[0];
  if (!Array.isArray(spec)) throw errorAt(item, "defstruct takes a list, like `defstruct [:name, count: 0]`");
  return spec.map((f) => {
    if (isAtom(f)) return [f.name, null] as [string, Quoted];
    if (isPair(f) && isAtom(f.left)) return [f.left.name, f.right] as [string, Quoted];
    throw errorAt(item, "a struct field is an atom (`:name`) or a `name: default` pair");
  });
}

/** Splits `def head when guard, do: body` and files the clause under name/arity. */
function addDef(item: QCall, kind: "def" | "defp", mod: ModuleDef, lex: Lexical, overridable = false): void {
  const [headQ, bodyKw] = item.args ?? [];
  if (headQ === undefined) throw errorAt(item, `${kind} needs a function head`);
  let head = headQ;
  let guard: Quoted | null = null;
  if (isCall(head, "when")) {
    const ws = head.args ?? [];
    guard = ws[1];
    head = ws[0];
  }
  if (!isCall(head) || typeof head.form !== "string") throw errorAt(item, `${kind} needs a function name, like \`${kind} run(x) do\``);
  if (UNSUPPORTED_FORMS[head.form]) throw unsupported(item, UNSUPPORTED_FORMS[head.form]);
  const name = head.form;
  const rawArgs = head.args ?? [];
  const arity = rawArgs.length;
  const key = `${name}/${arity}`;
  if (overridable && mod.groups.has(key)) return;
  let group = mod.groups.get(key);
  if (group && group.kind !== kind) throw errorAt(item, `${name}/${arity} is defined both with def and defp`);
  if (!group) {
    group = { kind, name, arity, clauses: [], defaults: [], meta: item.meta };
    mod.groups.set(key, group);
  }
  if (overridable) {
    // A user definition after `use` replaces the default (defoverridable).
    (group as FunctionGroup & { overridable?: boolean }).overridable = true;
  } else if ((group as FunctionGroup & { overridable?: boolean }).overridable) {
    group.clauses = [];
    (group as FunctionGroup & { overridable?: boolean }).overridable = false;
  }
  // Default arguments `x \\ 1`.
  const args: Quoted[] = [];
  const fill: Array<{ index: number; value: Quoted }> = [];
  rawArgs.forEach((a, index) => {
    if (isCall(a, "\\\\")) {
      args.push((a.args ?? [])[0]);
      fill.push({ index, value: (a.args ?? [])[1] });
    } else args.push(a);
  });
  if (fill.length) {
    for (let k = 1; k <= fill.length; k++) {
      const lower = arity - k;
      const used = fill.slice(fill.length - k);
      if (!group.defaults.some((d) => d.arity === lower)) group.defaults.push({ arity: lower, fill: used, lex, meta: item.meta });
    }
  }
  const kw = keywordPairs(bodyKw ?? []);
  if (bodyKw === undefined) return; // a bodyless head declares defaults only
  if (!kw) throw errorAt(item, `${kind} ${name} needs \`do ... end\` or \`, do:\``);
  const extra = kw.filter(([k]) => k !== "do");
  let body: Quoted = kw.find(([k]) => k === "do")?.[1] ?? null;
  if (extra.length) {
    // def f do ... rescue ... end: an implicit try.
    body = call("try", item.meta, [kw.map(([k, v]) => ({ kind: "pair" as const, left: atom(k), right: v }))]);
  }
  group.clauses.push({ kind, name, args, guard, body, meta: metaOf(head) ?? item.meta, lex });
}
