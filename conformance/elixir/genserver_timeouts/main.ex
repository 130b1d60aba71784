defmodule Main do
  def start do
    {:ok, pid} = GenServer.start(Idler, :ok, name: :idler)
    pid
  end
end
