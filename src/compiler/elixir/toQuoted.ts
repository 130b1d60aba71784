/**
 * tree-sitter-elixir's syntax tree → Elixir's quoted AST, as `Code.string_to_quoted(src,
 * columns: true)` gives it (line and column metadata only). The grammar mirrors Elixir's own
 * AST closely (its docs/parser.md), so most nodes map one to one; the rest (do-blocks into
 * keyword lists, stab clauses, interpolation, sigils, structs) follow Elixir's parser. The tree
 * must be free of ERROR/MISSING nodes (`syntaxErrors` reports those first).
 */
import type { Node } from "web-tree-sitter";
import { type Meta, type Quoted, atom, call, isCall, pair } from "./quoted";

export class UnsupportedSyntax extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

const metaAt = (n: Node): Meta => ({ line: n.startPosition.row + 1, column: n.startPosition.column + 1 });

/** Named children without comments. (Columns are tree-sitter's: bytes, which equal Elixir's characters on ASCII lines.) */
function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
}

function block(exprs: Quoted[]): Quoted {
  if (exprs.length === 1) return exprs[0];
  return call("__block__", null, exprs);
}

export function toQuoted(root: Node): Quoted {
  return block(named(root).map(convert));
}

function convert(n: Node): Quoted {
  switch (n.type) {
    case "identifier": return call(n.text, metaAt(n), null);
    case "alias": return aliasOf(n);
    case "integer": return integer(n.text);
    case "float": return { kind: "float", value: Number(n.text.replace(/_/g, "")) };
    case "char": return charValue(n.text.slice(1));
    case "boolean": return n.text === "true";
    case "nil": return null;
    case "atom": return atom(n.text.slice(1));
    case "quoted_atom": return atom(plainContent(n, ":" + n.text.slice(1)));
    case "string": return stringOf(n);
    case "charlist": return charlistOf(n);
    case "sigil": return sigilOf(n);
    case "list": return listItems(named(n));
    case "tuple": {
      const items = listItems(named(n));
      return items.length === 2 ? pair(items[0], items[1]) : call("{}", metaAt(n), items);
    }
    case "map": return mapOf(n);
    case "keywords": return keywordsOf(n);
    case "block": {
      const kids = named(n);
      // `receive do: (msg -> x)`: clauses in parentheses are a list of `->`.
      if (kids.length > 0 && kids.every((c) => c.type === "stab_clause")) return kids.map(stabOf);
      const exprs = kids.map(convert);
      return exprs.length === 0 ? call("__block__", null, []) : block(exprs);
    }
    case "unary_operator": return unaryOf(n);
    case "binary_operator": return binaryOf(n);
    case "dot": return dotOf(n, null);
    case "call": return callOf(n);
    case "access_call": {
      const [target, key] = named(n);
      return call(call(".", metaAt(n), [atom("Elixir.Access"), atom("get")]), metaAt(n), [convert(target), convert(key)]);
    }
    case "anonymous_function": return call("fn", metaAt(n), named(n).map(stabOf));
    case "bitstring": return call("<<>>", metaAt(n), listItems(named(n)));
    case "operator_identifier": return call(n.text, metaAt(n), null);
    default: throw unsupported(n, `${n.type.replace(/_/g, " ")} syntax`);
  }
}

function unsupported(n: Node, what: string): UnsupportedSyntax {
  const m = metaAt(n)!;
  return new UnsupportedSyntax(`${what} is not supported here`, m.line, m.column);
}

function aliasOf(n: Node): Quoted {
  return call("__aliases__", metaAt(n), n.text.split(".").map((s) => atom(s.trim())));
}

function integer(text: string): number | bigint {
  const t = text.replace(/_/g, "");
  const v = /^0[xob]/.test(t) ? BigInt(t) : BigInt(t);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", s: " ", e: "\x1b", a: "\x07", b: "\b", f: "\f", v: "\v", d: "\x7f", "0": "\0" };

/** An escape sequence's text (`\n`, `\u{1F600}`, `\x41`) → the characters it stands for. */
function unescape(text: string): string {
  const c = text[1];
  if (c === "u") {
    const hex = text[2] === "{" ? text.slice(3, -1) : text.slice(2);
    return String.fromCodePoint(parseInt(hex, 16));
  }
  if (c === "x") return String.fromCodePoint(parseInt(text.slice(2).replace(/[{}]/g, ""), 16));
  if (c === "\n") return "";
  return ESCAPES[c] ?? c;
}

function charValue(text: string): number {
  if (text.startsWith("\\")) return unescape(text).codePointAt(0) ?? 0;
  return text.codePointAt(0) ?? 0;
}

/** Content of a string-like node without interpolation (for quoted atoms, keys). */
function plainContent(n: Node, where: string): string {
  let s = "";
  for (const c of named(n)) {
    if (c.type === "quoted_content") s += c.text;
    else if (c.type === "escape_sequence") s += unescape(c.text);
    else throw unsupported(c, `interpolation in ${where}`);
  }
  return s;
}

/** The parts of a string: binaries (escapes applied, heredoc indentation removed) and interpolations. */
function parts(n: Node, escapes: boolean): Array<string | Node> {
  const out: Array<string | Node> = [];
  const push = (s: string) => {
    if (typeof out[out.length - 1] === "string") out[out.length - 1] += s;
    else out.push(s);
  };
  for (const c of named(n)) {
    if (c.type === "quoted_content") push(c.text);
    else if (c.type === "escape_sequence") push(escapes ? unescape(c.text) : c.text);
    else if (c.type === "interpolation") out.push(c);
  }
  const start = n.childForFieldName("quoted_start")?.text ?? n.child(0)?.text ?? "";
  if (start.endsWith('"""') || start.endsWith("'''")) return dedentHeredoc(out, n);
  return out;
}

/** A heredoc drops its first newline and the closing delimiter's indentation from every line. */
function dedentHeredoc(out: Array<string | Node>, n: Node): Array<string | Node> {
  const end = n.childForFieldName("quoted_end");
  const indent = end ? end.startPosition.column : 0;
  const re = new RegExp(`(^|\\n)[ \\t]{0,${indent}}`, "g");
  let first = true;
  return out.map((p) => {
    if (typeof p !== "string") return p;
    let s = p;
    if (first) s = s.replace(/^\n/, "\n");
    const dedented = s.replace(re, "$1");
    const result = first ? dedented.replace(/^\n/, "") : dedented;
    first = false;
    return result.replace(/[ \t]*$/, (m) => (m.length <= indent ? "" : m));
  });
}

function interpolated(p: string | Node): Quoted {
  if (typeof p === "string") return p;
  const m = metaAt(p);
  const exprs = named(p).map(convert);
  const inner = exprs.length === 0 ? call("__block__", null, []) : block(exprs);
  return call("::", m, [call(call(".", m, [atom("Elixir.Kernel"), atom("to_string")]), m, [inner]), call("binary", m, null)]);
}

function stringOf(n: Node): Quoted {
  const ps = parts(n, true);
  if (ps.every((p) => typeof p === "string")) return ps.join("");
  return call("<<>>", metaAt(n), ps.map(interpolated));
}

function charlistOf(n: Node): Quoted {
  const ps = parts(n, true);
  if (!ps.every((p) => typeof p === "string")) throw unsupported(n, "interpolation in a charlist");
  return [...ps.join("")].map((ch) => ch.codePointAt(0)!);
}

function sigilOf(n: Node): Quoted {
  const name = n.namedChildren.find((c) => c?.type === "sigil_name")?.text ?? "";
  const mods = n.namedChildren.find((c) => c?.type === "sigil_modifiers")?.text ?? "";
  const lower = name === name.toLowerCase();
  const ps = parts(n, lower);
  const m = metaAt(n);
  return call(`sigil_${name}`, m, [call("<<>>", m, ps.map(interpolated)), [...mods].map((c) => c.codePointAt(0)!)]);
}

/** Items of a list/tuple/arguments: expressions, with a trailing `keywords` as one keyword list. */
function listItems(nodes: Node[]): Quoted[] {
  return nodes.flatMap((c) => (c.type === "keywords" ? keywordsOf(c) : [convert(c)]));
}

function keywordsOf(n: Node): Quoted[] {
  return named(n).map((p) => {
    const key = p.childForFieldName("key")!;
    const value = p.childForFieldName("value")!;
    return pair(atom(keyName(key)), convert(value));
  });
}

function keyName(key: Node): string {
  if (key.type === "keyword") return key.text.replace(/:\s*$/, "");
  return plainContent(key, "a keyword key");
}

function mapOf(n: Node): Quoted {
  const struct = n.namedChildren.find((c) => c?.type === "struct");
  const content = n.namedChildren.find((c) => c?.type === "map_content");
  const items: Quoted[] = [];
  for (const c of content ? named(content) : []) {
    if (c.type === "keywords") items.push(...keywordsOf(c));
    else if (c.type === "binary_operator" && c.childForFieldName("operator")?.text === "=>") {
      items.push(pair(convert(c.childForFieldName("left")!), convert(c.childForFieldName("right")!)));
    } else if (c.type === "binary_operator" && c.childForFieldName("operator")?.text === "|") {
      const right = c.childForFieldName("right")!;
      const updates = right.type === "keywords" ? keywordsOf(right) : mapPairs(right);
      items.push(call("|", metaAt(c.childForFieldName("operator")!), [convert(c.childForFieldName("left")!), updates]));
    } else items.push(convert(c));
  }
  // Elixir's meta for `%{}` is the brace's position.
  const brace = n.children.find((c) => c?.type === "{")!;
  if (!struct) return call("%{}", metaAt(brace), items);
  const name = named(struct)[0] ?? struct;
  return call("%", metaAt(n), [name.type === "alias" ? aliasOf(name) : convert(name), call("%{}", metaAt(brace), items)]);
}

/** `%{m | "k" => v}`: the right side of `|` as key-value pairs. */
function mapPairs(n: Node): Quoted[] {
  if (n.type === "binary_operator" && n.childForFieldName("operator")?.text === "=>") {
    return [pair(convert(n.childForFieldName("left")!), convert(n.childForFieldName("right")!))];
  }
  return [convert(n)];
}

function unaryOf(n: Node): Quoted {
  const op = n.childForFieldName("operator")!;
  const operand = n.childrenForFieldName("operand").find((c) => c?.isNamed && c.type !== "comment")!;
  return call(op.text, metaAt(op), [convert(operand)]);
}

function binaryOf(n: Node): Quoted {
  const op = n.childForFieldName("operator")!;
  const left = convert(n.childForFieldName("left")!);
  const right = convert(n.childForFieldName("right")!);
  const text = op.text.replace(/\s+/g, " ");
  if (text === "not in") return call("not", metaAt(op), [call("in", metaAt(op), [left, right])]);
  // `first..last//step` is one operator, `..//`, at the `..` (as Elixir's parser makes it).
  if (text === "//" && isCall(left, "..") && left.args?.length === 2) {
    return call("..//", left.meta, [...left.args, right]);
  }
  return call(text, metaAt(op), [left, right]);
}

/** `a.b` with no call parentheses, or the target of a call. */
function dotOf(n: Node, args: Quoted[] | null): Quoted {
  const left = n.childForFieldName("left")!;
  const right = n.childForFieldName("right");
  const dotTok = n.childForFieldName("operator") ?? n.children.find((c) => c?.type === ".")!;
  const m = metaAt(dotTok);
  if (!right) return call(call(".", m, [convert(left)]), m, args ?? []);
  if (right.type === "alias" && left.type !== "alias") throw unsupported(right, "a dynamic alias");
  const name = right.type === "identifier" || right.type === "operator_identifier" ? right.text : plainContent(right, "a quoted function name");
  const meta = metaAt(right)!;
  // `map.field` (no parentheses) reads a field; `mod.fun()` calls (Elixir's `no_parens: true`).
  return call(call(".", m, [convert(left), atom(name)]), args === null ? { ...meta, noParens: true } : meta, args ?? []);
}

function callOf(n: Node): Quoted {
  const target = n.childForFieldName("target")!;
  const argsNode = n.namedChildren.find((c) => c?.type === "arguments");
  const args: Quoted[] = argsNode ? argumentsOf(argsNode) : [];
  const doBlock = n.namedChildren.find((c) => c?.type === "do_block");
  if (doBlock) args.push(doBlockOf(doBlock));
  if (target.type === "dot") return dotOf(target, argsNode || doBlock ? args : null);
  if (target.type === "identifier") return call(target.text, metaAt(target), args);
  // A call on a call's result, like `f.(x).(y)`, or `(expr).(x)`.
  return call(call(".", metaAt(target), [convert(target)]), metaAt(target), args);
}

function argumentsOf(n: Node): Quoted[] {
  const out: Quoted[] = [];
  for (const c of named(n)) out.push(c.type === "keywords" ? keywordsOf(c) : convert(c));
  return out;
}

const BLOCK_KEYS: Record<string, string> = { do_block: "do", after_block: "after", else_block: "else", rescue_block: "rescue", catch_block: "catch" };

function doBlockOf(n: Node): Quoted {
  const out: Quoted[] = [];
  let current: Node[] = [];
  let key = "do";
  const flush = () => {
    if (key) out.push(pair(atom(key), blockBody(current)));
    current = [];
  };
  for (const c of named(n)) {
    if (BLOCK_KEYS[c.type] && c.type !== "do_block") {
      flush();
      key = BLOCK_KEYS[c.type];
      current = named(c);
      flush();
      key = "";
    } else current.push(c);
  }
  flush();
  return out;
}

/** The contents of a do/else/after… block: stab clauses become a list of `->`, else a body. */
function blockBody(nodes: Node[]): Quoted {
  if (nodes.length > 0 && nodes.every((c) => c.type === "stab_clause")) return nodes.map(stabOf);
  if (nodes.length === 0) return call("__block__", null, []);
  return block(nodes.map(convert));
}

function stabOf(n: Node): Quoted {
  const left = n.childForFieldName("left");
  const op = n.childForFieldName("operator")!;
  const right = n.childForFieldName("right");
  let args: Quoted[] = [];
  if (left?.type === "arguments") args = argumentsOf(left);
  else if (left?.type === "binary_operator" && left.childForFieldName("operator")?.text === "when") {
    const guardOp = left.childForFieldName("operator")!;
    const l = left.childForFieldName("left")!;
    const headArgs = l.type === "arguments" ? argumentsOf(l) : [convert(l)];
    args = [call("when", metaAt(guardOp), [...headArgs, convert(left.childForFieldName("right")!)])];
  } else if (left) args = [convert(left)];
  const body = right ? named(right).map(convert) : [];
  return call("->", metaAt(op), [args, body.length === 0 ? null : block(body)]);
}
