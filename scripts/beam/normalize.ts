/**
 * What a conformance comparison sees of a log line, shared by the BEAM recorder and the engine's
 * test (src/session/elixirConformance.test.ts) so both sides are normalised the same way:
 * `"<t> <text>"` with each distinct `#PID<…>` renamed `#PID<P1>`, `#PID<P2>`, … and each
 * `#Reference<…>` renamed `#Reference<R1>`, … in order of first appearance, and every
 * `#Function<…>` written `#Function<F>` (its BEAM name holds a hash no other engine can
 * reproduce). The BEAM's wall-clock times are floored to the scenario's grain (see `virtualTime`).
 */

export type LogLine = { t: number; text: string };

export function normalizeLines(lines: readonly LogLine[]): string[] {
  const pids = new Map<string, string>();
  const refs = new Map<string, string>();
  const rename = (table: Map<string, string>, prefix: string, tag: string) => (found: string) => {
    if (!table.has(found)) table.set(found, `#${tag}<${prefix}${table.size + 1}>`);
    return table.get(found)!;
  };
  return lines.map(({ t, text }) =>
    `${t} ${text}`
      .replace(/#PID<[\d.]+>/g, rename(pids, "P", "PID"))
      .replace(/#Reference<[\d.]+>/g, rename(refs, "R", "Reference"))
      .replace(/#Function<[^>]*>/g, "#Function<F>"));
}

/**
 * The engine's virtual ms for a line the BEAM printed `wallMs` after Main.start(). On the BEAM a
 * timer, sleep or script step fires at its time or later (timers round up to the next ms, and
 * a stop's timeout was seen to fire 0.1 ms short of it, so a little earliness is allowed too),
 * and the delays add up along a chain of hops, about a millisecond each. So with every time a
 * scenario can produce on a grid of `grain` ms, the virtual time is the grid point just at or
 * before the wall time, as long as the accumulated delay stays under one grain less EARLY_MS.
 */
export function virtualTime(wallMs: number, grain: number): number {
  return Math.floor((wallMs + earlyMs(grain)) / grain) * grain;
}

/** How early (ms) a line may come before its time and still count as on time. */
export function earlyMs(grain: number): number {
  return Math.min(5, grain / 10);
}
