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

  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    n = n + 1
    IO.puts("count #{n}")
    {:noreply, n}
  end
end
