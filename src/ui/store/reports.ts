/**
 * The runtime's reports in the Log (and how an action from outside is worded), worded as Elixir's Logger prints them (checked against
 * Elixir 1.14 / OTP 25 with `handle_sasl_reports: true`):
 *   - a GenServer that crashed:  "GenServer :counter terminating" / "** (RuntimeError) boom" /
 *     its stack / "State: 11";
 *   - a supervised child that ended abnormally: "Child Counter of Supervisor #PID<0.101.0>
 *     terminated" / "** (exit) killed" / "Pid: #PID<0.102.0>";
 *   - a supervisor that gave up: "Child Counter of Supervisor … caused shutdown" /
 *     "** (exit) :reached_max_restart_intensity".
 * The engine's supervisor stops with reason `shutdown` when restarts come too often; a child that
 * crashed at that same moment is what tells it apart from a supervisor shut down by its parent.
 */
import { displayLanguage, elixirException, formatTerm, readableReason, stripQuotes } from "../format";
import type { PokeEvent } from "../../runtime/events";
import type { Lane, Model } from "./model";

const POKE_WORDS: Record<PokeEvent["what"], string> = {
  exit: "exit signal", send: "message", suspend: "sys.suspend", resume: "sys.resume",
  get_state: "sys.get_state", replace_state: "sys.replace_state", crash_next: "crash the next callback",
};

/** A poke as the Log and the lane's mark say it: what was done, with which term, from where. */
export function pokeText(e: Pick<PokeEvent, "what" | "term" | "by">): string {
  const from = e.by === "script" ? "from the lesson's script" : "from the console";
  const term = e.term === undefined ? "" : ` ${formatTerm(e.term, e.what === "exit" ? "reason" : e.what === "send" ? "message" : "state")}`;
  const words = displayLanguage() === "elixir" ? POKE_WORDS[e.what].replace(/^sys\./, ":sys.") : POKE_WORDS[e.what];
  return `⚡ ${words}${term} ${from}`;
}

const isSupervisor = (lane: Lane | undefined) => lane?.kind === "supervisor" || lane?.kind === "dynamic_supervisor";

/** How a report names a process: its registered name, else its pid. */
function who(lane: Lane): string {
  return lane.name !== undefined ? formatTerm(`"${lane.name}"`, "name") : lane.pid;
}

/** `** (Kind) message` for a raised error, `** (exit) reason` for anything else. */
export function reasonLine(reason: string): string {
  if (displayLanguage() === "elixir") {
    const e = elixirException(reason);
    return e ? `** (${e.kind}) ${e.message}` : `** (exit) ${formatTerm(reason, "reason")}`;
  }
  const readable = readableReason(stripQuotes(reason));
  const raised = /^([\w.]+): (.*)$/s.exec(readable);
  if (raised && /^\[?%/.test(reason)) return `** (${raised[1]}) ${raised[2]}`;
  return `** (exit) ${formatTerm(reason, "reason")}`;
}

/**
 * An Elixir snippet's crash reports, as Elixir 1.14's Logger prints them (checked with
 * `elixir` on the same crash): "[error] GenServer Counter terminating" / "** (RuntimeError)
 * boom" / "    counter.ex:14: Counter.handle_info/2" / "State: 0"; a plain process: "[error]
 * Process #PID<0.110.0> raised an exception"; with SASL reports on, a supervisor's child.
 */
function elixirExitReport(m: Model, lane: Lane): string[] {
  const reason = lane.reason ?? "";
  const parent = lane.parent ? m.lanes.get(lane.parent) : undefined;
  if (isSupervisor(lane) && /^:shutdown$/.test(reason)) {
    const culprit = [...m.lanes.values()].find((c) => c.parent === lane.pid && c.crashed && c.exitedAt === lane.exitedAt);
    if (culprit) {
      lane.gaveUp = true;
      return [
        `[error] Child ${culprit.module ?? culprit.pid} of Supervisor ${who(lane)} caused shutdown`,
        "** (exit) :reached_max_restart_intensity: its children crashed more often than max_restarts allows, so it stopped them and itself",
      ];
    }
  }
  if (!lane.crashed) return [];
  const lines: string[] = [];
  const raised = elixirException(reason) !== null || /^\{:bad_return_value, /.test(reason);
  const stack = (lane.stack ?? []).map((f) => `    ${f.file}:${f.line}: ${f.module ? displayModuleOf(f.module) : lane.module ?? ""}${f.fn ? `.${f.fn}` : ""}`);
  if ((lane.kind === "gen_server" || isSupervisor(lane)) && raised) {
    lines.push(`[error] GenServer ${who(lane)} terminating`, reasonLine(reason), ...stack);
    if (lane.state !== undefined) lines.push(`State: ${lane.state}`);
  } else if (lane.kind === "process" && (raised || /runaway/.test(reason))) {
    lines.push(raised ? `[error] Process ${who(lane)} raised an exception` : `[error] Process ${who(lane)} was killed`, reasonLine(reason), ...stack);
  }
  if (isSupervisor(parent)) {
    // `Supervisor.start_link(children, opts)` runs the module Supervisor.Default, which Elixir names.
    const sup = `${who(parent!)}${parent!.name === undefined && parent!.module === "Supervisor" ? " (Supervisor.Default)" : ""}`;
    const exception = elixirException(reason);
    const why = exception
      ? ["** (exit) an exception was raised:", `    ** (${exception.kind}) ${exception.message}`, ...stack.map((l) => `    ${l}`)]
      : [reasonLine(reason)];
    lines.push(`[error] Child ${lane.module ?? lane.pid} of Supervisor ${sup} terminated`, ...why, `Pid: ${lane.pid}`);
  }
  return lines;
}

const displayModuleOf = (m: string) => (m.startsWith("Elixir.") ? m.slice(7) : m);

/** The report lines for a lane that just exited (none for a clean exit nobody needs to hear of). */
export function exitReport(m: Model, lane: Lane): string[] {
  if (displayLanguage() === "elixir") return elixirExitReport(m, lane);
  const reason = lane.reason ?? "";
  const lines: string[] = [];
  const parent = lane.parent ? m.lanes.get(lane.parent) : undefined;
  if (isSupervisor(lane) && stripQuotes(reason) === "shutdown") {
    const culprit = [...m.lanes.values()].find((c) => c.parent === lane.pid && c.crashed && c.exitedAt === lane.exitedAt);
    if (culprit) {
      lane.gaveUp = true;
      lines.push(`Child ${culprit.module ?? culprit.pid} of Supervisor ${who(lane)} caused shutdown`);
      lines.push(`** (exit) ${formatTerm('"reached_max_restart_intensity"', "reason")}: its children crashed more often than max_restarts allows, so it stopped them and itself`);
      return lines;
    }
  }
  if (!lane.crashed) return lines;
  // A GenServer's own report comes from its terminate path: a raise or a bad return, not a kill.
  const raised = /^\[?%/.test(reason) || /^\["bad_return_value"/.test(reason);
  if ((lane.kind === "gen_server" || isSupervisor(lane)) && raised) {
    lines.push(`GenServer ${who(lane)} terminating`);
    lines.push(reasonLine(reason));
    for (const f of lane.stack ?? []) lines.push(`    ${f.file}:${f.line}:${f.column}${f.fn ? `: ${lane.module ?? ""}${lane.module ? "." : ""}${f.fn}` : ""}`);
    if (lane.state !== undefined) lines.push(`State: ${formatTerm(lane.state, "state")}`);
  }
  if (isSupervisor(parent)) {
    lines.push(`Child ${lane.module ?? lane.pid} of Supervisor ${who(parent!)} terminated`);
    lines.push(reasonLine(reason));
    lines.push(`Pid: ${lane.pid}`);
  } else if (!lines.length && lane.kind === "process" && (raised || /runaway/.test(reason))) {
    // Elixir reports a plain process only when it raised; a runaway kill is this engine's own, so it says so too.
    lines.push(raised ? `Process ${who(lane)} raised an exception` : `Process ${who(lane)} was killed`);
    lines.push(reasonLine(reason));
    for (const f of lane.stack ?? []) lines.push(`    ${f.file}:${f.line}:${f.column}${f.fn ? `: ${f.fn}` : ""}`);
  }
  return lines;
}

/** A failed code_change's result in words: "code_change raised Error: bad" or "code_change returned …". */
export function failedWords(result: string): string {
  const raised = /^\["error", \["EXIT", (.*)\]\]$/.exec(result);
  if (raised) return `code_change raised ${readableReason(raised[1])}`;
  const returned = /^\["error", (.*)\]$/.exec(result);
  return `code_change returned ${formatTerm(returned ? returned[1] : result, "value")}`;
}
