import { describe, expect, it } from "vitest";
import { seedSnippet } from "../../examples/seed";
import { functionsOf, outlineElixir, stdlibModuleName } from "./elixirOutline";

describe("the Elixir outline the completions offer", () => {
  it("reads the seed's modules and their public functions with arities", () => {
    const [counter] = outlineElixir(seedSnippet.files["counter.ex"]);
    expect(counter.module).toBe("Counter");
    expect(counter.functions).toEqual([
      { name: "start_link", arity: 1 },
      { name: "init", arity: 1 },
      { name: "handle_info", arity: 2 },
    ]);
    expect(outlineElixir(seedSnippet.files["main.ex"])[0]).toMatchObject({ module: "Main", functions: [{ name: "start", arity: 0 }] });
  });

  it("counts defaults, nested modules, privates, one-line defs and multi-clause functions once", () => {
    const source = [
      "defmodule App do",
      "  defmodule Worker do",
      '    def run(x, opts \\\\ [], label \\\\ "a, b"), do: {x, opts, label}',
      "    def run({:ok, v}), do: v",
      "    defp helper(%{a: 1, b: 2}, [h | _]), do: h",
      "    def ready?, do: true",
      "  end",
      "  def top, do: Worker.run(1)",
      "end",
    ].join("\n");
    const [app, worker] = outlineElixir(source);
    expect(worker.module).toBe("App.Worker");
    expect(worker.functions).toEqual([
      { name: "run", arity: 1 },
      { name: "run", arity: 2 },
      { name: "run", arity: 3 },
      { name: "ready?", arity: 0 },
    ]);
    expect(worker.privates).toEqual([{ name: "helper", arity: 2 }]);
    expect(app.functions).toEqual([{ name: "top", arity: 0 }]);
  });

  it("names stdlib tables as Elixir writes them and sorts their functions", () => {
    expect(stdlibModuleName("Elixir.Enum")).toBe("Enum");
    expect(stdlibModuleName("sys")).toBe(":sys");
    expect(functionsOf(["map/2", "count/1", "count/2", "at/2"])).toEqual([
      { name: "at", arity: 2 }, { name: "count", arity: 1 }, { name: "count", arity: 2 }, { name: "map", arity: 2 },
    ]);
  });
});
