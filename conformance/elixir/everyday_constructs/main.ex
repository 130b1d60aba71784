defmodule Shape do
  defstruct name: "none", sides: 0
end

defmodule Main do
  @moduledoc "What people paste from everyday Elixir: captures, comprehensions, with, sigils, structs."
  @factor 3
  @names ~w(alpha beta gamma)

  @doc "Doubles a positive integer."
  def double(x) when is_integer(x) and x > 0, do: x * 2
  def double(x), do: {:not_positive, x}

  defp show(label, v), do: IO.puts("#{label}: #{inspect(v)}")

  def start do
    show("&+/2", Enum.reduce([1, 2, 3], 0, &+/2))
    show("&*/2", Enum.reduce([1, 2, 3, 4], 1, &*/2))
    show("&-/1", Enum.map([1, -2], &-/1))
    show("&<>/2", Enum.reduce(["a", "b", "c"], &<>/2))
    show("&(&1 * 2)", Enum.map([1, 2, 3], &(&1 * 2)))
    show("&{&1, &2}", Enum.zip_with([1, 2], [:a, :b], &{&2, &1}))
    show("&String.upcase/1", Enum.map(["a", "b"], &String.upcase/1))
    show("&double/1", Enum.map([1, -1], &double/1))
    show("captures inspected", [&+/2, &length/1, &elem/2, &String.upcase/1, &Main.double/1, &double/1])
    show("for filter", for(x <- 1..10, rem(x, 2) == 0, do: x * x))
    show("for into map", for({k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10}))
    show("for into string", for(c <- ["a", "b"], into: "", do: c <> c))
    show("for two generators", for(x <- [1, 2], y <- [:a, :b], do: {x, y}))
    show("for pattern skips", for({:ok, v} <- [{:ok, 1}, :err, {:ok, 2}], do: v))
    show("for reduce", for(x <- 1..4, reduce: 0, do: (acc -> acc + x)))
    show("for uniq", for(x <- [1, 1, 2], uniq: true, do: x))
    show("with ok", with({:ok, a} <- {:ok, 1}, {:ok, b} <- {:ok, 2}, do: a + b))
    show("with else", with({:ok, a} <- {:error, :nope}, do: a, else: ({:error, r} -> {:failed, r})))
    show("~w", {~w(a b c), ~w(a b c)a, @names})
    show("~s", ~s(he said "hi"))
    show("attribute", @factor * 2)
    kw = [a: 1, b: 2, a: 3]
    show("keyword", {kw, Keyword.get(kw, :a), Keyword.get_values(kw, :a), Keyword.fetch(kw, :z)})
    show("Keyword.put/delete", {Keyword.put(kw, :c, 9), Keyword.delete(kw, :a), Keyword.keys(kw)})
    show("Keyword.merge", Keyword.merge([a: 1], b: 2, c: 3))
    IO.puts("interpolation: #{:ok} #{42} #{1.5} #{nil}|#{true} #{'abc'} #{["a", ?b, ["c"]]} #{String}")
    show("interpolating a range", (try do "#{1..3}" rescue e -> e.__struct__ end))
    s = %Shape{name: "tri", sides: 3}
    show("struct", {s, %{s | sides: 4}, s.name, %Shape{}})
    show("struct match", (case s do %Shape{sides: n} -> n end))
    show("guards", {double(3), double(-1), double(:x)})
    f = fn
      {:ok, v} -> v
      :error -> :none
      x when is_list(x) -> length(x)
    end
    show("multi-clause fn", {f.({:ok, 1}), f.(:error), f.([1, 2])})
    show("Enum.into", {Enum.into([a: 1], %{}), Enum.into([1, 2], MapSet.new()) |> MapSet.to_list()})
    show("Map.update!", {Map.update!(%{a: 1}, :a, &(&1 + 1)), Map.update(%{a: 1}, :b, 0, &(&1 + 1))})
    show("String", {String.split("a,b,,c", ","), String.trim("  hi  "), String.length("héllo"), String.pad_leading("7", 3, "0")})
    show("Integer", {Integer.to_string(255, 16), Integer.parse("12abc"), Integer.digits(1234), Integer.pow(2, 70)})
    show("Integer.mod/floor_div", {Integer.mod(-7, 3), Integer.floor_div(-7, 2), div(-7, 2), rem(-7, 2)})
    show("stepped range", {Enum.to_list(1..10//3), 10..1//-4 |> Enum.to_list()})
    show("__MODULE__", __MODULE__)
    show("pipe", [3, 1, 2] |> Enum.sort() |> Enum.reverse() |> hd())
  end
end
