/**
 * The console: an IEx-like prompt evaluated in the shell process (`eval`). Every `otp` name and
 * every module is in scope; results come back as the shell's log lines, shown here between the
 * lines typed. Up/Down walk the history.
 */
import { useLayoutEffect, useRef, useState } from "react";
import { evaluate } from "../app/controller";
import { useModel } from "../store/timelineStore";
import { timelineStore } from "../store/timelineStore";
import { consoleHint } from "./consoleHint";

const SHOWN = 300;
type Entry = { t: number; kind: "in" | "out"; text: string; key: string };


export function ConsolePanel() {
  const model = useModel();
  const [value, setValue] = useState("");
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [inputs, setInputs] = useState<{ t: number; text: string; n: number }[]>([]);
  const out = useRef<HTMLDivElement>(null);
  const hint = consoleHint(model.lanes.values());

  const shells = new Set<string>();
  for (const lane of model.lanes.values()) if (lane.kind === "shell") shells.add(lane.pid);
  const entries: Entry[] = [];
  for (let i = model.logs.length - 1; i >= 0 && entries.length < SHOWN; i--) {
    const l = model.logs[i];
    if (shells.has(l.pid)) entries.push({ t: l.t, kind: "out", text: l.text, key: `o${l.seq}` });
  }
  for (const input of inputs) entries.push({ t: input.t, kind: "in", text: input.text, key: `i${input.n}` });
  // Inputs sort before the output of the same instant; older runs' inputs vanish with their logs.
  entries.sort((a, b) => a.t - b.t || (a.kind === "in" ? -1 : 1));

  useLayoutEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [entries.length]);

  const submit = () => {
    const expr = value.trim();
    if (!expr) return;
    setInputs((xs) => [...xs.slice(-SHOWN), { t: timelineStore.getState().model.now, text: expr, n: xs.length ? xs[xs.length - 1].n + 1 : 0 }]);
    setHistory((h) => (h[h.length - 1] === expr ? h : [...h, expr]));
    setCursor(null);
    setValue("");
    void evaluate(expr);
  };

  const walk = (dir: -1 | 1) => {
    if (history.length === 0) return;
    const next = cursor === null ? (dir === -1 ? history.length - 1 : null) : cursor + dir;
    if (next === null || next >= history.length) {
      setCursor(null);
      setValue("");
    } else {
      const i = Math.max(0, next);
      setCursor(i);
      setValue(history[i]);
    }
  };

  return (
    <section className="console" aria-label="Console">
      <div className="panel-bar">
        <span className="panel-title">Console</span>
        <span className="muted">evaluates in the shell · try <span className="mono">{hint}</span></span>
      </div>
      <div className="console-out mono" ref={out}>
        {entries.map((e) => (
          <div key={e.key} className={`console-line ${e.kind}`} data-testid={e.kind === "out" ? "console-result" : undefined}>
            {e.kind === "in" ? <span className="prompt">iex&gt; </span> : null}
            {e.text}
          </div>
        ))}
      </div>
      <div className="console-input-row">
        <span className="prompt mono">iex&gt;</span>
        <input
          className="console-input mono"
          aria-label="Console: an expression to evaluate in the shell (Enter runs it, ↑/↓ history)"
          data-testid="console-input"
          placeholder={hint}
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") submit();
            else if (e.key === "ArrowUp") {
              e.preventDefault();
              walk(-1);
            } else if (e.key === "ArrowDown") {
              e.preventDefault();
              walk(1);
            }
          }}
        />
      </div>
    </section>
  );
}
