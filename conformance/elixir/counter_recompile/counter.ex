defmodule Counter do
  use GenServer

  def start_link(_arg), do: GenServer.start_link(__MODULE__, nil, name: :counter)

  @impl true
  def init(_arg) do
    send(self(), :tick)
    {:ok, 1}
  end

  @impl true
  def handle_info(:tick, state) do
    Process.send_after(self(), :tick, 500)
    state = state + 1
    IO.puts("Counter: #{state}, process: #{inspect(self())}")
    {:noreply, state}
  end

  @impl true
  def code_change(_old, state, _extra) do
    IO.puts("code_change was called")
    {:ok, state}
  end
end
