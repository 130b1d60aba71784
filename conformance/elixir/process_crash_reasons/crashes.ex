defmodule Crashes do
  def run(:throw, _), do: throw(:oops)
  def run(:raise, _), do: raise("plain raise")
  def run(:badarith, x), do: 1 + x
  def run(:div_zero, x), do: div(10, x)
  def run(:badmatch, x) do
    {:ok, y} = x
    y
  end

  def run(:case_clause, x) do
    case x do
      :expected -> :ok
    end
  end

  def run(:function_clause, x), do: only_integers(x)
  def run(:undef, x), do: x.missing_function()
  def run(:badkey, x), do: Map.fetch!(x, :missing)
  def run(:dot_badkey, x), do: x.missing
  def run(:exit, x), do: exit(x)
  def run(:badfun, x), do: x.()
  def run(:error_atom, x), do: :erlang.error(x)
  def run(:return, x), do: x

  defp only_integers(n) when is_integer(n), do: n
end
