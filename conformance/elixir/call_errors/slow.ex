defmodule Slow do
  use GenServer

  @impl true
  def init(_arg), do: {:ok, 0}

  @impl true
  def handle_call({:sleep, ms}, _from, calls) do
    Process.sleep(ms)
    IO.puts("server: finished sleeping #{ms} ms, replying")
    {:reply, :slept, calls + 1}
  end

  def handle_call(:crash, _from, _calls), do: raise("crash inside handle_call")
  def handle_call(_request, _from, calls), do: {:reply, :pong, calls + 1}
end
