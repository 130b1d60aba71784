/**
 * Which lanes a caption talks about, so the timeline can point at them: a lane whose module is
 * named in the caption ("A Counter process…"), whose registered name is quoted ('local') or
 * written out when it is a real word ("the worker"), supervisors when it says "supervisor", the
 * shell when it says "shell". Only lanes alive around the caption's time count: a caption speaks
 * of the present.
 */
import type { Lane } from "../store/model";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function says(text: string, word: string, caseSensitive: boolean): boolean {
  return new RegExp(`(^|[^\\w.])${escape(word)}(?![\\w])`, caseSensitive ? "" : "i").test(text);
}

export function mentionedPids(lanes: Iterable<Lane>, text: string, t: number): Set<string> {
  const out = new Set<string>();
  for (const lane of lanes) {
    if (lane.spawnedAt > t + 600 || (lane.exitedAt !== undefined && lane.exitedAt < t - 1200)) continue;
    const name = lane.name;
    const byModule = !!lane.module && lane.kind !== "shell" && /^[A-Z]/.test(lane.module) && says(text, lane.module, true);
    const byName = !!name && (new RegExp(`['"‘“]${escape(name)}['"’”]`).test(text) || (name.length >= 4 && says(text, name, false)));
    const byKind =
      ((lane.kind === "supervisor" || lane.kind === "dynamic_supervisor") && /\bsupervisor\b/i.test(text)) ||
      (lane.kind === "shell" && /\bshell\b/i.test(text));
    if (byModule || byName || byKind) out.add(lane.pid);
  }
  return out;
}
