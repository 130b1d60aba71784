import * as esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { compileElixirFile } from "./compileFile";
import { ensureElixirParser } from "./parser";
import { runElixir } from "./testing";

beforeAll(async () => {
  await ensureElixirParser();
});

async function firstError(source: string) {
  const r = await compileElixirFile(esbuild, "lib/app.ex", source, undefined);
  if (r.ok) throw new Error("compiled without an error");
  return r.diagnostics[0];
}

describe("compile errors name the Elixir file, line and column", () => {
  it("a missing end names the do it belongs to, as Elixir does", async () => {
    expect(await firstError("defmodule A do\n  def f do\n    if true do\n      :ok\n  end\nend\n")).toEqual({
      file: "lib/app.ex", line: 7, column: 1, message: 'missing terminator: end (for "do" starting at line 1)',
    });
  });

  it("an unclosed bracket is named with its line", async () => {
    const d = await firstError("defmodule A do\n  def f do\n    x = [1, 2\n    x\n  end\nend\n");
    expect(d.message).toBe('missing terminator: ] (for "[" starting at line 3)');
  });

  it("a stray token is a syntax error where it stands", async () => {
    expect(await firstError("defmodule A do\n  def f, do: 1 +* 2\nend\n")).toMatchObject({ line: 2, message: expect.stringMatching(/syntax error/) });
  });

  it.each([
    ["defmacro", "defmodule A do\n  defmacro m(x), do: x\nend\n", 2, "`defmacro` is not supported here"],
    ["quote", "defmodule A do\n  def f, do: quote(do: 1)\nend\n", 2, "`quote` is not supported here"],
    ["ETS", "defmodule A do\n  def f do\n    :ets.new(:t, [])\n  end\nend\n", 3, "ETS (`:ets`) is not supported here"],
    ["a NIF", "defmodule A do\n  @on_load :load\n  def load, do: :ok\nend\n", 2, "@on_load (NIFs and on_load hooks) is not supported here"],
    ["Stream", "defmodule A do\n  def f do\n    Stream.map([1], & &1)\n  end\nend\n", 3, "`Stream` (lazy enumerables; `Enum` does the same eagerly) is not supported here"],
    ["use of an unknown behaviour", "defmodule A do\n  use Plug.Router\nend\n", 2, "`use Plug.Router` (use works with GenServer, Supervisor, Agent and Task) is not supported here"],
  ])("an unsupported construct (%s) is an error naming it at its line", async (_what, source, line, message) => {
    expect(await firstError(source)).toMatchObject({ line, message });
  });

  it("an undefined variable or function is an error at its line", async () => {
    expect(await firstError("defmodule A do\n  def f do\n    y + 1\n  end\nend\n")).toMatchObject({ line: 3, column: 5, message: 'undefined variable "y"' });
    expect(await firstError("defmodule A do\n  def f, do: nope(1)\nend\n")).toMatchObject({ line: 2, message: expect.stringMatching(/^undefined function nope\/1/) });
  });

  it("code outside a module is refused with a reason", async () => {
    expect(await firstError("IO.puts(1)\n")).toMatchObject({ line: 1, message: expect.stringMatching(/only `defmodule`/) });
  });
});

describe("a runtime crash names the Elixir file and line", () => {
  it("maps the crashing frame of a process to the .ex line", async () => {
    const mod = "defmodule M do\n  def go(x) do\n    y = x + 1\n    y + :atom\n  end\nend\n";
    const { harness } = await runElixir({ "m.ex": mod }, ["spawn(fn -> M.go(1) end)"], 10);
    const exit = harness.of("exit").find((e) => e.reason.includes("badarith"));
    expect(exit?.stack?.[0]).toMatchObject({ file: "m.ex", line: 4, fn: "go/1", module: "M" });
  });
});
