defmodule Worker do
  use GenServer

  def start_link(_arg) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(n) do
    IO.puts("init: count #{n}")
    Process.send_after(self(), :tick, 1000)
    {:ok, n}
  end

  @impl true
  def handle_info(:tick, n) do
    Process.send_after(self(), :tick, 1000)
    {:noreply, n + 1}
  end

  @impl true
  def handle_cast(:crash, n) do
    raise "crashed at count #{n}"
  end
end
