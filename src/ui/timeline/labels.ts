/**
 * A log label is short on the lane: when a line repeats the words of the line before ("hop loop
 * runs v1", "hop loop runs v2") and only its last words change, the label shows those ("…v2");
 * the full line is its title.
 */
export function shortLabel(text: string, previous: string | undefined): string {
  if (!previous || text === previous || text.length <= 14) return text;
  let n = 0;
  while (n < text.length && n < previous.length && text[n] === previous[n]) n++;
  const cut = text.lastIndexOf(" ", n - 1) + 1;
  // Only when what changed is at the end and short enough to read on the lane.
  return cut >= 6 && cut < text.length && text.length - cut <= 12 ? `…${text.slice(cut)}` : text;
}
