/**
 * A tiny text diff for printed states: the common prefix and suffix stay plain, the middle is
 * what changed. Enough for `11 → 21` or `{count: 3, step: 1}` → `{count: 3, step: 10}`.
 */
export type DiffParts = { prefix: string; removed: string; added: string; suffix: string };

export function diffStrings(before: string, after: string): DiffParts {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Do not split a number: widen to the whole digit run so 19 → 20 reads as a change of the number.
  while (p > 0 && /[\w.]/.test(before[p - 1] ?? "") && (/[\w.]/.test(before[p] ?? "") || /[\w.]/.test(after[p] ?? ""))) p--;
  while (s > 0 && /[\w.]/.test(before[before.length - s] ?? "") && (/[\w.]/.test(before[before.length - 1 - s] ?? "") || /[\w.]/.test(after[after.length - 1 - s] ?? ""))) s--;
  return {
    prefix: after.slice(0, p),
    removed: before.slice(p, before.length - s),
    added: after.slice(p, after.length - s),
    suffix: after.slice(after.length - s),
  };
}
