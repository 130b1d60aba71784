defmodule Counter do
  use GenServer
  @vsn "3"

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: :counter)

  @impl true
  def init(n) do
    IO.puts("Counter init in #{inspect(self())}")
    {:ok, n}
  end

  @impl true
  def handle_cast(:inc, n), do: {:noreply, n + 100}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}

  @impl true
  def code_change(old_vsn, n, extra) do
    IO.puts("code_change from #{inspect(old_vsn)} with #{inspect(extra)} in v3")
    {:ok, n * extra}
  end
end
