defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    IO.puts("#{name} init in #{inspect(self())}")
    {:ok, %{name: name, count: 0}}
  end

  @impl true
  def handle_cast(:crash, state), do: raise("#{state.name} crashed at #{state.count}")
  def handle_cast(_msg, state), do: {:noreply, %{state | count: state.count + 1}}

  @impl true
  def handle_call(_msg, _from, state), do: {:reply, state, state}
end
