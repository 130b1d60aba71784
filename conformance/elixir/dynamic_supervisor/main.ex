defmodule Main do
  def start do
    DynamicSupervisor.start_link(strategy: :one_for_one, name: :dyn, max_children: 3)
  end

  def add(name) do
    case DynamicSupervisor.start_child(:dyn, {Worker, name}) do
      {:ok, pid} -> {:ok, GenServer.call(pid, :name)}
      other -> other
    end
  end

  def add_temporary(name) do
    spec = Supervisor.child_spec({Worker, name}, restart: :temporary)
    DynamicSupervisor.start_child(:dyn, spec) |> elem(0)
  end

  # The children's names, in which_children's order.
  def names do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(:dyn), do: GenServer.call(pid, :name)
  end

  # Stops the child called `name` with `reason`; waits until the supervisor has dealt with it.
  def stop(name, reason) do
    [pid] = for {_, pid, _, _} <- DynamicSupervisor.which_children(:dyn), GenServer.call(pid, :name) == name, do: pid
    ref = Process.monitor(pid)
    GenServer.cast(pid, {:exit, reason})
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    DynamicSupervisor.count_children(:dyn)
  end
end
