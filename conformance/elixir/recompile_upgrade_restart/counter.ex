defmodule Counter do
  use GenServer
  @vsn "1"

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: :counter)

  @impl true
  def init(n) do
    IO.puts("Counter init in #{inspect(self())}")
    {:ok, n}
  end

  @impl true
  def handle_cast(:inc, n), do: {:noreply, n + 1}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}

  @impl true
  def code_change(old_vsn, n, extra) do
    IO.puts("code_change from #{inspect(old_vsn)} with #{inspect(extra)} in v1")
    {:ok, n}
  end
end
