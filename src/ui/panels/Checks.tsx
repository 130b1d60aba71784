/**
 * A lesson's checks (a snippet's `checks`): each is pending until its `check` event arrives, then
 * a green tick, or a red cross with what was expected and what the code gave.
 */
import { useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import type { CheckEvent } from "../../runtime/events";
import { formatTime } from "../format";
import { Icon } from "../controls/Icon";

export type CheckStatus = "true" | "false" | "pending";

/** The snippet's checks with their results so far (a result belongs to the run on screen). */
export function useCheckResults() {
  const checks = useApp((s) => s.checks) ?? [];
  const model = useModel();
  const results = new Map<number, CheckEvent>();
  for (const e of model.checks) results.set(e.index, e);
  return checks.map((check, index) => {
    const result = results.get(index);
    const status: CheckStatus = result ? (result.ok ? "true" : "false") : "pending";
    return { check, result, status };
  });
}

export function CheckList({ compact = false }: { compact?: boolean }) {
  const rows = useCheckResults();
  if (rows.length === 0) return null;
  return (
    <ol className={`check-list ${compact ? "compact" : ""}`} aria-label="Lesson checks">
      {rows.map(({ check, result, status }, i) => (
        <li key={i} className={`check-item ${status === "true" ? "ok" : status === "false" ? "failed" : "pending"}`} data-testid="check" data-ok={status} title={`at ${formatTime(check.at)}: ${check.eval}`}>
          <span className="check-mark" role="img" aria-label={status === "true" ? "passed" : status === "false" ? "failed" : "not yet"}>
            <Icon name={status === "true" ? "check" : status === "false" ? "cross" : "pending"} />
          </span>
          <span className="check-body">
            <span className="check-say">{check.say}</span>
            {result && !result.ok && (
              <span className="check-diff mono" data-testid="check-diff">
                expected <b>{result.expected}</b>, got <b>{result.got}</b>
              </span>
            )}
          </span>
          {!compact && <span className="check-at mono">{formatTime(check.at)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** "3/5" with the worst status so far, for a compact summary. */
export function useCheckSummary(): { total: number; passed: number; failed: number } {
  const rows = useCheckResults();
  return {
    total: rows.length,
    passed: rows.filter((r) => r.status === "true").length,
    failed: rows.filter((r) => r.status === "false").length,
  };
}
