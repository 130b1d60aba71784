defmodule Loops do
  @version "v1"

  def version, do: @version

  # Loops through local calls: stays in the version that started it.
  def start_local, do: spawn(fn -> local_loop(0) end)

  # Loops through an external call: moves to the current version at each message.
  def start_qualified, do: spawn(fn -> __MODULE__.qualified_loop(0) end)

  defp local_loop(n) do
    receive do
      {:ping, from} -> send(from, {:local, @version, n})
    end

    local_loop(n + 1)
  end

  def qualified_loop(n) do
    receive do
      {:ping, from} -> send(from, {:qualified, @version, n})
    end

    __MODULE__.qualified_loop(n + 1)
  end
end
