/**
 * A vertical marker across every lane at each code load, labelled with what changed:
 * "recompile · Counter v1 → v2". Drawn in the visible part of the lane area only.
 */
import { isInitialLoad, type Swap } from "../store/model";
import { shortVsn } from "../format";

type Props = { swaps: Swap[]; t0: number; t1: number; left: number; width: number; top: number; height: number; focusT?: number };
type FlagProps = { swaps: Swap[]; t0: number; t1: number; width: number; onPick?: (swap: Swap) => void };

/** The labels, in the axis row above the lanes, so they never cover a lane. */
export function SwapFlags({ swaps, t0, t1, width, onPick }: FlagProps) {
  const rowRight = [-Infinity, -Infinity];
  return (
    <>
      {swaps.map((swap) => {
        if (swap.t < t0 || swap.t > t1 || isInitialLoad(swap)) return null;
        const x = ((swap.t - t0) / (t1 - t0)) * width;
        const killed = [...swap.reports.values()].filter((r) => r.kind === "killed").length;
        // A narrow track (an embed) names the modules only: hash versions are noise there.
        // A recompile keeps state without asking the module: the flag says so in words.
        const keptText = swap.action === "recompile" && !killed && !swap.purged.length ? " · code_change not called" : "";
        const killedText = (killed ? ` · ${killed} killed` : "") + keptText;
        const placeFor = (text: string) => {
          const labelWidth = (text.length + killedText.length) * 6.5 + 16;
          // The label hangs right of its marker; near the right edge, left of it; if neither fits,
          // it is shifted to fit (the marker line still shows the time).
          let place = x + labelWidth <= width ? "right" : x - labelWidth >= 0 ? "flip" : "shift";
          let from = place === "right" ? x : place === "flip" ? x - labelWidth : Math.max(0, width - labelWidth);
          let free = rowRight.findIndex((r) => from >= r);
          // Flipped over an earlier label: flush right may still be free.
          const shifted = Math.max(0, width - labelWidth);
          if (free < 0 && place === "flip" && shifted <= x) {
            const f = rowRight.findIndex((r) => shifted >= r - 8); // widths above are estimated generously
            if (f >= 0) [place, from, free] = ["shift", shifted, f];
          }
          return { labelWidth, place, from, free };
        };
        // A narrow track (an embed) names the modules only: hash versions are noise there. So does
        // a crowded one, when the full label would cover both lines' labels.
        let label = width < 520 ? swapLabel(swap, false) : swapLabel(swap);
        let fit = placeFor(label);
        if (fit.free < 0 && width >= 520) {
          const short = swapLabel(swap, false);
          const shortFit = placeFor(short);
          if (shortFit.free >= 0 || shortFit.labelWidth < fit.labelWidth) [label, fit] = [short, shortFit];
        }
        // Still no free line: the action alone ("restart") rather than cover an earlier label.
        if (fit.free < 0 && swap.action) {
          const bare = placeFor(swap.action);
          if (bare.free >= 0) [label, fit] = [swap.action, bare];
        }
        const { labelWidth, place, from } = fit;
        // Crowded markers: a label that would overlap the one before goes on the second line (or,
        // if both are taken, on the line that ends first).
        const row = fit.free >= 0 ? fit.free : rowRight[0] <= rowRight[1] ? 0 : 1;
        rowRight[row] = from + labelWidth;
        return (
          // A pointer shortcut (the keyboard has ←/→ and the slider), so not a tab stop of its own.
          <span
            key={swap.id}
            className={`swap-flag ${swap.action ?? "load"} ${place === "right" ? "" : place}`}
            style={{ left: place === "shift" ? from : x, top: row ? 17 : 2 }}
            title={`${swapLabel(swap)}${killedText}. Click: the moment just before it (→ then shows just after)`}
            data-testid="swap-label"
            onClick={() => onPick?.(swap)}
          >
            {label}
            {killed ? <span className="swap-killed">{` · ${killed} killed`}</span> : null}
            {keptText && label !== swap.action ? <span className="swap-kept">{keptText}</span> : null}
          </span>
        );
      })}
    </>
  );
}

export function swapLabel(swap: Swap, versions = true): string {
  const what = swap.modules.map((m) => (versions ? `${m.module} ${m.previous ? `v${shortVsn(m.previous)} → ` : ""}v${shortVsn(m.vsn)}` : m.module));
  const purged = swap.modules.length === 0 ? swap.purged.map((p) => `purge ${p.module} v${shortVsn(p.vsn)}`) : [];
  return [swap.action ?? (swap.modules.length ? "load" : ""), [...what, ...purged].join(", ")].filter(Boolean).join(" · ");
}

export function SwapMarkers({ swaps, t0, t1, left, width, top, height, focusT }: Props) {
  return (
    <div className="swap-layer" style={{ left, width, top, height }}>
      {swaps.map((swap) => {
        if (swap.t < t0 || swap.t > t1 || isInitialLoad(swap)) return null;
        const x = ((swap.t - t0) / (t1 - t0)) * width;
        return (
          <div key={swap.id} className={`swap-marker ${swap.action ?? "load"} ${focusT !== undefined && Math.abs(focusT - swap.t) <= 1 ? "focus" : ""}`} style={{ left: x }} data-testid="swap-marker" data-t={swap.t} title={swapLabel(swap)} />
        );
      })}
    </div>
  );
}
