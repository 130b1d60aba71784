/**
 * The supervision tree as a tree (Observer's applications tab): supervisors with their children,
 * status, and restarts visible as exited siblings. Click selects the process. While travelling in
 * time it shows who was alive at that moment (store/travel.ts).
 */
import { memo, useMemo, useState } from "react";
import type { Lane } from "../store/model";
import { useModel, useTimelineVersion } from "../store/timelineStore";
import { appStore, useApp } from "../store/appStore";
import { treeRows } from "../store/tree";
import { formatTerm, formatTime, pidHue, readableReason, stripQuotes } from "../format";
import { laneAt } from "../store/travel";

const MAX_ROWS = 2000;

export function SupervisionTree() {
  const model = useModel();
  const version = useTimelineVersion();
  const selected = useApp((s) => s.selectedPid);
  const [showDead, setShowDead] = useState(false);
  const travelT = useApp((s) => s.travelT);
  const rows = useMemo(() => {
    if (travelT === null) return treeRows(model.lanes, !showDead).map((r) => ({ ...r, status: r.lane.status, crashed: r.lane.crashed }));
    // At a past moment: the processes alive then (and, if asked, those that had exited by then).
    return treeRows(model.lanes)
      .map((r) => ({ ...r, at: laneAt(model, r.lane, travelT) }))
      .filter((r) => r.at.status !== "unborn" && (showDead || r.at.status !== "dead"))
      .map((r) => ({ lane: r.lane, depth: r.depth, status: r.at.status, crashed: r.at.crashed }));
  }, [model, version, showDead, travelT]);
  return (
    <div className="tree-view">
      <div className="panel-tools">
        <label className="check"><input type="checkbox" checked={showDead} onChange={(e) => setShowDead(e.target.checked)} /> show exited</label>
        <span className="spacer" />
        <span className="muted" data-testid="tree-count">{rows.length} processes{travelT !== null ? ` at ${formatTime(travelT)}` : ""}</span>
      </div>
      <div className="tree-scroll">
        {rows.slice(0, MAX_ROWS).map(({ lane, depth, status, crashed }) => (
          <TreeRow key={lane.pid} lane={lane} depth={depth} status={status} crashed={crashed} selected={lane.pid === selected} rev={version} />
        ))}
        {rows.length > MAX_ROWS && <div className="muted small">… {rows.length - MAX_ROWS} more</div>}
      </div>
    </div>
  );
}

type RowProps = { lane: Lane; depth: number; status: string; crashed: boolean; selected: boolean; rev: number };

/** One process in the tree. Memoised (lanes change in place, with `rev`): a scrub redraws only the rows whose status changed. */
const TreeRow = memo(function TreeRow({ lane, depth, status, crashed, selected }: RowProps) {
  return (
    <button
      className={`tree-row ${selected ? "selected" : ""}`}
      style={{ paddingLeft: 12 + depth * 18, ["--hue" as string]: pidHue(lane.pid) }}
      onClick={() => appStore.setState({ selectedPid: lane.pid })}
    >
      <span className={`status-dot ${status} ${crashed ? "crash" : ""}`} aria-hidden />
      <span className="tree-kind">{lane.kind === "supervisor" || lane.kind === "dynamic_supervisor" ? "▾" : "·"}</span>
      <span>{lane.name ?? lane.module ?? lane.kind}</span>
      <span className="mono muted">{lane.pid.replace("#PID", "")}</span>
      {status === "dead" && <span className={`mono small ${crashed ? "crash" : "muted"}`} title={formatTerm(lane.reason ?? "", "reason")}>{lane.gaveUp ? "gave up: too many restarts" : readableReason(stripQuotes(lane.reason ?? ""))}</span>}
    </button>
  );
});
