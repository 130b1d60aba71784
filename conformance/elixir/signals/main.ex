defmodule Main do
  # Runs body in a fresh process P, waits for it, and prints how P ended.
  defp run_case(label, body) do
    IO.puts("--- #{label}")

    p =
      spawn(fn ->
        body.()
        IO.puts("P: body finished, P alive")
      end)

    ref = Process.monitor(p)

    receive do
      {:DOWN, ^ref, _, _, :normal} -> :ok
      {:DOWN, ^ref, _, _, reason} -> IO.puts("P DOWN, reason: #{inspect(reason)}")
    end
  end

  defp observe(n \\ 1) do
    for _ <- 1..n do
      receive do
        m -> IO.puts("P observed: #{show(m)}")
      after
        1000 -> IO.puts("P observed: nothing within 1000 ms")
      end
    end
  end

  # A crash's stacktrace is the BEAM's own: only the exception is printed.
  defp show({:EXIT, pid, {%{__exception__: true} = e, stack}}) when is_list(stack),
    do: "{:EXIT, #{inspect(pid)}, {#{inspect(e)}, _stacktrace}}"

  defp show(m), do: inspect(m)

  defp child_exiting(reason) do
    spawn_link(fn ->
      Process.sleep(100)
      exit(reason)
    end)
  end

  defp idle, do: fn -> receive(do: (_ -> nil)) end

  def start do
    run_case("1. linked child exits boom; P does not trap", fn ->
      child_exiting(:boom)
      observe()
    end)

    run_case("2. linked child exits boom; P traps", fn ->
      Process.flag(:trap_exit, true)
      child_exiting(:boom)
      observe()
    end)

    run_case("3. linked child exits normal; P does not trap", fn ->
      child_exiting(:normal)
      observe()
    end)

    run_case("4. linked child exits normal; P traps", fn ->
      Process.flag(:trap_exit, true)
      child_exiting(:normal)
      observe()
    end)

    run_case("5. child returns from its function; P traps", fn ->
      Process.flag(:trap_exit, true)
      spawn_link(fn -> nil end)
      observe()
    end)

    run_case("6. Process.exit(child, :kill); P linked, not trapping", fn ->
      c = spawn_link(idle())
      Process.exit(c, :kill)
      observe()
    end)

    run_case("7. Process.exit(child, :kill); P linked, monitoring, trapping", fn ->
      Process.flag(:trap_exit, true)
      c = spawn_link(idle())
      Process.monitor(c)
      Process.exit(c, :kill)
      observe(2)
    end)

    run_case("8. Process.exit(P, :kill) while P traps", fn ->
      Process.flag(:trap_exit, true)
      me = self()
      spawn(fn -> Process.exit(me, :kill) end)
      observe()
    end)

    run_case("9. Process.exit(P, :boom) from another process; P traps", fn ->
      Process.flag(:trap_exit, true)
      me = self()
      spawn(fn -> Process.exit(me, :boom) end)
      observe()
    end)

    run_case("10. Process.exit(P, :normal) from another process; P not trapping", fn ->
      me = self()
      spawn(fn -> Process.exit(me, :normal) end)
      observe()
    end)

    run_case("11. Process.exit(self(), :normal); P not trapping", fn ->
      IO.puts("P: before")
      Process.exit(self(), :normal)
      observe()
    end)

    run_case("12. linked child raises; P traps", fn ->
      Process.flag(:trap_exit, true)
      spawn_link(fn -> raise "child crashed" end)
      observe()
    end)

    run_case("13. linked child calls exit(:kill) itself; P not trapping", fn ->
      child_exiting(:kill)
      observe()
    end)

    run_case("14. linked child exits {:shutdown, :bye}; P not trapping", fn ->
      child_exiting({:shutdown, :bye})
      observe()
    end)

    run_case("15. monitor of a dead pid", fn ->
      c = spawn(fn -> nil end)
      Process.sleep(100)
      Process.monitor(c)
      observe()
    end)
  end
end
