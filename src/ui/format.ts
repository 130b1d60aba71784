/**
 * Small formatting helpers shared by the panels: times, pid colours, short versions; and the one
 * place that decides how terms, reasons, module and process names read on screen, chosen by the
 * snippet's language (`setDisplayLanguage`): an Elixir snippet's terms arrive printed by Elixir's
 * `inspect` (SPEC §10) and are shown as an Elixir user reads them (`Counter`, `:counter`,
 * `** (RuntimeError) boom`); a TypeScript snippet's stay as they always were.
 */

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

export type DisplayLanguage = "typescript" | "elixir";
let language: DisplayLanguage = "typescript";

/** The language terms are shown in: the snippet's (the app sets it whenever the files change). */
export function setDisplayLanguage(next: DisplayLanguage): void {
  language = next;
}

export function displayLanguage(): DisplayLanguage {
  return language;
}

/** A module's name as people read it: Elixir's `Elixir.Counter` is `Counter`, in any snippet. */
export function displayModule(name: string): string {
  return name.startsWith("Elixir.") ? name.slice(7) : name;
}

/** What a printed term is, where it shows. */
export type TermRole = "state" | "reason" | "message" | "name" | "value";

/**
 * Every term the page shows goes through here: the one place that decides how a printed term
 * (the runtime's `inspect` output, SPEC §8) reads on screen. Terms are shown as printed; in an
 * Elixir snippet a registered name reads as the atom it is (`:counter`, or `Counter` for a module).
 */
export function formatTerm(printed: string, role: TermRole = "value"): string {
  if (language === "elixir" && role === "name") return elixirName(stripQuotes(printed));
  return printed;
}

/** A registered name (an atom's text) as Elixir's inspect prints the atom. */
export function elixirName(name: string): string {
  const plain = displayModule(name);
  if (/^[A-Z]\w*(\.[A-Z]\w*)*$/.test(plain)) return plain;
  if (/^[a-z_][\w@]*[?!]?$/.test(plain)) return `:${plain}`;
  return `:${JSON.stringify(plain)}`;
}

/**
 * An Elixir crash reason `{exception, stacktrace}` (or an Erlang error term) read as Elixir's
 * Logger reads it: the exception's module and message, or null when it is a plain exit reason.
 */
export function elixirException(reason: string): { kind: string; message: string } | null {
  const raised = /^\{%([\w.]+)\{(.*)\}, \[.*\]\}$/s.exec(reason);
  if (raised) {
    const message = /(?:^|, )message: "((?:[^"\\]|\\.)*)"/.exec(raised[2]);
    return { kind: raised[1], message: message ? unescape(message[1]) : raised[2] };
  }
  // The BEAM's own errors, with their stack: {{:badmatch, v}, [...]}, {:badarith, [...]}.
  const erlang = /^\{(\{:badmatch, (.*)\}|:badarith|:function_clause|\{:case_clause, (.*)\}|:undef), \[.*\]\}$/s.exec(reason);
  if (!erlang) return null;
  if (erlang[2] !== undefined) return { kind: "MatchError", message: `no match of right hand side value: ${erlang[2]}` };
  if (erlang[3] !== undefined) return { kind: "CaseClauseError", message: `no case clause matching: ${erlang[3]}` };
  if (erlang[1] === ":badarith") return { kind: "ArithmeticError", message: "bad argument in arithmetic expression" };
  if (erlang[1] === ":undef") return { kind: "UndefinedFunctionError", message: "undefined function" };
  return { kind: "FunctionClauseError", message: "no function clause matching" };
}

const unescape = (s: string) => s.replace(/\\(["\\])/g, "$1").replace(/\\n/g, "\n");

/** A raised error reads as its message: `[%Error{message: "boom"}, …]` → `Error: boom`; Elixir: `(RuntimeError) boom`. */
export function readableReason(reason: string): string {
  if (language === "elixir") {
    const e = elixirException(reason);
    return e ? `(${e.kind}) ${e.message}` : reason;
  }
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
