defmodule Worker do
  use GenServer, restart: :transient

  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  @impl true
  def init(:refuse), do: {:stop, :refused}
  def init(:skip), do: :ignore

  def init(name) do
    IO.puts("#{name} starts")
    {:ok, name}
  end

  @impl true
  def handle_call(:name, _from, name), do: {:reply, name, name}

  @impl true
  def handle_cast({:exit, reason}, name), do: {:stop, reason, name}
end
