defmodule Fmt do
  def label(n), do: "tick ##{n}"
end
