defmodule Main do
  def start do
    children = [
      Supervisor.child_spec({Worker, {:a, 1000}}, id: :a, shutdown: 300),
      Supervisor.child_spec({Worker, {:b, 1000}}, id: :b, shutdown: :brutal_kill),
      Supervisor.child_spec({Worker, {:c, 100}}, id: :c),
      Supervisor.child_spec({Worker, {:d, 200}}, id: :d, shutdown: :infinity)
    ]

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :sup)
    Process.unlink(sup)
    pids = for {id, pid, _, _} <- Supervisor.which_children(sup), into: %{}, do: {pid, id}

    # Collects how each child ended, in the order they ended; `Main.ends()` asks for them.
    spawn(fn ->
      Process.register(self(), :watcher)
      for {pid, _} <- pids, do: Process.monitor(pid)
      collect(pids, [])
    end)

    :ok
  end

  defp collect(pids, ends) do
    receive do
      {:DOWN, _, :process, pid, reason} -> collect(pids, [{pids[pid], reason} | ends])
      {:ends, from} -> send(from, {:ends, Enum.reverse(ends)})
    end
  end

  def ends do
    send(:watcher, {:ends, self()})
    receive do: ({:ends, ends} -> ends)
  end
end
