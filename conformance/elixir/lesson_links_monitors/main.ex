defmodule Main do
  def start do
    Process.register(spawn(&worker/0), :worker)

    for mode <- [:link, :trap, :monitor] do
      Process.register(spawn(fn -> watcher(mode) end), mode)
    end
  end

  defp worker do
    receive do
      :crash -> exit(:boom)
    end
  end

  defp watcher(mode) do
    worker = Process.whereis(:worker)
    if mode == :trap, do: Process.flag(:trap_exit, true)

    if mode == :monitor do
      Process.monitor(worker) # one-way
    else
      Process.link(worker) # two-way
    end

    receive do
      msg ->
        IO.puts("#{mode} got #{inspect(msg)}")
        # answer Main.ask/1
        receive do
          {:ask, from} -> send(from, elem(msg, 0))
        end
    end
  end

  # What did this watcher receive? (for the checks)
  def ask(name) do
    send(name, {:ask, self()})

    receive do
      answer -> answer
    end
  end
end
