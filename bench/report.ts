/**
 * The readable report: one row per metric with each library's number, our ratio to each
 * (how many times better we are: >1 means we win), and the targets with pass/fail. A
 * throughput target is decided by the median of its per-round ratios: run.ts measures the
 * libraries round by round, one after another, so both sides of a ratio come from the same
 * few seconds and one noisy phase of the machine cannot decide it alone.
 */
import { BEAM_REFERENCE } from "./beam";
import type { Metrics } from "./measure";

export type Results = { us: Metrics | null; xstate: Metrics | null; nact: Metrics | null; beam: Metrics | null };
type Lib = keyof Results;
/** The first round (every metric) and the extra rounds (ring and ping-pong only), in order. */
export type Rounds = Results[];

type Key = "spawn_us_per_process" | "ring_ns_per_msg" | "pingpong_ns_per_roundtrip" | "cast_ns_per_msg" | "bytes_per_idle_process";

const ROWS: Array<{ key: Key; label: string; ref?: number }> = [
  { key: "spawn_us_per_process", label: "spawn, µs/process", ref: BEAM_REFERENCE.spawn_us_per_process },
  { key: "ring_ns_per_msg", label: "ring, ns/msg", ref: BEAM_REFERENCE.ring_ns_per_msg },
  { key: "pingpong_ns_per_roundtrip", label: "ping-pong, ns/round trip", ref: BEAM_REFERENCE.pingpong_ns_per_roundtrip },
  { key: "cast_ns_per_msg", label: "GenServer cast, ns/msg" },
  { key: "bytes_per_idle_process", label: "idle process, bytes", ref: BEAM_REFERENCE.bytes_per_idle_process },
];

/** Slack over the 10 ms budget for one `advance` call: the last check and the await around it. */
const SLICE_TARGET_MS = 12;

const fmt = (x: number | null | undefined): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  if (x >= 100) return Math.round(x).toLocaleString("en-US");
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
};
/** Cost ratio other/us: how many times cheaper (faster, smaller) we are. */
const times = (other: number | null | undefined, us: number | null | undefined): string =>
  other && us ? `${fmt(other / us)}×` : "—";

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")).join("\n");
}

type Check = { name: string; pass: boolean | null; detail: string };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Each library's number for `key`: the median over the rounds that measured it. */
export function combine(rounds: Rounds): Results {
  const first = rounds[0];
  const out = { ...first };
  for (const lib of Object.keys(first) as Lib[]) {
    const m = first[lib];
    if (!m) continue;
    const merged = { ...m };
    for (const key of ["ring_ns_per_msg", "pingpong_ns_per_roundtrip"] as const) {
      const xs = rounds.map((r) => r[lib]?.[key]).filter((x): x is number => x != null);
      if (xs.length) merged[key] = median(xs);
    }
    const floors = rounds.map((r) => r[lib]?.floor).filter((f) => f != null);
    if (floors.length) {
      merged.floor = {
        ring_ns_per_msg: median(floors.map((f) => f.ring_ns_per_msg)),
        pingpong_ns_per_roundtrip: median(floors.map((f) => f.pingpong_ns_per_roundtrip)),
      };
    }
    out[lib] = merged;
  }
  return out;
}

/** The per-round ratios other/us for `key` (how many times cheaper we are), where both were measured. */
function roundRatios(rounds: Rounds, key: Key, other: (r: Results) => number | null | undefined): number[] {
  return rounds
    .map((r) => ({ mine: r.us?.[key], theirs: other(r) }))
    .filter((x): x is { mine: number; theirs: number } => x.mine != null && x.theirs != null && x.mine > 0)
    .map((x) => x.theirs / x.mine);
}

/** Each target of the brief; null when what it compares with was not measured. */
export function checks(rounds: Rounds): Check[] {
  const r = combine(rounds);
  const us = r.us;
  const out: Check[] = [];
  const better = (key: Key, other: (r: Results) => number | null | undefined, factor: number, name: string) => {
    const ratios = roundRatios(rounds, key, other);
    if (!ratios.length) return out.push({ name, pass: null, detail: "not measured" });
    const ratio = median(ratios);
    const pass = ratio >= factor;
    const each = ratios.length > 1 ? `, per round ${ratios.map((x) => `${fmt(x)}×`).join(" ")}` : "";
    out.push({ name, pass, detail: `${fmt(ratio)}× (need ${factor}×${each}): us ${fmt(us?.[key])} vs ${fmt(other(r))}` });
  };
  const beamMeasured = rounds.some((x) => x.beam != null);
  for (const [key, what, xstateFactor] of [["ring_ns_per_msg", "ring", 3], ["pingpong_ns_per_roundtrip", "ping-pong", 1]] as const) {
    better(key, (x) => x.nact?.[key], 10, `${what} ≥ 10× nact's throughput`);
    better(key, (x) => x.xstate?.[key], xstateFactor, `${what} ≥ ${xstateFactor}× xstate's throughput`);
    if (beamMeasured) better(key, (x) => x.beam?.[key], 3, `${what} ≥ 3× the BEAM's, measured in the same run`);
    else better(key, () => BEAM_REFERENCE[key], 3, `${what} ≥ 3× the BEAM's reference ${BEAM_REFERENCE[key]} ns (elixir not on PATH)`);
    // Within 2× of the floor: the runtime's own work costs at most as much again as bare generators.
    const floorRatios = rounds.map((x) => x.us?.floor_ratio?.[key]).filter((x): x is number => x != null);
    const name = `${what} within 2× of the design floor (bench/floor.ts)`;
    if (!floorRatios.length) out.push({ name, pass: null, detail: "not measured" });
    else {
      const ratio = median(floorRatios);
      const each = floorRatios.length > 1 ? `, per round ${floorRatios.map((x) => `${fmt(x)}×`).join(" ")}` : "";
      out.push({ name, pass: ratio <= 2, detail: `${fmt(ratio)}× the floor (need ≤ 2×${each}; ours and the floor's run in pairs): us ${fmt(us?.[key])} vs floor ${fmt(us?.floor?.[key])} ns` });
    }
  }
  const limit = (name: string, value: number | null | undefined, max: number, unit: string) =>
    out.push(value == null ? { name, pass: null, detail: "not measured" } : { name, pass: value <= max, detail: `${fmt(value)} ${unit} (max ${max})` });
  limit("idle process ≤ 1 KB", us?.bytes_per_idle_process, 1024, "B");
  // µs per process × 100k / 1000 = ms per 100k.
  limit("spawn 100k ≤ 1 s", us?.spawn_us_per_process == null ? null : us.spawn_us_per_process * 100, 1000, "ms per 100k");
  limit("tracing on ≤ 1.5× off", us?.tracing_cost_ratio, 1.5, "×");
  limit(`max slice ≤ 10 ms (+${SLICE_TARGET_MS - 10} ms slack)`, us?.max_slice_ms, SLICE_TARGET_MS, "ms");
  return out;
}

export function report(rounds: Rounds): string {
  const r = combine(rounds);
  const head = ["metric", "us", "xstate", "nact", "beam", "beam ref", "vs nact", "vs xstate", "vs beam ref"];
  const rows = ROWS.map(({ key, label, ref }) => {
    const mine = r.us?.[key];
    return [label, fmt(mine), fmt(r.xstate?.[key]), fmt(r.nact?.[key]), fmt(r.beam?.[key]), fmt(ref), times(r.nact?.[key], mine), times(r.xstate?.[key], mine), times(ref, mine)];
  });
  rows.push(["ring, Erlang-style tail loop, ns/msg", fmt(r.us?.ring_tail_ns_per_msg), "", "", "", "", "", "", ""]);
  rows.push(["design floor: ring, ns/msg (bench/floor.ts)", fmt(r.us?.floor?.ring_ns_per_msg), "", "", "", "", "", "", ""]);
  rows.push(["design floor: ping-pong, ns/round trip", fmt(r.us?.floor?.pingpong_ns_per_roundtrip), "", "", "", "", "", "", ""]);
  rows.push(["tracing on / off (ring)", fmt(r.us?.tracing_cost_ratio), "", "", "", "", "", "", ""]);
  rows.push(["max wall slice of advance(t, 10 ms), ms", fmt(r.us?.max_slice_ms), "", "", "", "", "", "", ""]);
  const lines = [
    table([head, ...rows]), "",
    "Ratios: how many times cheaper ours is (> 1× means we win).",
    rounds.length > 1 ? `Ring and ping-pong: the median of ${rounds.length} rounds (the libraries one after another in each); a target's ratio is the median of its per-round ratios.` : "",
    "", "Targets:",
  ];
  for (const c of checks(rounds)) lines.push(`  ${c.pass === null ? "n/a " : c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  lines.push("", "Notes:");
  for (const [lib, m] of Object.entries(r)) {
    if (!m) lines.push(`  ${lib}: not measured`);
    else for (const n of m.notes ?? []) lines.push(`  ${lib}: ${n}`);
  }
  return lines.join("\n");
}
