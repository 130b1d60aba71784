defmodule Worker do
  use GenServer

  def start_link({name, nap}), do: GenServer.start_link(__MODULE__, {name, nap}, name: name)

  @impl true
  def init({name, nap}) do
    Process.flag(:trap_exit, true)
    {:ok, {name, nap}}
  end

  @impl true
  def terminate(reason, {name, nap}) do
    IO.puts("#{name} terminate #{inspect(reason)}, needs #{nap} ms")
    Process.sleep(nap)
    IO.puts("#{name} terminate finished")
  end
end
