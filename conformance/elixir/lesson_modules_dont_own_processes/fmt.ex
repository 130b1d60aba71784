defmodule Fmt do
  # Plain functions: any process may run them.
  def show(n), do: "count #{n}"
end
