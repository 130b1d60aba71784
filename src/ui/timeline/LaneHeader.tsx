/**
 * The left part of a lane: indentation by supervision depth, the process's accent, pid, name,
 * module with the version it runs (marked *old* when a newer one is loaded), and its state —
 * briefly highlighted when it changes. While travelling in time (`at`), all of it as it was then.
 * The header is the row's keyboard handle: one tab stop per row, Enter selects, the context-menu
 * key (or Shift+F10) opens the row's actions.
 */
import type { Lane, Model } from "../store/model";
import type { LaneAt } from "../store/travel";
import { formatTerm, readableReason, shortVsn, stripQuotes } from "../format";
import { appStore } from "../store/appStore";
import { clipValue } from "./LaneTrack";

type Props = { lane: Lane; depth: number; hue: number; model: Model; selected: boolean; at?: LaneAt; compact?: boolean; onMenu?: (x: number, y: number) => void };

const KIND_LABEL: Record<string, string> = { supervisor: "sup", dynamic_supervisor: "dynsup", gen_server: "gen", shell: "shell", process: "proc" };

/** What a lane is called: its registered name, else its module, else its kind. */
export function laneTitle(lane: Lane): string {
  return lane.name ?? lane.module ?? (lane.kind === "shell" ? "shell" : "process");
}

/** What the row says about a process at the moment shown (the present, or a travelled-to past). */
function shownState(lane: Lane, view: { status: string; state?: string; reason?: string }): { text: string; full: string } {
  const isSup = lane.kind === "supervisor" || lane.kind === "dynamic_supervisor";
  if (view.status === "unborn") return { text: "not started yet", full: "not started yet at this moment" };
  if (view.status === "dead") {
    const raw = stripQuotes(view.reason ?? "dead");
    const text = lane.gaveUp ? "gave up: too many restarts" : readableReason(raw);
    return { text, full: lane.gaveUp ? `gave up (reached_max_restart_intensity), exit reason ${formatTerm(view.reason ?? "", "reason")}` : `exited: ${text}${text !== raw ? `\n${formatTerm(view.reason ?? "", "reason")}` : ""}` };
  }
  if (view.status === "suspended") return { text: "suspended", full: `suspended (sys.suspend)${view.state !== undefined ? `, state ${view.state}` : ""}` };
  // A supervisor's state is its child specs: long and not the point here (the inspector has it).
  if (isSup || view.state === undefined) return { text: "", full: "" };
  const state = formatTerm(view.state, "state");
  return { text: state, full: `state ${state}` };
}

export function LaneHeader({ lane, depth, hue, model, selected, at, compact, onMenu }: Props) {
  const versions = lane.module ? model.versions.get(lane.module) : undefined;
  const vsn = at ? at.vsn : lane.vsn;
  const runsOld = at ? at.old : !!versions && !!lane.vsn && lane.vsn !== versions.current && lane.kind === "process";
  const title = laneTitle(lane);
  const view = at ?? { status: lane.status, state: lane.state, reason: lane.reason };
  const crashed = at ? at.crashed : lane.crashed;
  const { text: whole, full } = shownState(lane, view);
  // A long state is cut where no number is split ("{count: 13, …", never "{count: 1…"); the title has it all.
  const state = view.status === "alive" || view.status === "suspended" ? clipValue(whole, compact ? 16 : 23) : whole;
  const label = `${title} ${lane.pid}${vsn ? `, ${lane.module} v${shortVsn(vsn)}${runsOld ? " (old)" : ""}` : ""}${full ? `, ${full}` : ""}`;
  return (
    <div
      className={`lane-head ${selected ? "selected" : ""}`}
      style={{ paddingLeft: 10 + depth * 16, ["--hue" as string]: hue }}
      tabIndex={0}
      role="button"
      // The name is what the row shows (pid, module, state); the tooltip has it in full.
      title={label}
      aria-pressed={selected}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          e.stopPropagation();
          appStore.setState({ selectedPid: lane.pid });
        } else if (e.key === "ContextMenu" || (e.shiftKey && e.key === "F10")) {
          e.preventDefault();
          const r = e.currentTarget.getBoundingClientRect();
          appStore.setState({ selectedPid: lane.pid });
          onMenu?.(r.left + 40, r.bottom);
        }
      }}
    >
      {depth > 0 && <span className="tree-elbow" aria-hidden>└</span>}
      <span className={`status-dot ${view.status} ${crashed ? "crash" : ""}`} aria-hidden />
      <span className="lane-title">
        <span className="lane-name">{title}</span>
        <span className="lane-pid mono">
          {lane.pid.replace("#PID", "")}
          {/* A narrow timeline hides the module chip; the version it runs is the lesson, so it stays. */}
          {lane.module && vsn && <span className={`lane-vsn ${runsOld ? "old" : ""}`} data-testid="lane-vsn"> · v{shortVsn(vsn)}{runsOld ? " old" : ""}</span>}
        </span>
      </span>
      <span className="lane-meta">
        {lane.module && (
          <span className={`chip ${runsOld ? "old" : ""}`} title={runsOld ? "started in an older version of this module" : `${lane.module} version ${vsn ?? "?"}`} data-testid="lane-chip">
            {KIND_LABEL[lane.kind] ?? lane.kind} · {lane.module}
            {vsn ? ` v${shortVsn(vsn)}` : ""}
            {runsOld ? " old" : ""}
          </span>
        )}
        {!lane.module && <span className="chip">{KIND_LABEL[lane.kind] ?? lane.kind}</span>}
      </span>
      <span key={state} className={`lane-state mono ${view.status === "dead" && crashed ? "crash" : ""} ${view.status === "unborn" ? "muted" : ""}`} data-testid="process-state" title={full}>
        {state}
      </span>
    </div>
  );
}
