defmodule Slow do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  # Takes ms milliseconds to answer.
  @impl true
  def handle_call(ms, _from, state) do
    Process.sleep(ms)
    IO.puts("replying after #{ms} ms")
    {:reply, :done, state}
  end
end
