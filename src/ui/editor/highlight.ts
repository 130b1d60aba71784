/**
 * A small TypeScript highlighter for the plain code view (CodeView): comments, strings
 * (template literals included, `${}` left plain), numbers and keywords, split into lines. It
 * only colours; the editor proper (Monaco) replaces the view once it has loaded.
 */
export type TokenKind = "comment" | "string" | "number" | "keyword" | "plain";
export type Token = { kind: TokenKind; text: string };

const KEYWORDS = new Set(
  ("import export from as function return const let var if else while for of in do await async new class extends " +
    "true false null undefined typeof instanceof throw try catch finally switch case default break continue type interface this void yield")
    .split(" "),
);

const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?)|(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

/** The tokens of `source`, line by line (a token that spans lines is cut at each newline). */
export function highlightLines(source: string): Token[][] {
  const lines: Token[][] = [[]];
  const push = (kind: TokenKind, text: string) => {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ kind, text: part });
    });
  };
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index > last) push("plain", source.slice(last, m.index));
    const kind: TokenKind = m[1] ? "comment" : m[2] ? "string" : m[3] ? "number" : KEYWORDS.has(m[4]) ? "keyword" : "plain";
    push(kind, m[0]);
    last = m.index + m[0].length;
  }
  if (last < source.length) push("plain", source.slice(last));
  return lines;
}
