/**
 * Syntax errors from a tree-sitter tree: tree-sitter recovers from errors (ERROR nodes, MISSING
 * tokens) instead of stopping, so the compiler looks for them before converting the tree and
 * reports the first few at Elixir's line and column, worded as Elixir's own messages are.
 */
import type { Node, Tree } from "web-tree-sitter";

export type SyntaxProblem = { line: number; column: number; message: string };

const OPENERS: Record<string, string> = { end: "do", ")": "(", "]": "[", "}": "{", ">>": "<<", '"': '"' };

export function syntaxErrors(tree: Tree, limit = 3): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const visit = (n: Node) => {
    if (out.length >= limit) return;
    if (n.isMissing) {
      out.push(missing(n));
      return;
    }
    if (n.type === "ERROR") {
      out.push(unexpected(n));
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(tree.rootNode);
  return out;
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

function unexpected(n: Node): SyntaxProblem {
  // The first token in the error is what the parser could not take.
  let first: Node = n;
  while (first.childCount > 0 && first.child(0)) first = first.child(0)!;
  const text = first.text.split("\n")[0].slice(0, 40);
  const message = text ? `syntax error before: ${JSON.stringify(text)}` : "syntax error: unexpected end of input";
  return { ...at(first), message };
}
