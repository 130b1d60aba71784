/**
 * The supervision tree as a tree (Observer's applications tab): supervisors with their children,
 * status, and restarts visible as exited siblings. Click selects the process.
 */
import { useMemo, useState } from "react";
import { useModel, useTimelineVersion } from "../store/timelineStore";
import { appStore, useApp } from "../store/appStore";
import { treeRows } from "../store/tree";
import { pidHue, stripQuotes } from "../format";

const MAX_ROWS = 2000;

export function SupervisionTree() {
  const model = useModel();
  const version = useTimelineVersion();
  const selected = useApp((s) => s.selectedPid);
  const [showDead, setShowDead] = useState(false);
  const rows = useMemo(() => treeRows(model.lanes, !showDead), [model, version, showDead]);
  return (
    <div className="tree-view">
      <div className="panel-tools">
        <label className="check"><input type="checkbox" checked={showDead} onChange={(e) => setShowDead(e.target.checked)} /> show exited</label>
        <span className="spacer" />
        <span className="muted">{rows.length} processes</span>
      </div>
      <div className="tree-scroll">
        {rows.slice(0, MAX_ROWS).map(({ lane, depth }) => (
          <button
            key={lane.pid}
            className={`tree-row ${lane.pid === selected ? "selected" : ""}`}
            style={{ paddingLeft: 12 + depth * 18, ["--hue" as string]: pidHue(lane.pid) }}
            onClick={() => appStore.setState({ selectedPid: lane.pid })}
          >
            <span className={`status-dot ${lane.status} ${lane.crashed ? "crash" : ""}`} />
            <span className="tree-kind">{lane.kind === "supervisor" || lane.kind === "dynamic_supervisor" ? "▾" : "·"}</span>
            <span>{lane.name ?? lane.module ?? lane.kind}</span>
            <span className="mono muted">{lane.pid.replace("#PID", "")}</span>
            {lane.status === "dead" && <span className={`mono small ${lane.crashed ? "crash" : "muted"}`}>{stripQuotes(lane.reason ?? "")}</span>}
          </button>
        ))}
        {rows.length > MAX_ROWS && <div className="muted small">… {rows.length - MAX_ROWS} more</div>}
      </div>
    </div>
  );
}
