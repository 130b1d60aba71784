defmodule Ticker do
  use GenServer

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
    IO.puts(Fmt.label(n + 1)) # an external call, looked up at each call
    {:noreply, n + 1}
  end
end
