/**
 * The timeline: one lane per process on a shared virtual-time axis, ordered by the supervision
 * tree, with a vertical marker across all lanes at every code swap. Lanes are virtualised (only
 * the rows in view are rendered), so thousands of processes stay smooth. Ctrl/Cmd+wheel zooms,
 * Shift+wheel, a horizontal swipe or a plain drag on the tracks pans; panning back stops
 * following the present. Time travel (store/travel.ts): pressing or dragging on the axis, the
 * slider or ←/→ show every row as it was at that moment, the later part of the tracks veiled.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useModelAndClock, useTimelineVersion } from "../store/timelineStore";
import { appStore, useApp } from "../store/appStore";
import { treeRows } from "../store/tree";
import { LaneHeader } from "./LaneHeader";
import { LaneTrack } from "./LaneTrack";
import { SwapFlags, SwapMarkers } from "./SwapMarkers";
import { DEFAULT_SPAN, lessonSpan, pan, ticks, windowOf, zoom, type TimeView } from "./timeView";
import { formatTick, pidHue } from "../format";
import { seedHintFor } from "../../examples/seed";
import { mentionedPids } from "./mentions";
import { MAX_ARROWS, MessageArrows, messagesInView } from "./MessageArrows";
import { setShowMessages } from "../app/controller";
import { laneAt } from "../store/travel";
import { travelBeforeSwap } from "../app/travel";
import { TravelBar } from "./TravelBar";
import { useAxisScrub, useDragPan } from "./gestures";
import { RowMenu, type RowMenuAt } from "./RowMenu";
import type { Poke } from "../store/model";
import { MAX_LANES } from "../store/model";

const ROW_H = 34;
const OVERSCAN = 6;

/** The lane header's width: narrower in a small widget, so the time track keeps most of the room. */
function headWidth(total: number): number {
  return total < 620 ? 178 : total < 900 ? 236 : 300;
}

export function Timeline() {
  const model = useModelAndClock();
  const version = useTimelineVersion();
  const selected = useApp((s) => s.selectedPid);
  const running = useApp((s) => s.running);
  const lesson = useApp((s) => !!s.script?.some((step) => step.say !== undefined));
  const title = useApp((s) => s.title);
  // The embed's button is "▶ Play"; the full app's lesson button reads "▶ Play lesson".
  const playLabel = useApp((s) => (s.embed ? "▶ Play" : "▶ Play lesson"));
  const showMessages = useApp((s) => s.showMessages);
  const travelT = useApp((s) => s.travelT);
  const [menu, setMenu] = useState<RowMenuAt | null>(null);
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
  // Travelling: the window holds still (the present runs on beyond it) and keeps the moment in view.
  const wasTravelling = useRef(false);
  useEffect(() => {
    // Back from the past: the window follows the present again (travelling is what froze it).
    if (travelT === null) {
      if (wasTravelling.current) setView((v) => ({ ...v, follow: true }));
      wasTravelling.current = false;
      return;
    }
    wasTravelling.current = true;
    setView((v) => {
      const w = windowOf(v, model.now);
      if (travelT >= w.t0 && travelT <= w.t1) return v.follow ? { span: v.span, end: w.t1, follow: false } : v;
      return { span: v.span, end: Math.max(v.span, travelT + v.span / 2), follow: false };
    });
  }, [travelT]);
  const pokesOf = useMemo(() => {
    const map = new Map<string, Poke[]>();
    for (const p of model.pokes) {
      const list = map.get(p.pid) ?? [];
      list.push(p);
      map.set(p.pid, list);
    }
    return map;
  }, [model, version]);
  const gaveUp = rows.length > 0 && rows.every((r) => r.lane.kind === "shell" || r.lane.status === "dead") && rows.some((r) => r.lane.gaveUp);
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + size.height) / ROW_H) + OVERSCAN);
  const alive = rows.reduce((n, r) => n + (r.lane.status !== "dead" ? 1 : 0), 0);
  const rowOf = useMemo(() => new Map(rows.map((r, i) => [r.lane.pid, i])), [rows]);
  const messagesInWindow = showMessages ? messagesInView(model.sends, t0, t1).total : 0;

  // A native listener, not React's onWheel: React listens passively, so preventDefault there
  // cannot stop Ctrl+wheel from zooming the whole page (or Shift+wheel from scrolling it).
  const geometry = useRef({ head: HEAD_W, width, now: model.now, t0, t1 });
  geometry.current = { head: HEAD_W, width, now: model.now, t0, t1 };
  const axis = useAxisScrub(() => geometry.current, () => setView((v) => (v.follow ? { span: v.span, end: windowOf(v, geometry.current.now).t1, follow: false } : v)));
  useDragPan(scroller, () => geometry.current, (d) => setView((v) => pan(v, geometry.current.now, d)));
  const travelX = travelT === null ? null : ((travelT - t0) / (t1 - t0)) * width;
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
    <section className={`timeline ${HEAD_W < 300 ? "compact" : ""}`} aria-label="Process timeline" data-events={model.events}>
      <div className="panel-bar">
        <span className="panel-title">Processes</span>
        <span className="muted alive-count">{alive} alive{rows.length > alive ? ` · ${rows.length - alive} exited` : ""}</span>
        {model.lanesDropped > 0 && (
          <span className="muted lanes-note" data-testid="lanes-note" title={`The timeline keeps at most ${MAX_LANES.toLocaleString("en-US")} lanes: the oldest exited processes go first`}>
            · {model.lanesDropped.toLocaleString("en-US")} more not shown
          </span>
        )}
        <span className="spacer" />
        {messagesInWindow > MAX_ARROWS && (
          <span className="muted messages-note" data-testid="messages-note">newest {MAX_ARROWS} of {messagesInWindow.toLocaleString("en-US")} messages: zoom in for the rest</span>
        )}
        <label className="check" title="Draw every message sent from now on, as an arrow from sender to receiver">
          <input type="checkbox" data-testid="show-messages" checked={showMessages} onChange={(e) => setShowMessages(e.target.checked)} /> messages
        </label>
        <label className="check"><input type="checkbox" checked={hideDead} onChange={(e) => setHideDead(e.target.checked)} /> hide exited</label>
        <button className="ghost small" aria-label="Zoom out" title="Zoom out (Ctrl+wheel)" disabled={!canZoomOut(view, model.now)} onClick={() => setView((v) => zoom(v, model.now, 1.6))}>−</button>
        <button className="ghost small" aria-label="Zoom in" title="Zoom in (Ctrl+wheel)" onClick={() => setView((v) => zoom(v, model.now, 1 / 1.6))}>+</button>
        <button
          className={`small follow ${view.follow ? "on" : "off"}`}
          data-testid="follow"
          aria-pressed={view.follow}
          title={view.follow ? "Following the present: the newest events stay in view" : "Not following: the window holds still. Click to follow the present again"}
          onClick={() => setView((v) => ({ ...v, follow: true }))}
        >
          {view.follow ? "● Following" : "Follow ▸"}
        </button>
      </div>
      <TravelBar now={model.now} />
      {gaveUp && travelT === null && (
        <div className="stopped-banner" role="status" data-testid="stopped-banner">
          Everything has stopped: a supervisor gave up after its children crashed too often (see the Log). The clock runs on over an empty system; Restart starts it again.
        </div>
      )}
      <div className="axis-row">
        <div className="axis-head" style={{ width: HEAD_W }}>
          <span className="muted">process</span>
        </div>
        <div className="axis" style={{ width }} ref={axis} data-testid="time-axis" title="Press or drag here to see the system at that moment">
          {ticks(t0, t1, width).map((t) => (
            <span key={t} className="tick" style={{ left: ((t - t0) / (t1 - t0)) * width }}>{formatTick(t)}</span>
          ))}
          <SwapFlags swaps={model.swaps} t0={t0} t1={t1} width={width} onPick={travelBeforeSwap} />
          {model.captions.map((c, i) => {
            if (c.t < t0 || c.t > t1) return null;
            const current = i === model.captions.length - 1;
            return <span key={i} className={`caption-mark ${current ? "current" : ""}`} style={{ left: ((c.t - t0) / (t1 - t0)) * width }} title={`${i + 1}. ${c.text}`} data-testid="caption-mark" />;
          })}
          <span className="now-line" style={{ left: ((model.now - t0) / (t1 - t0)) * width }} />
          {travelX !== null && <span className="travel-line axis-line" style={{ left: travelX }} />}
        </div>
      </div>
      <div className="lanes" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div className="lanes-inner" style={{ height: rows.length * ROW_H }}>
          <SwapMarkers swaps={model.swaps} t0={t0} t1={t1} left={HEAD_W} width={width} top={scrollTop} height={size.height} focusT={caption?.t} />
          {travelX !== null && (
            <div className="travel-layer" style={{ left: HEAD_W, width, top: scrollTop, height: size.height }} aria-hidden>
              <div className="travel-future" style={{ transform: `translateX(${Math.max(0, travelX)}px)` }} />
              <div className="travel-line" style={{ transform: `translateX(${travelX}px)` }} />
            </div>
          )}
          {showMessages && (
            <MessageArrows sends={model.sends} lanes={model.lanes} rowOf={rowOf} rowHeight={ROW_H} t0={t0} t1={t1} left={HEAD_W} width={width} height={rows.length * ROW_H} />
          )}
          {rows.slice(first, last).map(({ lane, depth }, i) => {
            const hue = pidHue(lane.pid);
            const at = travelT === null ? undefined : laneAt(model, lane, travelT);
            return (
              <div
                key={lane.pid}
                className={`lane ${lane.pid === selected ? "selected" : ""} ${at?.status ?? lane.status} ${mentioned.has(lane.pid) ? "mentioned" : ""}`}
                style={{ top: (first + i) * ROW_H, height: ROW_H }}
                data-testid="process-row"
                data-pid={lane.pid}
                data-name={lane.name ?? ""}
                onClick={() => appStore.setState({ selectedPid: lane.pid })}
                onContextMenu={(e) => {
                  e.preventDefault();
                  appStore.setState({ selectedPid: lane.pid });
                  setMenu({ pid: lane.pid, x: e.clientX, y: e.clientY });
                }}
              >
                <div style={{ width: HEAD_W }} className="lane-head-cell">
                  <LaneHeader lane={lane} depth={depth} hue={hue} model={model} selected={lane.pid === selected} at={at} compact={HEAD_W < 300} onMenu={(x, y) => setMenu({ pid: lane.pid, x, y })} />
                </div>
                <div className="lane-track-cell" style={{ width }}>
                  <LaneTrack lane={lane} swaps={model.swaps} t0={t0} t1={t1} width={width} now={model.now} hue={hue} pokes={pokesOf.get(lane.pid)} rev={version} />
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
                {seedHintFor(title) && <p className="muted">{seedHintFor(title)}</p>}
              </>
            )}
          </div>
        )}
      </div>
      {menu && <RowMenu at={menu} onClose={() => setMenu(null)} />}
    </section>
  );
}

/** Zooming out stops once the whole run (and a little room) is in view: no window of empty minutes. */
function canZoomOut(view: TimeView, now: number): boolean {
  return zoom(view, now, 1.6).span > view.span;
}
