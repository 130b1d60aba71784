/**
 * The editor draft in localStorage, so a reload loses nothing. A share link that replaces the
 * draft first moves it to a second key, from which the user can restore it.
 */
import type { Snippet } from "../../share/snippetTypes";
import { parseSnippet } from "../../share/snippet";

const DRAFT_KEY = "hotswap.draft.v1";
const RECOVERY_KEY = "hotswap.draft.beforeLink.v1";

/** `demo`: the built-in demo it came from; `pristine`: the user has not changed it since. */
export type Draft = { snippet: Snippet; activeFile?: string; demo?: string; pristine?: boolean };

function read(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const data = JSON.parse(raw) as { snippet?: unknown; activeFile?: unknown; demo?: unknown; pristine?: unknown };
    const parsed = parseSnippet(data.snippet);
    if (!parsed.ok) return null;
    return {
      snippet: parsed.snippet,
      activeFile: typeof data.activeFile === "string" ? data.activeFile : undefined,
      demo: typeof data.demo === "string" ? data.demo : undefined,
      pristine: data.pristine === true,
    };
  } catch {
    return null; // storage disabled or a corrupt entry: start from the seed, never crash
  }
}

function write(key: string, draft: Draft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    /* quota or privacy mode: the draft is simply not kept */
  }
}

export const loadDraft = (): Draft | null => read(DRAFT_KEY);
export const loadRecoverable = (): Draft | null => read(RECOVERY_KEY);

let timer: ReturnType<typeof setTimeout> | null = null;
/** Debounced: typing writes at most a few times a second. */
export function saveDraft(draft: Draft): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => write(DRAFT_KEY, draft), 300);
}

export function saveDraftNow(draft: Draft): void {
  if (timer) clearTimeout(timer);
  write(DRAFT_KEY, draft);
}

/**
 * Before a link replaces the editor: keep the current draft. A draft that is only what an earlier
 * link or example loaded, unchanged, is not worth keeping: the draft kept before it stays.
 */
export function keepRecoverable(): boolean {
  const current = read(DRAFT_KEY);
  if (!current) return false;
  if (current.pristine) return !!read(RECOVERY_KEY);
  write(RECOVERY_KEY, current);
  return true;
}

export function forgetRecoverable(): void {
  try {
    localStorage.removeItem(RECOVERY_KEY);
  } catch {
    /* ignore */
  }
}
