/**
 * A vertical marker across every lane at each code load, labelled with what changed:
 * "recompile · Counter v1 → v2". Drawn in the visible part of the lane area only.
 */
import { isInitialLoad, type Swap } from "../store/model";
import { shortVsn } from "../format";

type Props = { swaps: Swap[]; t0: number; t1: number; left: number; width: number; top: number; height: number };
type FlagProps = { swaps: Swap[]; t0: number; t1: number; width: number };

/** The labels, in the axis row above the lanes, so they never cover a lane. */
export function SwapFlags({ swaps, t0, t1, width }: FlagProps) {
  let lastRight = -Infinity;
  return (
    <>
      {swaps.map((swap) => {
        if (swap.t < t0 || swap.t > t1 || isInitialLoad(swap)) return null;
        const x = ((swap.t - t0) / (t1 - t0)) * width;
        const killed = [...swap.reports.values()].filter((r) => r.kind === "killed").length;
        const label = swapLabel(swap);
        // Crowded markers: later labels stack into a second line instead of overlapping.
        const row = x < lastRight ? 1 : 0;
        const labelWidth = label.length * 6.5 + 20;
        if (row === 0) lastRight = x + labelWidth;
        // Near the right edge the label hangs to the left of its marker instead of being cut.
        const flip = x + labelWidth > width;
        return (
          <span key={swap.id} className={`swap-flag ${swap.action ?? "load"} ${flip ? "flip" : ""}`} style={{ left: x, top: row ? 15 : 2 }} title={label} data-testid="swap-label">
            {label}
            {killed ? <span className="swap-killed"> · {killed} killed</span> : null}
          </span>
        );
      })}
    </>
  );
}

export function swapLabel(swap: Swap): string {
  const what = swap.modules.map((m) => `${m.module} ${m.previous ? `v${shortVsn(m.previous)} → ` : ""}v${shortVsn(m.vsn)}`);
  const purged = swap.modules.length === 0 ? swap.purged.map((p) => `purge ${p.module} v${shortVsn(p.vsn)}`) : [];
  return [swap.action ?? (swap.modules.length ? "load" : ""), [...what, ...purged].join(", ")].filter(Boolean).join(" · ");
}

export function SwapMarkers({ swaps, t0, t1, left, width, top, height }: Props) {
  return (
    <div className="swap-layer" style={{ left, width, top, height }}>
      {swaps.map((swap) => {
        if (swap.t < t0 || swap.t > t1 || isInitialLoad(swap)) return null;
        const x = ((swap.t - t0) / (t1 - t0)) * width;
        return (
          <div key={swap.id} className={`swap-marker ${swap.action ?? "load"}`} style={{ left: x }} data-testid="swap-marker" data-t={swap.t} title={swapLabel(swap)} />
        );
      })}
    </div>
  );
}
