defmodule Main do
  def start, do: :ok

  def double(n) when is_integer(n), do: n * 2
end
