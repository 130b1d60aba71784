/**
 * Whether an Elixir console input is unfinished, as IEx decides when it shows `...(N)>`: the
 * parser reached the end of the input inside something still open (a `do`/`fn` without its
 * `end`, a bracket, a string, a heredoc, a sigil) or right after an operator that needs a right
 * side. Strings, charlists, sigils and comments are skipped, so an `end` or `(` inside them
 * counts for nothing. A closer with no opener is not unfinished: it is a syntax error, which the
 * compiler reports.
 */

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<<": ">>" };
const SIGIL_CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">", "/": "/", "|": "|", '"': '"', "'": "'" };
/** Operators that cannot end an expression (longest first, so `|>` is not read as `|`). */
const TRAILING = ["|>", "<>", "++", "--", "->", "<-", "::", "\\\\", "&&", "||", "==", "!=", "=~", "<=", ">=", "+", "-", "*", "/", "=", "|", ",", ".", "<", ">", "&", "!", "^"];
const TRAILING_WORDS = new Set(["and", "or", "when", "in", "not"]);

export function isIncompleteElixir(text: string): boolean {
  const stack: string[] = [];
  let i = 0;
  let last = ""; // the last significant token
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === "#") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const q = text.slice(i, i + 3);
      const close = findHeredocEnd(text, i + 3, q);
      if (close < 0) return true;
      i = close;
      last = "string";
      continue;
    }
    if (c === '"' || c === "'") {
      const end = skipQuoted(text, i + 1, c);
      if (end < 0) return true;
      i = end;
      last = "string";
      continue;
    }
    if (c === "~" && /[a-zA-Z]/.test(text[i + 1] ?? "")) {
      const open = text[i + 2];
      const close = SIGIL_CLOSER[open];
      if (close) {
        const end = skipQuoted(text, i + 3, close);
        if (end < 0) return true;
        i = end;
        while (/[a-zA-Z]/.test(text[i] ?? "")) i++;
        last = "string";
        continue;
      }
    }
    if (c === "?" && i + 1 < n) {
      // A character literal: `?a`, `?\n`, `?(`.
      i += text[i + 1] === "\\" ? 3 : 2;
      last = "char";
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < n && /[\w?!]/.test(text[j])) j++;
      const word = text.slice(i, j);
      const keyword = text[j] === ":" && text[j + 1] !== ":"; // `do:` is a keyword key
      if (!keyword && (word === "do" || word === "fn")) stack.push("end");
      else if (!keyword && word === "end") {
        if (stack.pop() !== "end") return false;
      }
      last = keyword ? `${word}:` : word;
      i = keyword ? j + 1 : j;
      continue;
    }
    if (text.startsWith("<<", i)) {
      stack.push(">>");
      i += 2;
      last = "<<";
      continue;
    }
    if (CLOSER[c]) {
      stack.push(CLOSER[c]);
      i++;
      last = c;
      continue;
    }
    if (c === ")" || c === "]" || c === "}" || text.startsWith(">>", i)) {
      const closer = c === ">" ? ">>" : c;
      if (stack.pop() !== closer) return false;
      i += closer.length;
      last = closer;
      continue;
    }
    const op = TRAILING.find((o) => text.startsWith(o, i));
    if (op) {
      i += op.length;
      last = `op:${op}`;
      continue;
    }
    i++;
    last = c;
  }
  if (stack.length > 0) return true;
  // After an operator, an operator word or a keyword's key (`name:`), the right side is missing.
  return last.startsWith("op:") || TRAILING_WORDS.has(last) || last.endsWith(":");
}

/** The index after the closing quote (escapes and `#{…}` skipped), or -1 when the input ends first. */
function skipQuoted(text: string, i: number, quote: string): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (depth === 0 && c === "\\") {
      i += 2;
      continue;
    }
    if (c === "#" && text[i + 1] === "{") {
      depth++;
      i += 2;
      continue;
    }
    if (depth > 0 && c === "}") {
      depth--;
      i++;
      continue;
    }
    if (depth === 0 && c === quote) return i + 1;
    i++;
  }
  return -1;
}

/** After a heredoc's closing `"""` on a line of its own, or -1. */
function findHeredocEnd(text: string, from: number, quote: string): number {
  const re = new RegExp(`\\n[ \\t]*${quote === '"""' ? '"""' : "'''"}`, "g");
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : -1;
}
