/** Small formatting helpers shared by the panels: times, pid colours, short versions. */

/** Virtual ms as the UI prints it: "850ms", "12.5s", "3m 05s". */
export function formatTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${m}m ${String(s).padStart(2, "0")}s`;
}

/** A short axis label: "0s", "5s", "1m 30s". */
export function formatTick(ms: number): string {
  if (ms < 1000 && ms !== 0) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)}s`;
  return formatTime(ms);
}

/** One stable accent per process, from its pid number, spread around the colour wheel. */
export function pidHue(pid: string): number {
  const n = Number(/<\d+\.(\d+)\./.exec(pid)?.[1] ?? 0);
  return (n * 137.508) % 360;
}

/** "#PID<0.81.0>" → "<0.81.0>" where space is short. */
export function shortPid(pid: string): string {
  return pid.replace(/^#PID/, "");
}

/** Hash versions are long; numbered ones ("2") stay as they are. */
export function shortVsn(vsn: string | null | undefined): string {
  if (vsn == null) return "—";
  const v = vsn.replace(/^"(.*)"$/, "$1");
  return v.length > 8 ? v.slice(0, 7) : v;
}

export function stripQuotes(s: string): string {
  return s.replace(/^"(.*)"$/, "$1");
}

/** What a printed term is, where it shows (a later Elixir printer may word each differently). */
export type TermRole = "state" | "reason" | "message" | "name" | "value";

/**
 * Every term the page shows goes through here: the one place that decides how a printed term
 * (the runtime's `inspect` output, SPEC §8) reads on screen. Today it shows it as printed.
 */
export function formatTerm(printed: string, _role: TermRole = "value"): string {
  return printed;
}

/** A raised error reads as its message: `[%Error{message: "boom"}, …]` → `Error: boom`. */
export function readableReason(reason: string): string {
  const m = /^\[?%([\w.]+)\{message: "((?:[^"\\]|\\.)*)"/.exec(reason);
  if (m) return `${m[1]}: ${m[2]}`;
  // A failed call's exit, ["timeout", ["GenServer", "call", [args]]]: what failed first, as Elixir's "exited in: …".
  const call = /^\["(\w+)", \["(GenServer|sys|Supervisor|DynamicSupervisor)", "(\w+)", \[(.*)\]\]\]$/.exec(reason);
  if (call) return `${call[1]} in ${call[2]}.${call[3]}(${call[4]})`;
  // A tagged reason with a text, ["killed", "runaway: ran 1000 ms without waiting"]: tag, then the words.
  const tagged = /^\["(\w+)", "((?:[^"\\]|\\.)*)"\]$/.exec(reason);
  if (tagged) return `${tagged[1]}: ${tagged[2]}`;
  return formatTerm(reason, "reason");
}
