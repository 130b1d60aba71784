defmodule Counter do
  use GenServer

  def start_link(_) do
    GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  end

  @impl true
  def init(state) do
    send(self(), :increment)
    {:ok, state}
  end

  @impl true
  def handle_info(:increment, state) do
    state = state + 1
    IO.inspect("Counter: #{state}, process: #{self() |> inspect}")
    Process.send_after(self(), :increment, 1000)
    {:noreply, state}
  end
end
