defmodule Main do
  def start do
    a = Loops.start_local()
    b = Loops.start_qualified()
    d = Loops.start_qualified()
    Process.register(a, :a)
    Process.register(b, :b)
    Process.register(d, :d)

    spawn(fn ->
      Process.register(self(), :watcher)
      for pid <- [a, b, d], do: Process.monitor(pid)
      watch(%{a => :a, b => :b, d => :d}, [])
    end)

    :ok
  end

  # Collects which loops ended and why. A purge kills its processes all at once, so the order
  # their ends arrive in is the BEAM's scheduling: `downs/0` answers them sorted by name.
  defp watch(names, downs) do
    receive do
      {:DOWN, _ref, :process, pid, reason} -> watch(names, [{names[pid], reason} | downs])
      {:downs, from} ->
        send(from, {:downs, Enum.sort(downs)})
        watch(names, downs)
    end
  end

  def downs do
    send(:watcher, {:downs, self()})
    receive do: ({:downs, downs} -> downs)
  end

  # Sends a ping and answers the reply.
  def ping(name) do
    send(name, {:ping, self()})

    receive do
      reply -> reply
    end
  end
end
