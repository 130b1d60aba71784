defmodule Main do
  # Starts a Stopper named `name`, runs `act` on it, prints how it ended. A cast or a send
  # returns at once, while the server stops on its own: what it returned is printed after the
  # server is down, or the two would print side by side.
  defp run_case(name, act, async \\ false) do
    {:ok, pid} = GenServer.start(Stopper, name)
    ref = Process.monitor(pid)

    try do
      result = act.(pid)
      if async, do: receive(do: ({:DOWN, ^ref, _, _, _} = down -> send(self(), down)))
      IO.puts("#{name}: returned #{inspect(result)}")
    catch
      :exit, {{%RuntimeError{} = e, _stack}, call} -> IO.puts("#{name}: caller exited {{#{inspect(e)}, _}, #{inspect(call)}}")
      :exit, reason -> IO.puts("#{name}: caller exited #{inspect(reason)}")
    end

    receive do
      {:DOWN, ^ref, :process, _, {%RuntimeError{} = e, _stack}} -> IO.puts("#{name}: DOWN {#{inspect(e)}, _}")
      {:DOWN, ^ref, :process, _, reason} -> IO.puts("#{name}: DOWN #{inspect(reason)}")
    end
  end

  def start do
    run_case("a", &GenServer.stop(&1, {:shutdown, :bye}))
    run_case("b", &GenServer.call(&1, :stop_with_reply))
    run_case("c", &GenServer.call(&1, :stop_without_reply))
    run_case("d", &GenServer.cast(&1, {:stop, :normal}), :async)
    run_case("e", &send(&1, {:stop, {:shutdown, [1, 2]}}), :async)
    run_case("f", &GenServer.stop(&1))
    run_case("raising", &GenServer.stop(&1, :normal))
    run_case("slow", &GenServer.stop(&1, :normal, 200))

    {pid, ref} = spawn_monitor(fn -> :ok end)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)

    try do
      GenServer.stop(pid)
    catch
      :exit, reason -> IO.puts("stop of a dead pid exited #{inspect(reason)}")
    end
  end
end
