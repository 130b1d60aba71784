defmodule Shapes.Area do
  @moduledoc "Areas."
  @vsn 2
  @pi 3.14159
  alias Shapes.Circle
  alias Shapes.Square, as: Sq
  import Enum, only: [map: 2]

  defstruct [:w, h: 0]

  @doc "Area of a shape."
  def area(%Circle{r: r}), do: @pi * r * r
  def area(%Sq{side: s}) when is_number(s) and s > 0, do: s * s
  def area(_), do: raise(ArgumentError, "unknown shape")

  def total(shapes, acc \\ 0)
  def total([], acc), do: acc
  def total([s | rest], acc), do: total(rest, acc + area(s))

  defp helper(<<"prefix:", rest::binary>>), do: rest
  defp helper("x" <> rest), do: rest

  def funs do
    add = fn a, b -> a + b end
    sign = fn
      x when x < 0 -> :neg
      0 -> :zero
      _ -> :pos
    end
    inc = &(&1 + 1)
    pair = &{&1, &2}
    len = &length/1
    remote = &Enum.count/1
    local = &helper/1
    {add.(1, 2), sign.(-1), inc.(1), pair, len, remote, local}
  end

  def piped(list) do
    list
    |> Enum.map(fn x -> x * 2 end)
    |> Enum.filter(&(&1 > 2))
    |> Enum.reduce(0, fn x, acc -> x + acc end)
  end

  def puts_in(data), do: put_in(data, [:a, :b], 1)
  def matches?(x), do: match?({:ok, _}, x)
end

defmodule MyError do
  defexception message: "my error"
end
