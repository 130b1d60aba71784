/**
 * The timeline: one lane per process on a shared virtual-time axis, ordered by the supervision
 * tree, with a vertical marker across all lanes at every code swap. Lanes are virtualised (only
 * the rows in view are rendered), so thousands of processes stay smooth. Ctrl/Cmd+wheel zooms,
 * Shift+wheel (or a horizontal swipe) pans; panning back stops following the present.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useModel, useTimelineVersion } from "../store/timelineStore";
import { appStore, useApp } from "../store/appStore";
import { treeRows } from "../store/tree";
import { LaneHeader } from "./LaneHeader";
import { LaneTrack } from "./LaneTrack";
import { SwapFlags, SwapMarkers } from "./SwapMarkers";
import { DEFAULT_SPAN, lessonSpan, pan, ticks, windowOf, zoom, type TimeView } from "./timeView";
import { formatTick, pidHue } from "../format";
import { seedHint, seedSnippet } from "../../examples/seed";
import { mentionedPids } from "./mentions";
import { MAX_ARROWS, MessageArrows, messagesInView } from "./MessageArrows";
import { setShowMessages } from "../app/controller";

const ROW_H = 34;
const OVERSCAN = 6;

/** The lane header's width: narrower in a small widget, so the time track keeps most of the room. */
function headWidth(total: number): number {
  return total < 620 ? 178 : total < 900 ? 236 : 300;
}

export function Timeline() {
  const model = useModel();
  const version = useTimelineVersion();
  const selected = useApp((s) => s.selectedPid);
  const running = useApp((s) => s.running);
  const lesson = useApp((s) => !!s.script?.some((step) => step.say !== undefined));
  const title = useApp((s) => s.title);
  // The embed's button is "▶ Play"; the full app's lesson button reads "▶ Play lesson".
  const playLabel = useApp((s) => (s.embed ? "▶ Play" : "▶ Play lesson"));
  const showMessages = useApp((s) => s.showMessages);
  const [view, setView] = useState<TimeView>({ span: DEFAULT_SPAN, end: DEFAULT_SPAN, follow: true });
  const lessonEnd = useApp((s) => s.lessonEnd);
  useEffect(() => {
    if (lessonEnd !== null) setView({ span: lessonSpan(lessonEnd), end: lessonSpan(lessonEnd), follow: true });
  }, [lessonEnd]);
  const [hideDead, setHideDead] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 800, height: 400 });
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = scroller.current!;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Order changes only when lanes are added or re-parented (or, hiding the dead, when one exits).
  const rows = useMemo(() => treeRows(model.lanes, hideDead), [model, model.treeVersion, hideDead && version]);
  const HEAD_W = headWidth(size.width);
  const width = Math.max(100, size.width - HEAD_W);
  // The current caption points at lanes (by module, name or kind) and, said with a code action, at its swap.
  const caption = model.captions.at(-1);
  const mentioned = useMemo(() => (caption ? mentionedPids(model.lanes.values(), caption.text, caption.t) : new Set<string>()), [caption, model.treeVersion]);
  const { t0, t1 } = windowOf(view, model.now);
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + size.height) / ROW_H) + OVERSCAN);
  const alive = rows.reduce((n, r) => n + (r.lane.status !== "dead" ? 1 : 0), 0);
  const rowOf = useMemo(() => new Map(rows.map((r, i) => [r.lane.pid, i])), [rows]);
  const messagesInWindow = showMessages ? messagesInView(model.sends, t0, t1).total : 0;

  // A native listener, not React's onWheel: React listens passively, so preventDefault there
  // cannot stop Ctrl+wheel from zooming the whole page (or Shift+wheel from scrolling it).
  const geometry = useRef({ head: HEAD_W, width, now: model.now });
  geometry.current = { head: HEAD_W, width, now: model.now };
  useEffect(() => {
    const el = scroller.current!;
    const onWheel = (e: WheelEvent) => {
      const { head, width, now } = geometry.current;
      const at = Math.min(1, Math.max(0, (e.clientX - el.getBoundingClientRect().left - head) / width));
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        setView((v) => zoom(v, now, Math.exp(e.deltaY * 0.002), at));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        const d = e.shiftKey ? e.deltaY : e.deltaX;
        setView((v) => pan(v, now, (d / width) * v.span));
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  return (
    <section className={`timeline ${HEAD_W < 300 ? "compact" : ""}`} aria-label="Process timeline">
      <div className="panel-bar">
        <span className="panel-title">Processes</span>
        <span className="muted alive-count">{alive} alive{rows.length > alive ? ` · ${rows.length - alive} exited` : ""}</span>
        <span className="spacer" />
        {messagesInWindow > MAX_ARROWS && (
          <span className="muted messages-note" data-testid="messages-note">newest {MAX_ARROWS} of {messagesInWindow.toLocaleString("en-US")} messages: zoom in for the rest</span>
        )}
        <label className="check" title="Draw every message sent from now on, as an arrow from sender to receiver">
          <input type="checkbox" data-testid="show-messages" checked={showMessages} onChange={(e) => setShowMessages(e.target.checked)} /> messages
        </label>
        <label className="check"><input type="checkbox" checked={hideDead} onChange={(e) => setHideDead(e.target.checked)} /> hide exited</label>
        <button className="ghost small" title="Zoom out (Ctrl+wheel)" onClick={() => setView((v) => zoom(v, model.now, 1.6))}>−</button>
        <button className="ghost small" title="Zoom in (Ctrl+wheel)" onClick={() => setView((v) => zoom(v, model.now, 1 / 1.6))}>+</button>
        <button className={`ghost small ${view.follow ? "on" : ""}`} title="Keep the present in view" onClick={() => setView((v) => ({ ...v, follow: true }))}>Follow</button>
      </div>
      <div className="axis-row">
        <div className="axis-head" style={{ width: HEAD_W }}>
          <span className="muted">process</span>
        </div>
        <div className="axis" style={{ width }}>
          {ticks(t0, t1, width).map((t) => (
            <span key={t} className="tick" style={{ left: ((t - t0) / (t1 - t0)) * width }}>{formatTick(t)}</span>
          ))}
          <SwapFlags swaps={model.swaps} t0={t0} t1={t1} width={width} />
          {model.captions.map((c, i) => {
            if (c.t < t0 || c.t > t1) return null;
            const current = i === model.captions.length - 1;
            return <span key={i} className={`caption-mark ${current ? "current" : ""}`} style={{ left: ((c.t - t0) / (t1 - t0)) * width }} title={`${i + 1}. ${c.text}`} data-testid="caption-mark" />;
          })}
          <span className="now-line" style={{ left: ((model.now - t0) / (t1 - t0)) * width }} />
        </div>
      </div>
      <div className="lanes" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="lanes-inner" style={{ height: rows.length * ROW_H }}>
          <SwapMarkers swaps={model.swaps} t0={t0} t1={t1} left={HEAD_W} width={width} top={scrollTop} height={size.height} focusT={caption?.t} />
          {showMessages && (
            <MessageArrows sends={model.sends} lanes={model.lanes} rowOf={rowOf} rowHeight={ROW_H} t0={t0} t1={t1} left={HEAD_W} width={width} height={rows.length * ROW_H} />
          )}
          {rows.slice(first, last).map(({ lane, depth }, i) => {
            const hue = pidHue(lane.pid);
            return (
              <div
                key={lane.pid}
                className={`lane ${lane.pid === selected ? "selected" : ""} ${lane.status} ${mentioned.has(lane.pid) ? "mentioned" : ""}`}
                style={{ top: (first + i) * ROW_H, height: ROW_H }}
                data-testid="process-row"
                data-pid={lane.pid}
                data-name={lane.name ?? ""}
                onClick={() => appStore.setState({ selectedPid: lane.pid })}
              >
                <div style={{ width: HEAD_W }} className="lane-head-cell">
                  <LaneHeader lane={lane} depth={depth} hue={hue} model={model} selected={lane.pid === selected} />
                </div>
                <div className="lane-track-cell" style={{ width }}>
                  <LaneTrack lane={lane} swaps={model.swaps} t0={t0} t1={t1} width={width} now={model.now} hue={hue} />
                </div>
              </div>
            );
          })}
        </div>
        {rows.length === 0 && (
          <div className="empty">
            {running ? <p>Starting…</p> : lesson ? (
              <>
                <p className="empty-title">Press <kbd>{playLabel}</kbd> to watch it</p>
                <p className="muted">The processes appear here, one row each, on a shared time axis.</p>
              </>
            ) : (
              <>
                <p className="empty-title">Press <kbd>▶ Run</kbd> to start <span className="mono">Main.start()</span></p>
                {title === seedSnippet.title && <p className="muted">{seedHint}</p>}
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
