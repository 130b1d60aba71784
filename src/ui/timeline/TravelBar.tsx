/**
 * The time-travel scrubber: a slider over virtual time from 0 to the present, the moment shown,
 * and one button back to the present (which kept running, or stays paused). ←/→ on the slider
 * step between the moments a row changed, as they do anywhere outside a text field.
 */
import { useApp } from "../store/appStore";
import { formatTime } from "../format";
import { backToPresent, travelHome, travelStep, travelTo } from "../app/travel";

export function TravelBar({ now }: { now: number }) {
  const at = useApp((s) => s.travelT);
  const paused = useApp((s) => s.paused);
  const travelling = at !== null;
  return (
    <div className={`travel-bar ${travelling ? "on" : ""}`} data-testid="travel-bar">
      <input
        type="range"
        className="travel-slider"
        data-testid="travel-slider"
        aria-label="Time travel: the moment the timeline shows"
        aria-valuetext={travelling ? `${formatTime(at)} (the present is ${formatTime(now)})` : `the present, ${formatTime(now)}`}
        min={0}
        max={Math.max(1, now)}
        step="any"
        value={at ?? now}
        onChange={(e) => travelTo(Number(e.target.value))}
        onKeyDown={(e) => {
          const step = e.key === "ArrowLeft" || e.key === "ArrowDown" ? -1 : e.key === "ArrowRight" || e.key === "ArrowUp" ? 1 : 0;
          if (step) travelStep(step);
          else if (e.key === "Home") travelHome();
          else if (e.key === "End" || e.key === "Escape") backToPresent();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {travelling ? (
        <>
          <span className="travel-at mono" data-testid="travel-time" title="The moment shown: every row, the inspector and the tree as they were then">
            at {formatTime(at)}
          </span>
          <button className="small present" data-testid="travel-present" onClick={backToPresent} title={`Back to the present (End or Esc): ${paused ? "paused" : "it kept running"} at ${formatTime(now)}`}>
            ● Present
          </button>
        </>
      ) : (
        <span className="travel-hint muted" title="Drag on the time axis or this slider; ← steps back between the moments a row changed, → forward, Home goes to the start, End or Esc back to the present">
          ← to look back
        </span>
      )}
    </div>
  );
}
