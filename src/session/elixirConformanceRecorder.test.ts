/**
 * The BEAM recorder's pure parts (scripts/beam/): how a printed line is normalised for the
 * comparison, how wall time becomes virtual time, and how a snippet becomes the driver's plan.
 */
import { describe, expect, it } from "vitest";
import { normalizeLines, virtualTime } from "../../scripts/beam/normalize";
import { elixir, planOf } from "../../scripts/beam/plan";

describe("the BEAM recorder's normalisation", () => {
  it("numbers pids and references by first appearance across lines and hides funs' hashes", () => {
    const lines = normalizeLines([
      { t: 0, text: "#PID<0.150.0> started #PID<0.151.0>" },
      { t: 100, text: "{:DOWN, #Reference<0.1.2.3>, :process, #PID<0.151.0>, :normal}" },
      { t: 200, text: "#Function<3.1234567/1 in Main.start/0> #Reference<0.9.9.9> #Reference<0.1.2.3>" },
    ]);
    expect(lines).toEqual([
      "0 #PID<P1> started #PID<P2>",
      "100 {:DOWN, #Reference<R1>, :process, #PID<P2>, :normal}",
      "200 #Function<F> #Reference<R2> #Reference<R1>",
    ]);
  });

  it("floors wall time to the grain, allowing a line to come a little early", () => {
    expect(virtualTime(1003.7, 100)).toBe(1000);
    expect(virtualTime(1094.9, 100)).toBe(1000);
    expect(virtualTime(1095.0, 100)).toBe(1100);
    expect(virtualTime(199.9, 100)).toBe(200);
    expect(virtualTime(0.2, 100)).toBe(0);
    expect(virtualTime(5027.0, 500)).toBe(5000);
    expect(virtualTime(349.0, 50)).toBe(350);
  });
});

describe("the BEAM recorder's plan", () => {
  it("writes JSON values as Elixir literals that interpolate nothing", () => {
    expect(elixir('a "#{x}" \\ b\n')).toBe('"a \\"\\#{x}\\" \\\\ b\\n"');
    expect(elixir({ step: [1, 2.5, null, true] })).toBe('%{"step" => [1, 2.5e+0, nil, true]}');
  });

  it("gives each step the whole text of the files its edits changed, applied as the engine applies them", () => {
    const plan = planOf({
      files: { "counter.ex": "state + 1 # state + 1", "main.ex": "Main" },
      main: "Main",
      script: [
        { at: 100, eval: ":sys.get_state(:counter)" },
        { at: 200, patch: [{ file: "counter.ex", find: "state + 1", replace: "state + 10" }], action: "recompile" },
        { at: 300, edit: { "main.ex": "Main2" }, action: "upgrade", extra: 10 },
      ],
    }, 1000);
    expect(plan).toBe([
      '%{main: :"Elixir.Main", until: 1000, steps: [',
      '  %{at: 100, files: [], action: nil, eval: ":sys.get_state(:counter)", extra: :undefined},',
      '  %{at: 200, files: [{"lib/counter.ex", "state + 10 \\# state + 1"}], action: :recompile, eval: nil, extra: :undefined},',
      '  %{at: 300, files: [{"lib/main.ex", "Main2"}], action: :upgrade, eval: nil, extra: 10}',
      "]}",
      "",
    ].join("\n"));
  });

  it("refuses a patch whose text is not in the file", () => {
    expect(() => planOf({ files: { "a.ex": "x" }, main: "Main", script: [{ at: 1, patch: [{ file: "a.ex", find: "y", replace: "z" }] }] }, 10))
      .toThrow(/script\[0\].*does not contain "y"/);
  });
});
