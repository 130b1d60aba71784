defmodule Main do
  defp idle, do: fn -> receive(do: (:never -> :ok)) end

  # Runs body in a fresh process, prints what reached it and how it ended.
  defp run_case(label, body) do
    {p, ref} =
      spawn_monitor(fn ->
        body.()

        receive do
          m -> IO.puts("#{label}: got #{inspect(m)}")
        after
          200 -> IO.puts("#{label}: got nothing")
        end
      end)

    receive do
      {:DOWN, ^ref, _, ^p, reason} -> IO.puts("#{label}: ended #{show(reason)}")
    end
  end

  # An exit reason with its stacktrace replaced by _stacktrace (it names the BEAM's own frames).
  defp show({reason, [{_, _, _, _} | _]}), do: "{#{inspect(reason)}, _stacktrace}"
  defp show(reason), do: inspect(reason)

  def start do
    run_case("1. chain killed at the far end, trapping", fn ->
      Process.flag(:trap_exit, true)
      me = self()

      spawn_link(fn ->
        c = spawn_link(idle())
        send(me, {:far_end, c})
        receive(do: (:never -> :ok))
      end)

      receive do: ({:far_end, c} -> Process.exit(c, :kill))
    end)

    run_case("2. link to a dead pid, trapping", fn ->
      Process.flag(:trap_exit, true)
      {dead, ref} = spawn_monitor(fn -> :ok end)
      receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
      Process.link(dead)
    end)

    run_case("3. link to a dead pid, not trapping", fn ->
      {dead, ref} = spawn_monitor(fn -> :ok end)
      receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
      Process.link(dead)
    end)

    run_case("4. unlink before the child dies", fn ->
      c = spawn_link(fn -> Process.sleep(100); exit(:boom) end)
      Process.unlink(c)
    end)

    run_case("5. exit(self(), :kill) from a trapping process", fn ->
      Process.flag(:trap_exit, true)
      Process.exit(self(), :kill)
    end)

    run_case("6. exit(:kill) raised by the process itself, linked parent trapping", fn ->
      Process.flag(:trap_exit, true)
      spawn_link(fn -> exit(:kill) end)
    end)

    run_case("7. a linked child ends normally while not trapping", fn ->
      spawn_link(fn -> :ok end)
    end)

    run_case("8. trapping, a stranger sends Process.exit(p, :normal)", fn ->
      Process.flag(:trap_exit, true)
      me = self()
      spawn(fn -> Process.exit(me, :normal) end)
    end)
  end
end
