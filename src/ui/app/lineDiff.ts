/** Which lines a script's edit changed, for the editor to mark (a line diff: files are small). */

/** The first file a script edit changed, and its new or changed lines (1-based, in the new text). */
export function changedLines(before: Record<string, string>, after: Record<string, string>): { file: string; lines: number[] } | null {
  for (const [file, text] of Object.entries(after)) {
    const old = before[file];
    if (old === text) continue;
    const b = text.split("\n");
    const { added, deletedAt } = newLines(old === undefined ? [] : old.split("\n"), b);
    return { file, lines: added.length ? added : [deletedAt] };
  }
  return null;
}

/**
 * Lines of `b` that are not in a longest common subsequence with `a` (1-based), and where in `b`
 * the first line of `a` was dropped (for an edit that only deletes). Files are small.
 */
function newLines(a: string[], b: string[]): { added: number[]; deletedAt: number } {
  if (a.length * b.length > 250_000) return { added: b.map((_, i) => i + 1), deletedAt: 1 };
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const added: number[] = [];
  let deletedAt = 0;
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
      if (!deletedAt) deletedAt = j + 1;
      i++;
    } else added.push(++j);
  }
  return { added, deletedAt: Math.max(1, Math.min(deletedAt || m, m)) };
}
