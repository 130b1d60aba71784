defmodule Counter do
  use GenServer
  @vsn "1"

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(n) do
    Process.send_after(self(), :tick, 1000)
    {:ok, n}
  end

  # State v1: a number.
  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    IO.puts("count #{n + 1}")
    {:noreply, n + 1}
  end
end
