/**
 * The left part of a lane: indentation by supervision depth, the process's accent, pid, name,
 * module with the version it runs (marked *old* when a newer one is loaded), and its current
 * state — briefly highlighted when it changes.
 */
import type { Lane, Model } from "../store/model";
import { readableReason, shortVsn, stripQuotes } from "../format";

type Props = { lane: Lane; depth: number; hue: number; model: Model; selected: boolean };

const KIND_LABEL: Record<string, string> = { supervisor: "sup", dynamic_supervisor: "dynsup", gen_server: "gen", shell: "shell", process: "proc" };

/** What a lane is called: its registered name, else its module, else its kind. */
export function laneTitle(lane: Lane): string {
  return lane.name ?? lane.module ?? (lane.kind === "shell" ? "shell" : "process");
}

export function LaneHeader({ lane, depth, hue, model, selected }: Props) {
  const versions = lane.module ? model.versions.get(lane.module) : undefined;
  const runsOld = !!versions && !!lane.vsn && lane.vsn !== versions.current && lane.kind === "process";
  const title = laneTitle(lane);
  // A supervisor's state is its child specs: long and not the point here (the inspector has it).
  const isSup = lane.kind === "supervisor" || lane.kind === "dynamic_supervisor";
  const state = lane.status === "dead" ? readableReason(stripQuotes(lane.reason ?? "dead")) : lane.status === "suspended" ? "suspended" : isSup ? "" : lane.state ?? "";
  return (
    <div className={`lane-head ${selected ? "selected" : ""}`} style={{ paddingLeft: 10 + depth * 16, ["--hue" as string]: hue }}>
      {depth > 0 && <span className="tree-elbow" aria-hidden>└</span>}
      <span className={`status-dot ${lane.status} ${lane.crashed ? "crash" : ""}`} title={lane.status} />
      <span className="lane-title">
        <span className="lane-name">{title}</span>
        <span className="lane-pid mono">
          {lane.pid.replace("#PID", "")}
          {/* A narrow timeline hides the module chip; the version it runs is the lesson, so it stays. */}
          {lane.module && lane.vsn && <span className={`lane-vsn ${runsOld ? "old" : ""}`}> · v{shortVsn(lane.vsn)}{runsOld ? " old" : ""}</span>}
        </span>
      </span>
      <span className="lane-meta">
        {lane.module && (
          <span className={`chip ${runsOld ? "old" : ""}`} title={runsOld ? "started in an older version of this module" : `${lane.module} version ${lane.vsn ?? "?"}`}>
            {KIND_LABEL[lane.kind] ?? lane.kind} · {lane.module}
            {lane.vsn ? ` v${shortVsn(lane.vsn)}` : ""}
            {runsOld ? " old" : ""}
          </span>
        )}
        {!lane.module && <span className="chip">{KIND_LABEL[lane.kind] ?? lane.kind}</span>}
      </span>
      <span key={state} className={`lane-state mono ${lane.status === "dead" && lane.crashed ? "crash" : ""}`} data-testid="process-state" title={state}>
        {state}
      </span>
    </div>
  );
}
