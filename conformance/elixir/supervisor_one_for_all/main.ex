defmodule Main do
  def start do
    children = for id <- [:w1, :w2, :w3], do: Supervisor.child_spec({Worker, id}, id: id)
    Supervisor.start_link(children, strategy: :one_for_all, name: :sup)
  end

  # Crashes one child and waits until the supervisor has restarted them all.
  def crash(name) do
    GenServer.cast(name, :crash)
    Process.sleep(100)
    Supervisor.count_children(:sup)
  end
end
