defmodule Thrower do
  use GenServer

  @impl true
  def init(n), do: {:ok, n}

  # A throw inside a callback is taken as the callback's return value (gen_server catches it).
  @impl true
  def handle_call(:thrown_reply, _from, n), do: throw({:reply, :thrown, n + 1})
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call(:thrown_garbage, _from, n), do: throw({:not_a_reply, n})

  @impl true
  def handle_cast(:thrown_noreply, n), do: throw({:noreply, n + 10})

  @impl true
  def handle_info(:thrown_stop, n), do: throw({:stop, {:shutdown, :thrown}, n})
end
