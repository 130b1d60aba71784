/**
 * The selected process in detail: what the timeline knows (state history with diffs, exit reason
 * and stack) plus what only the runtime knows (mailbox length, links, monitors, the versions it
 * has frames in), fetched with `inspect` twice a second while it is shown. While travelling in
 * time it shows that moment instead, all from the recorded events (store/travel.ts): status,
 * state, the version it ran (old or current then), links, monitors and its mailbox's length (the
 * worker's `mailbox` events, worker/mailboxSampler.ts). Acting on the process (ProcessActions) is for the present only.
 */
import { useEffect, useState } from "react";
import type { ProcessSnapshot } from "../../session/types";
import { inspect } from "../app/controller";
import { appStore, useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { diffStrings } from "./diff";
import { formatTerm, formatTime, pidHue, readableReason, shortVsn, stripQuotes } from "../format";
import { laneAt, linksAt, monitorsAt } from "../store/travel";
import { ProcessActions } from "./ProcessActions";
import { reasonLine } from "../store/reports";
import { backToPresent } from "../app/travel";
import { jumpTo } from "../editor/CompileErrors";
import { messagesOf } from "./processMessages";
import type { SentMessage } from "../store/model";

const HISTORY_SHOWN = 200;
const MESSAGES_SHOWN = 50;

function usePolledSnapshot(pid: string | null, alive: boolean): ProcessSnapshot | null {
  const [snap, setSnap] = useState<ProcessSnapshot | null>(null);
  useEffect(() => {
    setSnap(null);
    if (!pid) return;
    let live = true;
    const poll = () => inspect(pid).then((s) => live && setSnap(s), () => live && setSnap(null));
    void poll();
    if (!alive) return () => { live = false; };
    const timer = setInterval(poll, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pid, alive]);
  return snap;
}

function PidLink({ pid }: { pid: string }) {
  return (
    <button className="pid-link mono" style={{ ["--hue" as string]: pidHue(pid) }} onClick={() => appStore.setState({ selectedPid: pid })}>
      {pid.replace("#PID", "")}
    </button>
  );
}

export function Inspector() {
  const pid = useApp((s) => s.selectedPid);
  const model = useModel();
  const lane = pid ? model.lanes.get(pid) : undefined;
  const travelT = useApp((s) => s.travelT);
  const snap = usePolledSnapshot(travelT === null ? pid : null, !!lane && lane.status !== "dead");
  const showMessages = useApp((s) => s.showMessages);

  if (!pid || !lane) return <div className="empty small muted">Click a process on the timeline to inspect it.</div>;

  const past = travelT === null ? null : laneAt(model, lane, travelT);
  const pastVersion = past?.vsn && lane.module ? `${lane.module} v${shortVsn(past.vsn)}${past.old ? " (old)" : " (current)"}` : null;
  const versions = past ? (pastVersion ? [pastVersion] : []) : snap?.versions ?? [];
  const exited = lane.exitedAt !== undefined && (travelT === null || lane.exitedAt <= travelT);
  const history = lane.history.filter((h) => travelT === null || h.t <= travelT).slice(-HISTORY_SHOWN).reverse();
  const links = past ? linksAt(model, lane, travelT!) : snap?.links ?? [];
  const monitors = past ? monitorsAt(model, lane, travelT!) : snap?.monitors ?? [];
  const state = past ? (past.status === "unborn" ? "—" : past.state ?? "—") : snap?.state ?? lane.state ?? "—";
  return (
    <div className={`inspector ${past ? "past" : ""}`} data-testid="inspector">
      {past && (
        <div className="insp-past" role="status" data-testid="inspector-past">
          As it was at <strong className="mono">{formatTime(travelT!)}</strong>
          {past.status === "unborn" ? " (not started yet)" : ""}
          {!past.recorded ? " · older than the state history kept for it" : ""}
          <button className="small" onClick={backToPresent}>● Back to the present</button>
        </div>
      )}
      <div className="insp-head" style={{ ["--hue" as string]: pidHue(pid) }}>
        <span className={`status-dot ${past?.status ?? lane.status} ${(past ? past.crashed : lane.crashed) ? "crash" : ""}`} />
        <strong>{lane.name ?? lane.module ?? lane.kind}</strong>
        <span className="mono muted" data-testid="inspector-pid">{pid}</span>
        <span className="chip">{lane.kind}{lane.module ? ` · ${lane.module}` : ""}</span>
        {versions.map((v) => <span key={v} className={`chip ${/old/.test(v) ? "old" : ""}`} data-testid="inspector-version">runs {v}</span>)}
      </div>
      <div className="insp-left">
      <dl className="insp-facts">
        <dt>status</dt><dd>{past ? (past.status === "unborn" ? "not started yet" : past.status) : snap?.status ?? lane.status}</dd>
        <dt>state</dt><dd className="mono state-now" data-testid="inspector-state">{formatTerm(state, "state")}</dd>
        <dt>mailbox</dt><dd className="mono" data-testid="inspector-mailbox">{past ? (past.status === "dead" || past.status === "unborn" ? "—" : past.mailbox ?? <span className="muted" title="Older than the mailbox lengths kept for this process">not kept</span>) : snap ? snap.mailbox : "—"}</dd>
        <dt>links</dt><dd>{links.length ? links.map((l) => <PidLink key={l} pid={l} />) : <span className="muted">none</span>}</dd>
        <dt>monitors</dt><dd>{monitors.length ? monitors.map((m) => <span key={m} className="mono">{m} </span>) : <span className="muted">none</span>}</dd>
        <dt>started</dt><dd className="mono">{formatTime(lane.spawnedAt)}{lane.parent ? <> by <PidLink pid={lane.parent} /></> : null}</dd>
        {exited && (
          <>
            <dt>exited</dt>
            <dd className={lane.crashed ? "crash" : ""}>
              <span className="mono" title={formatTerm(lane.reason ?? "", "reason")}>{formatTime(lane.exitedAt!)} · {lane.gaveUp ? "gave up after too many restarts (reached_max_restart_intensity)" : reasonLine(lane.reason ?? "").replace(/^\*\* \(exit\) /, "")}</span>
              {lane.stack?.length ? (
                <ul className="stack">
                  {lane.stack.map((f, i) => (
                    <li key={i}>
                      <button className="frame mono" onClick={() => jumpTo(f.file, f.line, f.column)} title="Show in the editor">
                        {f.fn ? `${f.fn} ` : ""}{f.file}:{f.line}:{f.column}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </>
        )}
      </dl>
        {!past && <ProcessActions lane={lane} />}
      </div>
      <div className="insp-history">
        <div className="insp-sub">State history <span className="muted">({lane.history.length}, newest first)</span></div>
        {history.length === 0 && <div className="muted small">No state changes recorded (only GenServers report state).</div>}
        {history.map((h, i) => {
          const prev = history[i + 1]?.state;
          const d = prev === undefined ? null : diffStrings(prev, h.state);
          return (
            <div key={`${h.t}-${i}`} className="hist-row mono">
              <span className="log-t">{formatTime(h.t)}</span>
              {d ? (
                <span>
                  {d.prefix}
                  {d.removed && <del>{d.removed}</del>}
                  {d.added && <ins>{d.added}</ins>}
                  {d.suffix}
                </span>
              ) : (
                <span>{h.state}</span>
              )}
            </div>
          );
        })}
      </div>
      {showMessages && <ProcessMessages pid={pid} sends={model.sends} />}
    </div>
  );
}

/** The newest messages in and out of the process (while the message view traces them). */
function ProcessMessages({ pid, sends }: { pid: string; sends: SentMessage[] }) {
  const mine = messagesOf(sends, pid, MESSAGES_SHOWN);
  return (
    <div className="insp-messages">
      <div className="insp-sub">Messages <span className="muted">(newest first, since the message view was turned on)</span></div>
      {mine.length === 0 && <div className="muted small">None sent or received yet.</div>}
      {mine.map((m, i) => {
        const out = m.from === pid;
        const other = out ? m.to : m.from;
        return (
          <div key={`${m.t}-${i}`} className={`msg-row mono ${m.dropped ? "dropped" : ""}`} data-testid="inspector-message">
            <span className="log-t">{formatTime(m.t)}</span>
            <span className="msg-dir" title={out ? "sent" : "received"}>{out ? (m.to === pid ? "⟲" : "→") : "←"}</span>
            {other === pid ? <span className="muted">self</span> : other === "system" ? <span className="muted">runtime</span> : <PidLink pid={other} />}
            <span className="msg-text">{m.msg}</span>
            {m.dropped && <span className="msg-dropped" title="It reached no mailbox">✕ dropped</span>}
          </div>
        );
      })}
    </div>
  );
}
