defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    # Trapping exits is what lets a supervisor's shutdown call terminate/2.
    Process.flag(:trap_exit, true)
    IO.puts("#{name} init")
    {:ok, name}
  end

  @impl true
  def handle_cast(:crash, name), do: {:stop, :crashed, name}

  @impl true
  def terminate(reason, name), do: IO.puts("#{name} terminate #{inspect(reason)}")
end
