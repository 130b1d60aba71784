/**
 * A vertical marker across every lane at each code load, labelled with what changed:
 * "recompile · Counter v1 → v2". Drawn in the visible part of the lane area only.
 */
import type { Swap } from "../store/model";
import { shortVsn } from "../format";

type Props = { swaps: Swap[]; t0: number; t1: number; left: number; width: number; top: number; height: number };

export function swapLabel(swap: Swap): string {
  const what = swap.modules.map((m) => `${m.module} ${m.previous ? `v${shortVsn(m.previous)} → ` : ""}v${shortVsn(m.vsn)}`);
  const purged = swap.modules.length === 0 ? swap.purged.map((p) => `purge ${p.module} v${shortVsn(p.vsn)}`) : [];
  return [swap.action ?? (swap.modules.length ? "load" : ""), [...what, ...purged].join(", ")].filter(Boolean).join(" · ");
}

export function SwapMarkers({ swaps, t0, t1, left, width, top, height }: Props) {
  return (
    <div className="swap-layer" style={{ left, width, top, height }}>
      {swaps.map((swap) => {
        if (swap.t < t0 || swap.t > t1) return null;
        const x = ((swap.t - t0) / (t1 - t0)) * width;
        const killed = [...swap.reports.values()].filter((r) => r.kind === "killed").length;
        return (
          <div key={swap.id} className={`swap-marker ${swap.action ?? "load"}`} style={{ left: x }} data-testid="swap-marker" data-t={swap.t}>
            <span className="swap-label">
              {swapLabel(swap)}
              {killed ? <span className="swap-killed"> · {killed} killed</span> : null}
            </span>
          </div>
        );
      })}
    </div>
  );
}
