defmodule Main do
  # A parent process starts a trapping and a non-trapping child, then exits with `reason`.
  defp run_case(label, reason) do
    IO.puts("--- parent exits #{inspect(reason)} (#{label})")
    me = self()

    parent =
      spawn(fn ->
        {:ok, t} = Child.start_link({:trapping, true})
        {:ok, n} = Child.start_link({:not_trapping, false})
        send(me, {:children, t, n})
        receive do: (:go -> exit(reason))
      end)

    {t, n} = receive do: ({:children, t, n} -> {t, n})
    refs = for pid <- [t, n], into: %{}, do: {Process.monitor(pid), pid}
    send(parent, :go)
    Process.sleep(100)

    for {ref, pid} <- refs do
      receive do
        {:DOWN, ^ref, _, _, r} -> IO.puts("#{if pid == t, do: "trapping", else: "not_trapping"} down: #{inspect(r)}")
      after
        0 ->
          IO.puts("#{if pid == t, do: "trapping", else: "not_trapping"} still alive")
          Process.demonitor(ref)
          GenServer.stop(pid)
      end
    end
  end

  def start do
    run_case("abnormal", :boom)
    run_case("normal", :normal)

    IO.puts("--- a linked process that is not the parent exits :boom")
    {:ok, t} = GenServer.start(Child, {:other_trapping, true})
    spawn(fn -> Process.link(t); exit(:boom) end)
    Process.sleep(100)
    IO.puts("other_trapping alive: #{Process.alive?(t)}")
  end
end
