/**
 * Syntax errors from a tree-sitter tree: tree-sitter recovers from errors (ERROR nodes, MISSING
 * tokens) instead of stopping, so the compiler looks for them before converting the tree and
 * reports the first few at Elixir's line and column, worded as Elixir's own messages are.
 */
import type { Node, Tree } from "web-tree-sitter";

export type SyntaxProblem = { line: number; column: number; message: string };

const OPENERS: Record<string, string> = { end: "do", ")": "(", "]": "[", "}": "{", ">>": "<<", '"': '"' };

export function syntaxErrors(tree: Tree, limit = 3): SyntaxProblem[] {
  const missingOnes: SyntaxProblem[] = [];
  const errors: SyntaxProblem[] = [];
  const visit = (n: Node) => {
    if (n.isMissing) {
      missingOnes.push(missing(n));
      return;
    }
    if (n.type === "ERROR") errors.push(unexpected(n));
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(tree.rootNode);
  // A missing terminator explains the errors around it better than they do themselves.
  return [...missingOnes, ...errors].slice(0, limit);
}

const at = (n: Node) => ({ line: n.startPosition.row + 1, column: n.startPosition.column + 1 });

function missing(n: Node): SyntaxProblem {
  const token = n.type;
  const opener = OPENERS[token];
  const start = opener ? openerBefore(n, opener) : null;
  const where = start ? ` (for "${opener}" starting at line ${start.startPosition.row + 1})` : "";
  return { ...at(n), message: `missing terminator: ${token}${where}` };
}

/** The unclosed opener a MISSING token would have closed: the nearest one among its siblings. */
function openerBefore(n: Node, opener: string): Node | null {
  const parent = n.parent;
  if (!parent) return null;
  for (const c of parent.children) if (c && c.type === opener) return c;
  return parent;
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<<": ">>" };

function leaves(n: Node, out: Node[] = []): Node[] {
  if (n.childCount === 0) out.push(n);
  else for (const c of n.children) if (c) leaves(c, out);
  return out;
}

function unexpected(n: Node): SyntaxProblem {
  // An opener left unclosed inside the error is the usual cause: say which, as Elixir does.
  const open: Node[] = [];
  for (const leaf of leaves(n)) {
    if (CLOSERS[leaf.type]) open.push(leaf);
    else if (open.length && CLOSERS[open[open.length - 1].type] === leaf.type) open.pop();
  }
  if (open.length) {
    const o = open[open.length - 1];
    return { ...at(o), message: `missing terminator: ${CLOSERS[o.type]} (for "${o.type}" starting at line ${o.startPosition.row + 1})` };
  }
  // Otherwise the first token in the error is what the parser could not take.
  let first: Node = n;
  while (first.childCount > 0 && first.child(0)) first = first.child(0)!;
  const text = first.text.split("\n")[0].slice(0, 40);
  const message = text ? `syntax error before: ${JSON.stringify(text)}` : "syntax error: unexpected end of input";
  return { ...at(first), message };
}
