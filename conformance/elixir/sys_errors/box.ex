defmodule Box do
  use GenServer

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}

  @impl true
  def handle_cast({:busy, ms}, n) do
    Process.sleep(ms)
    {:noreply, n}
  end
end
