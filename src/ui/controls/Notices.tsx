/** Short messages to the user (errors stay until dismissed), and the share-link dialog. */
import { appStore, dismiss, useApp } from "../store/appStore";

export function Notices() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === "error" ? "alert" : "status"} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          <button className="ghost small" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}

export function ShareDialog() {
  const url = useApp((s) => s.shareUrl);
  if (!url) return null;
  return (
    <div className="share-dialog" role="dialog" aria-label="Share link">
      <div className="share-head">
        <strong>Share this playground</strong>
        <button className="ghost small" aria-label="Close" onClick={() => appStore.setState({ shareUrl: null })}>×</button>
      </div>
      <p className="muted small">The link holds every file and the script; nothing is uploaded. Add <span className="mono">?autoplay=1</span> to play it on open.</p>
      <input className="mono share-url" data-testid="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} autoFocus />
    </div>
  );
}
