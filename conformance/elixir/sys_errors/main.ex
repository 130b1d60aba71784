defmodule Main do
  def start do
    {:ok, pid} = GenServer.start(Box, 1, name: :box)
    pid
  end

  # Runs f, printing what it returned or how it exited or raised.
  def try(f) do
    f.()
  catch
    kind, reason -> {:caught, kind, reason}
  end
end
