/**
 * A pass over esbuild's output, with a real parser (acorn), that makes user code safe to run
 * in the runtime. It never inserts a newline, so esbuild's source map stays right by line;
 * insertions are recorded so stack columns can be shifted back.
 *
 * - esbuild's own `__async` and `__toESM` helpers are blanked out: the loader supplies the
 *   runtime's versions (an `__async` that makes activations; an identity `__toESM`, since
 *   esbuild's copies the keys and would freeze a namespace at its first version).
 * - `__budget()` at every loop iteration and function entry: the runaway guard.
 * - `__rethrow(e)` first in every `catch`, and `finally` bodies skipped while a kill unwinds,
 *   so user code cannot swallow a kill. A catch that destructures its error (`catch ({ x })`)
 *   or names none binds it as `__caught`, re-throws, and only then destructures.
 * - The guard's names cannot be touched: the loader binds them as constants, and user code
 *   that names one (to shadow it) is refused here, as is `import()` (it would load code from
 *   anywhere). Text in literals that the sandbox's own source checks would mistake for an
 *   HTML comment or an `import(` (see sandbox.ts) is written with an escape: same value.
 * - Generator bodies of top-level-scoped async functions are hoisted beside their function
 *   (creating a `function*` closure per call costs V8 about a microsecond).
 */
import { Parser, type Node } from "acorn";

type AnyNode = Node & Record<string, any>;
type Edit = { at: number; end: number; text: string };

export type PostpassResult = {
  code: string;
  /** Per generated line (0-based): [column in the output, inserted length], in column order. */
  shifts: Map<number, Array<[number, number]>>;
};

const HELPERS_TO_STRIP = new Set(["__async", "__toESM"]);

/** Names the instrumentation and the loader use: user code may not bind or use them. */
export const RESERVED_NAMES = new Set(["__budget", "__rethrow", "__killing", "__caught", "__otp", "__scope"]);

/** User code the sandbox refuses, at a position in the compiled code (compile.ts maps it back). */
export class RefusedCode extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
    this.name = "RefusedCode";
  }
}

/** What SES's source checks look for (an HTML comment token, an `import` expression). */
const SES_SUSPECT = /<!--|-->|\bimport(?=\s*(?:\(|\/[/*]))/g;

export function postpass(code: string): PostpassResult {
  const ast = Parser.parse(code, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, locations: true }) as AnyNode;
  const edits: Edit[] = [];
  const insert = (at: number, text: string) => edits.push({ at, end: at, text });

  for (const stmt of ast.body as AnyNode[]) {
    if (stmt.type === "VariableDeclaration" && stmt.declarations.length === 1 && HELPERS_TO_STRIP.has(stmt.declarations[0].id?.name)) {
      edits.push({ at: stmt.start, end: stmt.end, text: code.slice(stmt.start, stmt.end).replace(/[^\n]/g, " ") });
    }
  }

  const wrappers = hoistGenerators(ast, code, edits);
  walk(ast, (node) => {
    switch (node.type) {
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (wrappers.has(node) || isStrippedHelper(node, edits)) break;
        if (node.body.type === "BlockStatement") insert(node.body.start + 1, "__budget();");
        else {
          // An expression-bodied arrow can recurse forever too: `(x) => (__budget(), EXPR)`.
          insert(node.body.start, "(__budget(), ");
          insert(node.body.end, ")");
        }
        break;
      case "WhileStatement":
      case "DoWhileStatement":
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
        if (node.body.type === "BlockStatement") insert(node.body.start + 1, "__budget();");
        else {
          insert(node.body.start, "{__budget();");
          insert(node.body.end, "}");
        }
        break;
      case "CatchClause":
        if (!node.param) {
          insert(node.body.start, "(__caught) ");
          insert(node.body.start + 1, "__rethrow(__caught);");
        } else if (node.param.type === "Identifier") insert(node.body.start + 1, `__rethrow(${node.param.name});`);
        else {
          // `catch ({ x = f() })`: the pattern (and its defaults) run only after the re-throw.
          const pattern = code.slice(node.param.start, node.param.end);
          edits.push({ at: node.param.start, end: node.param.end, text: "__caught" + keepNewlinesOf(pattern) });
          // (The pattern's own defaults may hold functions: instrument them as well.)
          const binding = postpass(`let ${pattern.replace(/\n/g, " ")} = 0;`).code.replace(/0;$/, "__caught;");
          insert(node.body.start + 1, `__rethrow(__caught); ${binding}`);
        }
        break;
      case "Identifier":
        if (RESERVED_NAMES.has(node.name)) refuse(node, `"${node.name}" is a name the playground keeps for its runaway guard: call it something else`);
        break;
      case "ImportExpression":
        refuse(node, "import() is not available in the playground: a snippet's code is its own files (import them at the top)");
        break;
      case "Literal":
        if (typeof node.value === "string" || node.regex) escapeSuspects(node, code, edits);
        break;
      case "TemplateElement":
        escapeSuspects(node, code, edits);
        break;
      case "TryStatement":
        if (node.finalizer) {
          insert(node.finalizer.start + 1, "if (!__killing()) {");
          insert(node.finalizer.end - 1, "}");
        }
        break;
    }
  });
  return apply(code, edits);
}

function refuse(node: AnyNode, message: string): never {
  throw new RefusedCode(message, (node.loc?.start.line ?? 1) - 1, node.loc?.start.column ?? 0);
}

const keepNewlinesOf = (text: string) => text.replace(/[^\n]/g, "");

/**
 * `"a --> b"` becomes `"a -\x2d> b"` (same string): SES rejects source text that merely looks
 * like an HTML comment or an import expression, even inside a literal.
 */
function escapeSuspects(node: AnyNode, code: string, edits: Edit[]): void {
  const raw = code.slice(node.start, node.end);
  if (!SES_SUSPECT.test(raw)) return;
  SES_SUSPECT.lastIndex = 0;
  const text = raw.replace(SES_SUSPECT, (m) => (m === "<!--" ? "<\\x21--" : m === "-->" ? "-\\x2d>" : "\\x69mport"));
  edits.push({ at: node.start, end: node.end, text });
}

function isStrippedHelper(fn: AnyNode, edits: Edit[]): boolean {
  return edits.some((e) => e.end > e.at && fn.start >= e.at && fn.end <= e.end);
}

/**
 * `function f(a) { return __async(this, null, function* () { BODY }); }` becomes
 * `function f(a) { return __async(this, arguments, f__async0); } function* f__async0(a) { BODY }`,
 * and `const g = (a) => __async(...)` likewise with `[a]` as the arguments, keeping BODY in
 * place (same lines). Only where the declaration sits directly in a statement list, so the
 * hoisted generator sees exactly the scope the original closure saw. Returns the wrappers.
 */
function hoistGenerators(ast: AnyNode, code: string, edits: Edit[]): Set<AnyNode> {
  const wrappers = new Set<AnyNode>();
  let counter = 0;
  const lists: AnyNode[][] = [];
  walk(ast, (node) => {
    if (node.type === "Program" || node.type === "BlockStatement") lists.push(node.body);
  });
  const keepNewlines = (s: string) => s.replace(/[^\n]/g, "");
  for (const list of lists) {
    for (const stmt of list) {
      const fn = hoistable(stmt);
      if (!fn) continue;
      const call = asyncCall(fn);
      if (!call) continue;
      const [thisArg, argsArg, gen] = call.arguments as AnyNode[];
      const isArrow = fn.type === "ArrowFunctionExpression";
      const text = (n: AnyNode) => code.slice(n.start, n.end);
      const list_ = (ns: AnyNode[]) => (ns.length ? code.slice(ns[0].start, ns[ns.length - 1].end) : "");
      let genParams: string;
      let args: string;
      if (argsArg.type === "Literal" && argsArg.value === null && gen.params.length === 0) {
        if (!fn.params.every((p: AnyNode) => p.type === "Identifier")) continue;
        genParams = list_(fn.params);
        args = isArrow ? `[${genParams}]` : "arguments";
      } else if (argsArg.type === "Identifier" && argsArg.name === "arguments" && !isArrow) {
        genParams = list_(gen.params);
        args = "arguments";
      } else continue;
      // Named after the function, so a runtime message can say which one it is.
      const base = fn.type === "FunctionDeclaration" ? fn.id.name : stmt.declarations[0].id.name;
      const name = `${base}__async${counter++}`;
      const fnParams = list_(fn.params);
      const callText = `__async(${text(thisArg)}, ${args}, ${name})`;
      let wrapper: string;
      if (fn.type === "FunctionDeclaration") wrapper = `function ${fn.id.name}(${fnParams}) { return ${callText}; }`;
      else {
        const decl = stmt.declarations[0];
        const lhs = `${stmt.kind} ${text(decl.id)} = `;
        wrapper = isArrow ? `${lhs}(${fnParams}) => ${callText};` : `${lhs}function ${fn.id ? fn.id.name : ""}(${fnParams}) { return ${callText}; };`;
      }
      const head = { at: stmt.start, end: gen.body.start + 1 };
      const tail = { at: gen.body.end - 1, end: stmt.end };
      edits.push({ at: head.at, end: head.end, text: `${wrapper} function* ${name}(${genParams}) {` + keepNewlines(code.slice(head.at, head.end)) });
      edits.push({ at: tail.at, end: tail.end, text: "}" + keepNewlines(code.slice(tail.at, tail.end)) });
      wrappers.add(fn);
    }
  }
  return wrappers;
}

function hoistable(stmt: AnyNode): AnyNode | null {
  if (stmt.type === "FunctionDeclaration" && !stmt.generator && !stmt.async) return stmt;
  if (stmt.type === "VariableDeclaration" && stmt.declarations.length === 1 && stmt.declarations[0].id.type === "Identifier") {
    const init = stmt.declarations[0].init;
    if (init && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression") && !init.async && !init.generator) return init;
  }
  return null;
}

/** The `__async(this, x, function* (...) {...})` call a lowered async function consists of. */
function asyncCall(fn: AnyNode): AnyNode | null {
  let expr: AnyNode | null = null;
  if (fn.body.type === "BlockStatement") {
    const only = fn.body.body.length === 1 ? fn.body.body[0] : null;
    if (only?.type === "ReturnStatement") expr = only.argument;
  } else expr = fn.body;
  if (!expr || expr.type !== "CallExpression" || expr.callee.type !== "Identifier" || expr.callee.name !== "__async") return null;
  const gen = expr.arguments[2];
  if (expr.arguments.length !== 3 || gen?.type !== "FunctionExpression" || !gen.generator) return null;
  return expr;
}

function walk(node: AnyNode, visit: (node: AnyNode, parent: AnyNode | null) => void, parent: AnyNode | null = null): void {
  visit(node, parent);
  for (const key in node) {
    if (key === "type" || key === "start" || key === "end") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === "string") walk(child, visit, node);
    } else if (value && typeof value === "object" && typeof value.type === "string") walk(value, visit, node);
  }
}

/** Applies edits (insertions and same-line-count replacements) and records column shifts. */
function apply(code: string, edits: Edit[]): PostpassResult {
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  let out = "";
  let pos = 0;
  const shifts = new Map<number, Array<[number, number]>>();
  let line = 0;
  let lineStartOut = 0;
  const advance = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStartOut = out.length + i + 1;
      }
    }
    out += text;
  };
  for (const e of edits) {
    if (e.at < pos) continue; // overlapping edit: the first one wins
    advance(code.slice(pos, e.at));
    const replaced = code.slice(e.at, e.end);
    const delta = e.text.length - replaced.length;
    if (delta !== 0 && !e.text.includes("\n")) {
      const col = out.length - lineStartOut;
      if (!shifts.has(line)) shifts.set(line, []);
      shifts.get(line)!.push([col, delta]);
    }
    advance(e.text);
    pos = e.end;
  }
  advance(code.slice(pos));
  return { code: out, shifts };
}
