import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../runtime/events";
import { applyEvents, emptyModel } from "./model";
import { failedWords, pokeText, reasonLine } from "./reports";
import { badgeText } from "../timeline/badges";
import { formatTerm, readableReason, setDisplayLanguage } from "../format";
import { clipWords } from "../timeline/LaneTrack";

const SUP = "#PID<0.101.0>";
const C = "#PID<0.102.0>";
const boot: TraceEvent[] = [
  { t: 0, type: "spawn", pid: SUP, parent: null, module: "Supervisor" },
  { t: 0, type: "behaviour", pid: SUP, behaviour: "supervisor", module: "Supervisor" },
  { t: 0, type: "spawn", pid: C, parent: SUP },
  { t: 0, type: "behaviour", pid: C, behaviour: "gen_server", module: "Counter", supervisor: SUP },
  { t: 0, type: "register", pid: C, name: "counter" },
  { t: 0, type: "state", pid: C, state: "11" },
];
const logTexts = (events: TraceEvent[]) => {
  const m = emptyModel();
  applyEvents(m, [...boot, ...events]);
  return { m, texts: m.logs.map((l) => l.text) };
};

describe("the runtime's reports in the Log", () => {
  it("prints a GenServer crash as Elixir's Logger does, then the supervisor's child report", () => {
    const { texts } = logTexts([
      { t: 5, type: "exit", pid: C, reason: '[%RuntimeError{message: "boom"}, #Stacktrace<Counter.ts:9>]', stack: [{ file: "Counter.ts", line: 9, column: 5, fn: "handle_info" }] },
    ]);
    expect(texts).toEqual([
      'GenServer "counter" terminating',
      "** (RuntimeError) boom",
      "    Counter.ts:9:5: Counter.handle_info",
      "State: 11",
      `Child Counter of Supervisor ${SUP} terminated`,
      "** (RuntimeError) boom",
      `Pid: ${C}`,
    ]);
  });

  it("a kill gets only the supervisor's report (no terminate ran), with the reason as an exit", () => {
    const { texts } = logTexts([{ t: 5, type: "exit", pid: C, reason: '"killed"' }]);
    expect(texts).toEqual([`Child Counter of Supervisor ${SUP} terminated`, '** (exit) "killed"', `Pid: ${C}`]);
  });

  it("says when a supervisor gives up, and marks it", () => {
    const { m, texts } = logTexts([
      { t: 5, type: "exit", pid: C, reason: '"boom"' },
      { t: 5, type: "exit", pid: SUP, reason: '"shutdown"' },
    ]);
    expect(texts.at(-2)).toBe("Child Counter of Supervisor #PID<0.101.0> caused shutdown");
    expect(texts.at(-1)).toMatch(/^\*\* \(exit\) "reached_max_restart_intensity": its children crashed more often/);
    expect(m.lanes.get(SUP)!.gaveUp).toBe(true);
  });

  it("answers a recompile that loaded nothing like IEx's :noop", () => {
    const { texts } = logTexts([{ t: 5, type: "action", action: "recompile", ok: true, loaded: [], killed: [] }]);
    expect(texts).toEqual(["recompile: :noop, nothing changed since the last load, so nothing was loaded"]);
  });

  it("says in words what failed in an upgrade", () => {
    expect(failedWords('["error", ["EXIT", [%Error{message: "bad state"}, #Stacktrace<Counter.ts:3>]]]')).toBe("code_change raised Error: bad state");
    expect(failedWords('["error", "nope"]')).toBe('code_change returned "nope"');
  });

  it("words an action from outside as what it is", () => {
    expect(pokeText({ what: "exit", term: '"kill"', by: "console" })).toBe('⚡ exit signal "kill" from the console');
    expect(pokeText({ what: "crash_next", by: "script" })).toBe("⚡ crash the next callback from the lesson's script");
  });
});

describe("words on the rows", () => {
  it("reads a tagged reason as words and cuts long ones at a word's end", () => {
    expect(readableReason('["killed", "runaway: ran 1000 ms without waiting"]')).toBe("killed: runaway: ran 1000 ms without waiting");
    expect(clipWords("killed: runaway: ran 1000 ms without waiting", 38)).toBe("killed: runaway: ran 1000 ms without…");
    expect(reasonLine('"shutdown"')).toBe('** (exit) "shutdown"');
  });

  it("a kept badge says code_change was not called; a migrated one keeps the new state whole", () => {
    expect(badgeText({ kind: "kept", detail: "11" }, 40).detail).toBe("11 · code_change not called");
    expect(badgeText({ kind: "kept", detail: "11" }, 8).detail).toBe("11");
    expect(badgeText({ kind: "migrated", detail: "{count: 32} → {count: 32, step: 1}" }, 32).detail).toBe("→ {count: 32, step: 1}");
    expect(badgeText({ kind: "failed", detail: '["error", "nope"]' }, 60)).toMatchObject({ label: "code_change failed", detail: 'returned "nope"' });
  });
});

describe("an Elixir snippet's terms and reports, as Elixir 1.14 prints them", () => {
  const EX_SUP = "#PID<0.101.0>";
  const EX_C = "#PID<0.102.0>";
  const exBoot: TraceEvent[] = [
    { t: 0, type: "spawn", pid: EX_SUP, parent: null, module: "Supervisor" },
    { t: 0, type: "behaviour", pid: EX_SUP, behaviour: "supervisor", module: "Supervisor" },
    { t: 0, type: "spawn", pid: EX_C, parent: EX_SUP, module: "Elixir.Counter" },
    { t: 0, type: "register", pid: EX_C, name: "Elixir.Counter" },
    { t: 0, type: "behaviour", pid: EX_C, behaviour: "gen_server", module: "Elixir.Counter", supervisor: EX_SUP },
    { t: 0, type: "state", pid: EX_C, state: "0" },
  ];
  const inElixir = (events: TraceEvent[]) => {
    setDisplayLanguage("elixir");
    try {
      const m = emptyModel();
      applyEvents(m, [...exBoot, ...events]);
      return m;
    } finally {
      setDisplayLanguage("typescript");
    }
  };

  it("prints a GenServer crash as Logger does (checked with `elixir` on the same crash), with Counter, not Elixir.Counter", () => {
    const m = inElixir([
      { t: 500, type: "exit", pid: EX_C, reason: '{%RuntimeError{message: "boom"}, [{Counter, :handle_info, 2, [file: \'counter.ex\', line: 14]}]}', stack: [{ file: "counter.ex", line: 14, column: 5, module: "Elixir.Counter", fn: "handle_info/2" }] },
    ]);
    expect(m.lanes.get(EX_C)).toMatchObject({ module: "Counter", name: "Counter", crashed: true });
    expect(m.logs.map((l) => l.text)).toEqual([
      "[error] GenServer Counter terminating",
      "** (RuntimeError) boom",
      "    counter.ex:14: Counter.handle_info/2",
      "State: 0",
      `[error] Child Counter of Supervisor ${EX_SUP} (Supervisor.Default) terminated`,
      "** (exit) an exception was raised:",
      "    ** (RuntimeError) boom",
      "        counter.ex:14: Counter.handle_info/2",
      `Pid: ${EX_C}`,
    ]);
  });

  it("takes {:shutdown, :bye} and :normal as clean exits, :killed as a crash reported as an exit", () => {
    expect(inElixir([{ t: 700, type: "exit", pid: EX_C, reason: "{:shutdown, :bye}" }]).lanes.get(EX_C)!.crashed).toBe(false);
    expect(inElixir([{ t: 700, type: "exit", pid: EX_C, reason: ":normal" }]).lanes.get(EX_C)!.crashed).toBe(false);
    const killed = inElixir([{ t: 800, type: "exit", pid: EX_C, reason: ":killed" }]);
    expect(killed.lanes.get(EX_C)!.crashed).toBe(true);
    expect(killed.logs.map((l) => l.text)).toEqual([`[error] Child Counter of Supervisor ${EX_SUP} (Supervisor.Default) terminated`, "** (exit) :killed", `Pid: ${EX_C}`]);
  });

  it("reads exit reasons and names as Elixir does", () => {
    setDisplayLanguage("elixir");
    try {
      expect(readableReason('{%RuntimeError{message: "boom"}, [{Counter, :handle_info, 2, []}]}')).toBe("(RuntimeError) boom");
      expect(readableReason("{{:badmatch, :error}, [{Counter, :init, 1, []}]}")).toBe("(MatchError) no match of right hand side value: :error");
      expect(readableReason("{:shutdown, :bye}")).toBe("{:shutdown, :bye}");
      expect(reasonLine(":killed")).toBe("** (exit) :killed");
      expect(formatTerm('"counter"', "name")).toBe(":counter");
      expect(formatTerm('"Counter"', "name")).toBe("Counter");
    } finally {
      setDisplayLanguage("typescript");
    }
  });
});
