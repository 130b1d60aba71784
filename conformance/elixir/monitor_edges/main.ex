defmodule Main do
  defp down(ref) do
    receive do
      {:DOWN, ^ref, :process, who, reason} -> "DOWN #{inspect(who)} #{inspect(reason)}"
    after
      200 -> "no DOWN within 200 ms"
    end
  end

  defp idle, do: spawn(fn -> receive(do: (:stop -> :ok)) end)

  def start do
    {dead, ref} = spawn_monitor(fn -> :ok end)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)

    IO.puts("1. monitor a dead pid: #{down(Process.monitor(dead))}")
    IO.puts("2. monitor an unregistered name: #{down(Process.monitor(:nobody_here))}")

    p = idle()
    Process.register(p, :idler)
    ref = Process.monitor(:idler)
    send(p, :stop)
    IO.puts("3. monitor by name, normal exit: #{down(ref)}")

    p = idle()
    r1 = Process.monitor(p)
    r2 = Process.monitor(p)
    Process.exit(p, :bye)
    IO.puts("4. two monitors, first: #{down(r1)}")
    IO.puts("4. two monitors, second: #{down(r2)}")

    p = idle()
    ref = Process.monitor(p)
    IO.puts("5. demonitor before exit: #{Process.demonitor(ref)}")
    Process.exit(p, :kill)
    IO.puts("5. then: #{down(ref)}")

    p = idle()
    ref = Process.monitor(p)
    Process.exit(p, :kill)
    Process.sleep(100)
    IO.puts("6. demonitor after exit, no flush: #{Process.demonitor(ref)}")
    IO.puts("6. then: #{down(ref)}")

    p = idle()
    ref = Process.monitor(p)
    Process.exit(p, :kill)
    Process.sleep(100)
    IO.puts("7. demonitor after exit, flush: #{Process.demonitor(ref, [:flush])}")
    IO.puts("7. then: #{down(ref)}")

    p = idle()
    ref = Process.monitor(p)
    IO.puts("8. demonitor with info: #{inspect(Process.demonitor(ref, [:info]))}")
    IO.puts("8. again: #{inspect(Process.demonitor(ref, [:info]))}")
    send(p, :stop)

    {_, ref} = spawn_monitor(fn -> exit(:normal) end)
    IO.puts("9. spawn_monitor, exit(:normal): #{down(ref)}")
  end
end
