/**
 * Every log line, newest at the bottom, filterable by process and by text. Virtualised: only the
 * rows in view exist in the DOM. It sticks to the bottom while the user is there, and stays put
 * once they scroll up to read. The runtime's reports (crash reports, a supervisor giving up, a
 * failed upgrade: in red) and actions from outside (⚡, in amber) are here too, as IEx prints them.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useModel, useTimelineVersion } from "../store/timelineStore";
import { appStore, useApp } from "../store/appStore";
import { formatTime, pidHue } from "../format";

const ROW_H = 22;

export function LogView() {
  const model = useModel();
  const version = useTimelineVersion();
  const selected = useApp((s) => s.selectedPid);
  const [onlySelected, setOnlySelected] = useState(false);
  const [text, setText] = useState("");
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(200);
  const stick = useRef(true);
  const box = useRef<HTMLDivElement>(null);

  const lines = useMemo(() => {
    const needle = text.toLowerCase();
    if (!needle && !(onlySelected && selected)) return model.logs;
    return model.logs.filter((l) => (!onlySelected || l.pid === selected) && (!needle || l.text.toLowerCase().includes(needle)));
  }, [model, version, text, onlySelected, selected]);

  // The box's height from a ResizeObserver: reading it on every batch forced a layout per frame.
  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = box.current!;
    if (stick.current) el.scrollTop = el.scrollHeight;
  }, [lines.length, lines, height, model.logsDropped]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 5);
  const last = Math.min(lines.length, Math.ceil((scrollTop + height) / ROW_H) + 5);

  return (
    <div className="logview">
      <div className="panel-tools">
        <input className="filter" aria-label="Filter the log by text" placeholder="Filter log…" value={text} onChange={(e) => setText(e.target.value)} />
        <label className="check" title={selected ? `only ${selected}` : "select a process first"}>
          <input type="checkbox" disabled={!selected} checked={onlySelected && !!selected} onChange={(e) => setOnlySelected(e.target.checked)} /> selected process only
        </label>
        <span className="spacer" />
        <span className="muted">{lines.length.toLocaleString()} lines</span>
      </div>
      <div
        className="log-scroll"
        ref={box}
        tabIndex={0}
        role="log"
        aria-label="Log lines"
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_H;
        }}
      >
        {model.logsDropped > 0 && <div className="log-dropped">{model.logsDropped.toLocaleString()} older lines dropped</div>}
        <div style={{ height: lines.length * ROW_H, position: "relative" }}>
          {lines.slice(first, last).map((l, i) => (
            <div
              key={l.seq}
              className={`log-line ${l.level ?? ""}`}
              title={l.text}
              style={{ top: (first + i) * ROW_H, height: ROW_H }}
              data-testid="log-line"
              data-pid={l.pid}
              onClick={() => appStore.setState({ selectedPid: l.pid })}
            >
              <span className="log-t mono">{formatTime(l.t)}</span>
              <span className="log-pid mono" style={{ ["--hue" as string]: pidHue(l.pid) }}>{l.pid.replace("#PID", "")}</span>
              <span className="log-text mono">{l.prompt !== undefined && <span className="log-prompt">{l.prompt} </span>}{l.text}</span>
            </div>
          ))}
        </div>
        {lines.length === 0 && <div className="empty small muted">No log lines yet.</div>}
      </div>
    </div>
  );
}
