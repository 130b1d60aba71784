defmodule Main do
  def start do
    Process.register(spawn(&Loops.local_loop/0), :local)
    Process.register(spawn(&Loops.hop_loop/0), :hop)
  end

  # The processes that still run Loops' old code.
  def in_old_code do
    for pid <- Process.list(), :erlang.check_process_code(pid, Loops), do: pid
  end
end
