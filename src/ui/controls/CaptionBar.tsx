/**
 * The guided demo's caption (the script's `say` steps), under the toolbar, with the script's
 * progress: how many of its steps virtual time has passed.
 */
import { useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { formatTime } from "../format";

export function CaptionBar() {
  const model = useModel();
  const script = useApp((s) => s.script);
  const caption = model.captions.at(-1);
  const check = model.checks.at(-1);
  if (!caption && !script?.length && !check) return null;
  const total = script?.length ?? 0;
  const done = script ? script.filter((s) => s.at <= model.now).length : 0;
  const next = script?.find((s) => s.at > model.now);
  return (
    <div className="caption-bar" data-testid="caption" aria-live="polite">
      <span className="caption-icon" aria-hidden>▸</span>
      <span className="caption-text">{caption ? caption.text : <span className="muted">This snippet has a script: press Run to play it.</span>}</span>
      {check && (
        <span className={`check-result ${check.ok ? "ok" : "failed"}`} data-testid="check-result" title={check.ok ? check.say : `expected ${check.expected}, got ${check.got}`}>
          {check.ok ? "✓" : "✗"} {check.say}
          {!check.ok && <span className="mono"> — expected {check.expected}, got {check.got}</span>}
        </span>
      )}
      {total > 0 && (
        <span className="caption-progress">
          <span className="progress"><span style={{ width: `${(done / total) * 100}%` }} /></span>
          <span className="muted mono">step {done}/{total}{next ? ` · next at ${formatTime(next.at)}` : ""}</span>
        </span>
      )}
    </div>
  );
}
