defmodule Store do
  use GenServer
  @vsn "1"

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}
end
