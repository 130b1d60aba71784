defmodule Main do
  def start do
    children = for id <- [:a, :b, :c], do: Supervisor.child_spec({Worker, id}, id: id)
    Supervisor.start_link(children, strategy: :one_for_one, name: :sup)
  end

  # which_children, shortened to each id and whether it runs.
  def children do
    for {id, pid, _, _} <- Supervisor.which_children(:sup), do: {id, if(is_pid(pid), do: :running, else: pid)}
  end
end
