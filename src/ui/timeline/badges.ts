/**
 * What a swap's badge says on a lane, in words that fit: the kind, then as much detail as there
 * is room for, and in full in the tooltip. A kept badge says that code_change was not called (the
 * recompile lesson); a migrated one shows the new state first; a failed upgrade says what failed.
 */
import type { SwapReport } from "../store/model";
import { formatTerm } from "../format";
import { failedWords } from "../store/reports";

export type BadgeText = { label: string; detail: string; full: string };

export function badgeText(report: SwapReport, room: number): BadgeText {
  const fit = (options: string[], label: string) => options.find((o) => label.length + 1 + o.length <= room) ?? "";
  switch (report.kind) {
    case "kept": {
      const state = report.detail !== undefined ? formatTerm(report.detail, "state") : undefined;
      const full = `kept: ${state !== undefined ? `state ${state} untouched, ` : ""}same pid; code_change was not called (a recompile never calls it)`;
      const options = state !== undefined ? [`${state} · code_change not called`, `${state} · no code_change`, state] : ["code_change not called", "no code_change"];
      return { label: "kept", detail: fit(options, "kept"), full };
    }
    case "migrated": {
      const [before, after] = (report.detail ?? "").split(" → ");
      const full = after !== undefined ? `migrated by code_change: ${formatTerm(before, "state")} → ${formatTerm(after, "state")}` : `migrated by code_change`;
      // The new state is what the reader looks for: it goes whole before the old one is shown.
      const options = after !== undefined ? [`${formatTerm(before, "state")} → ${formatTerm(after, "state")}`, `→ ${formatTerm(after, "state")}`] : [];
      return { label: "migrated", detail: fit(options, "migrated"), full };
    }
    case "killed": {
      const full = `killed by the purge${report.detail ? `: it still ${report.detail}` : ""}`;
      return { label: "killed", detail: fit(report.detail ? [report.detail] : [], "killed"), full };
    }
    case "failed": {
      const words = failedWords(report.detail ?? "");
      const full = `upgrade failed for this process: ${words}. The new code is loaded; the state was not migrated.`;
      const label = room >= 18 ? "code_change failed" : "failed";
      const reason = words.replace(/^code_change /, "");
      return { label, detail: fit([reason], label), full };
    }
  }
}
