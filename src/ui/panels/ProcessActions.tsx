/**
 * The inspector's "Act" section: exit with a reason, send a message, suspend / resume, read or
 * replace the state, crash the next callback. Each is done by the shell (see session/poke.ts) and
 * shows on the timeline as a ⚡ mark and in the Log. Only at the present: the past is read-only.
 */
import { useState } from "react";
import type { Lane } from "../store/model";
import { act, actionsFor, atom, EXIT_REASONS, snippetLanguage } from "./processActions";
import { useApp } from "../store/appStore";

export function ProcessActions({ lane }: { lane: Lane }) {
  const language = useApp((s) => snippetLanguage(s.files));
  const [reason, setReason] = useState<string>("kill");
  const [custom, setCustom] = useState("");
  const [message, setMessage] = useState("");
  const [state, setState] = useState("");
  const can = actionsFor(lane);
  if (can.length === 0) return null;
  const example = language === "elixir" ? { reason: "{:shutdown, :bye}", msg: "{:hello, 1}", state: "%{count: 0}" } : { reason: '["shutdown", "bye"]', msg: '["hello", 1]', state: "0" };
  const exitTerm = custom.trim() || atom(reason, language);
  // How the call reads in the snippet's language: `:sys.suspend` in Elixir, `sys.suspend` in the dialect.
  const sys = language === "elixir" ? ":sys" : "sys";
  return (
    <section className="insp-act" aria-label="Act on this process" data-testid="process-actions">
      <div className="insp-sub">Act on it <span className="muted">(done by the shell, as in IEx; shown on the timeline as ⚡ and in the Log)</span></div>
      <form className="act-row" onSubmit={(e) => { e.preventDefault(); if (exitTerm) void act(lane, "exit", exitTerm); }}>
        <label htmlFor="act-exit-reason">Exit signal</label>
        <select id="act-exit-reason" data-testid="act-exit-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
          {EXIT_REASONS.map((r) => <option key={r} value={r}>{atom(r, language)}</option>)}
        </select>
        <input id="act-exit-term" className="mono" data-testid="act-exit-term" aria-label="or a custom exit reason, a term (used when filled in)" placeholder={`or ${example.reason}`} value={custom} onChange={(e) => setCustom(e.target.value)} />
        <button type="submit" className="danger" data-testid="act-exit" disabled={!exitTerm} title="Process.exit(pid, reason) from the shell">Exit</button>
      </form>
      <form className="act-row" onSubmit={(e) => { e.preventDefault(); if (message.trim()) void act(lane, "send", message.trim()); }}>
        <label htmlFor="act-send-term">Message</label>
        <input id="act-send-term" className="mono" data-testid="act-send-term" placeholder={example.msg} value={message} onChange={(e) => setMessage(e.target.value)} />
        <button type="submit" data-testid="act-send" disabled={!message.trim()} title="send(pid, message) from the shell">Send</button>
      </form>
      {can.includes("replace_state") && (
        <form className="act-row" onSubmit={(e) => { e.preventDefault(); if (state.trim()) void act(lane, "replace_state", state.trim()); }}>
          <label htmlFor="act-replace-term">New state</label>
          <input id="act-replace-term" className="mono" data-testid="act-replace-term" placeholder={example.state} value={state} onChange={(e) => setState(e.target.value)} />
          <button type="submit" data-testid="act-replace" disabled={!state.trim()} title={`${sys}.replace_state(pid, fn _ -> state end)`}>Replace</button>
        </form>
      )}
      <div className="act-row act-buttons">
        {can.includes("suspend") && <button data-testid="act-suspend" onClick={() => void act(lane, "suspend")} title={`${sys}.suspend: it answers only system messages until resumed`}>Suspend</button>}
        {can.includes("resume") && <button data-testid="act-resume" onClick={() => void act(lane, "resume")} title={`${sys}.resume: it handles what waited in its mailbox`}>Resume</button>}
        {can.includes("get_state") && <button data-testid="act-get-state" onClick={() => void act(lane, "get_state")} title={`${sys}.get_state: the shell prints the state in the Log`}>{sys}.get_state</button>}
        {can.includes("crash_next") && <button className="danger" data-testid="act-crash-next" onClick={() => void act(lane, "crash_next")} title="Its next handle_* callback raises instead of running">Crash the next callback</button>}
      </div>
    </section>
  );
}
