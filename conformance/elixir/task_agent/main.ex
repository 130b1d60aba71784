defmodule Main do
  def start do
    t = Task.async(fn -> Process.sleep(200); :computed end)
    IO.puts("Task.await -> #{inspect(Task.await(t))}")

    slow = Task.async(fn -> Process.sleep(1000); :too_late end)

    try do
      Task.await(slow, 100)
    catch
      :exit, {reason, {Task, :await, [%Task{}, 100]}} -> IO.puts("Task.await(slow, 100) exits #{inspect(reason)}")
    end

    many = for n <- 1..3, do: Task.async(fn -> Process.sleep(100 * (4 - n)); n * n end)
    IO.puts("awaited in order: #{inspect(Enum.map(many, &Task.await/1))}")

    Process.flag(:trap_exit, true)
    crashing = Task.async(fn -> exit(:task_failed) end)

    receive do
      {:EXIT, pid, reason} when pid == crashing.pid -> IO.puts("a crashing task sends EXIT #{inspect(reason)}")
    end

    receive do
      {:DOWN, ref, :process, _, reason} when ref == crashing.ref -> IO.puts("and DOWN #{inspect(reason)}")
    end

    Process.flag(:trap_exit, false)

    {:ok, agent} = Agent.start_link(fn -> %{hits: 0} end, name: :hits)
    Agent.update(agent, fn s -> %{s | hits: s.hits + 1} end)
    Agent.cast(agent, fn s -> %{s | hits: s.hits + 10} end)
    IO.puts("Agent.get -> #{inspect(Agent.get(agent, & &1.hits))}")
    IO.puts("get_and_update -> #{inspect(Agent.get_and_update(:hits, fn s -> {s.hits, %{s | hits: 0}} end))}")
    IO.puts("after -> #{inspect(Agent.get(:hits, & &1))}")
    :ok
  end
end
