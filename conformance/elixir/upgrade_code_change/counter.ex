defmodule Counter do
  use GenServer
  @vsn "1"

  @impl true
  def init(_arg), do: {:ok, 0}

  @impl true
  def handle_cast(:inc, state), do: {:noreply, state + 1}

  @impl true
  def handle_call(:get, _from, state), do: {:reply, state, state}
end
