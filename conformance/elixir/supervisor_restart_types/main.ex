defmodule Main do
  defp child(id, restart), do: Supervisor.child_spec({Worker, id}, id: id, restart: restart)

  def start do
    children = [
      child(:perm, :permanent),
      child(:temp, :temporary),
      child(:trans_normal, :transient),
      child(:trans_shutdown, :transient),
      child(:trans_boom, :transient)
    ]

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :sup)
    sup
  end

  # Stops a child with `reason` and waits until it is gone and the supervisor has dealt with it
  # (its next call is served after the child's exit signal, and after any restart).
  def stop_child(name, reason) do
    ref = Process.monitor(name)
    GenServer.cast(name, {:exit, reason})
    reason = receive do: ({:DOWN, ^ref, _, _, r} -> r)
    Supervisor.count_children(:sup)
    reason
  end

  # Which children the supervisor knows, in its order, and whether each runs.
  def children do
    for {id, pid, _type, _mods} <- Supervisor.which_children(:sup), do: {id, is_pid(pid)}
  end
end
