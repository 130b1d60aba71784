defmodule Worker do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :worker)

  # Starts only while the :gate Agent says :open.
  @impl true
  def init(nil) do
    case Agent.get(:gate, & &1) do
      :open ->
        IO.puts("worker init: started")
        {:ok, nil}

      :closed ->
        IO.puts("worker init: refused")
        {:stop, :gate_closed}
    end
  end

  @impl true
  def handle_cast(:crash, s), do: {:stop, :crashed, s}
end
