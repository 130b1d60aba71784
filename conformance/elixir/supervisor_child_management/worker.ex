defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  @impl true
  def init(name) do
    IO.puts("#{name} starts")
    {:ok, name}
  end
end
