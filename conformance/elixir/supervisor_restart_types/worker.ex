defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    IO.puts("#{name} starts")
    {:ok, name}
  end

  @impl true
  def handle_cast({:exit, reason}, name), do: {:stop, reason, name}
end
