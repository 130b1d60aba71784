defmodule Starter do
  use GenServer

  @impl true
  def init(:ok), do: {:ok, :ready}
  def init(:throw_ok), do: throw({:ok, 100})
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :nope}
  def init(:raise), do: raise("bad init")
  def init(:exit), do: exit(:bad)
  def init(:garbage), do: :what
  def init(:continue), do: {:ok, [:init], {:continue, :warm}}
  def init(:timeout), do: {:ok, :idle, 300}

  @impl true
  def handle_continue(:warm, steps), do: {:noreply, [:continue | steps]}

  @impl true
  def handle_call(:get, _from, state), do: {:reply, state, state}

  @impl true
  def handle_info(:timeout, state) do
    IO.puts("timeout after 300 ms idle, state #{inspect(state)}")
    {:noreply, state}
  end
end
