defmodule Funs do
  @version "v1"

  def make, do: fn -> "made by #{@version}" end
  def version, do: @version
end
