defmodule Holder do
  use GenServer

  # Holds a fun made when it started; calls it on request.
  @impl true
  def init(:ok), do: {:ok, Funs.make()}

  @impl true
  def handle_call(:call_fun, _from, fun) do
    reply =
      try do
        fun.()
      rescue
        e -> {:raised, e.__struct__}
      end

    {:reply, reply, fun}
  end
end
