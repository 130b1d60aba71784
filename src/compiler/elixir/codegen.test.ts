/**
 * The JavaScript generated for each construct, kept as files under __snapshots__/codegen/ so a
 * change to the code generator reads as a diff (as Gleam's JS backend tests do). Update with
 * `npx vitest run src/compiler/elixir/codegen.test.ts -u` and read the diff before committing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileElixirSource } from "./compileElixir";
import { ensureElixirParser } from "./parser";

beforeAll(async () => {
  await ensureElixirParser();
});

const CASES: Record<string, string> = {
  clauses_and_guards: `
  def kind(0), do: :zero
  def kind(n) when is_integer(n) and n > 0, do: :positive
  def kind(_), do: :other`,
  tail_and_body_calls: `
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)
  def external(x), do: __MODULE__.count(x, 0)`,
  patterns: `
  def f({:ok, %{name: name} = user}, [first | _], "id:" <> id, {a, a}), do: {name, first, id, user}
  def pinned(x, y) do
    case y do
      ^x -> :same
      _ -> :other
    end
  end
  def g(%URI{host: host}), do: host`,
  case_cond_if: `
  def f(x) do
    y = case x do
      {:ok, v} when v > 1 -> v
      _ -> 0
    end
    z = cond do
      y > 10 -> :big
      true -> :small
    end
    if z == :big, do: y, else: -y
  end`,
  with_else: `
  def f(a) do
    with {:ok, b} <- a,
         c = b + 1 do
      c
    else
      {:error, e} -> e
    end
  end`,
  for_comprehensions: `
  def f(list), do: for(x <- list, x > 1, into: %{}, do: {x, x * 2})
  def g(list) do
    for x <- list, reduce: 0 do
      acc -> acc + x
    end
  end`,
  receive_after: `
  def loop(state) do
    receive do
      {:add, n} -> loop(state + n)
      {:get, from} ->
        send(from, state)
        loop(state)
    after
      1000 -> state
    end
  end`,
  try_rescue_catch: `
  def f(g) do
    try do
      g.()
    rescue
      e in ArgumentError -> e.message
    catch
      :throw, v -> v
    after
      IO.puts("done")
    end
  end`,
  funs_and_captures: `
  def f(list) do
    inc = &(&1 + 1)
    list |> Enum.map(inc) |> Enum.map(&Integer.to_string/1) |> Enum.filter(fn s -> s != "" end)
  end`,
  data_and_strings: `
  defstruct [:a, b: 1]
  def f(m, x), do: {%{m | a: x}, %__MODULE__{a: x}, "x=#{x}", [1, 2 | [3]], m.a}`,
  genserver: `
  use GenServer
  @vsn 2
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: __MODULE__)
  @impl true
  def init(arg), do: {:ok, arg}
  @impl true
  def handle_call(:get, _from, state), do: {:reply, state, state}`,
};

describe("generated JavaScript per construct", () => {
  for (const [name, body] of Object.entries(CASES)) {
    it(name, async () => {
      const r = compileElixirSource(`${name}.ex`, `defmodule M do${body}\nend\n`);
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      await expect(`// ${name}.ex:\n// defmodule M do${body.replace(/\n/g, "\n// ")}\n// end\n\n${r.modules[0].code}\n`).toMatchFileSnapshot(`./__snapshots__/codegen/${name}.js`);
    });
  }
});
