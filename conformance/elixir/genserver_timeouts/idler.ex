defmodule Idler do
  use GenServer

  @impl true
  def init(:ok) do
    IO.puts("init")
    {:ok, 0, {:continue, :warm_up}}
  end

  @impl true
  def handle_continue(:warm_up, n) do
    IO.puts("handle_continue runs before any message")
    {:noreply, n, 300}
  end

  @impl true
  def handle_call(:ping, _from, n), do: {:reply, :pong, n, 200}

  @impl true
  def handle_cast(:poke, n), do: {:noreply, n, 200}
  def handle_cast(:hibernate, n), do: {:noreply, n, :hibernate}

  @impl true
  def handle_info(:timeout, n) do
    IO.puts("timeout ##{n + 1}")
    {:noreply, n + 1}
  end

  def handle_info(other, n) do
    IO.puts("got #{inspect(other)}: no timeout this time")
    {:noreply, n}
  end
end
