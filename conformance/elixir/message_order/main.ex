defmodule Main do
  def start do
    {:ok, r} = GenServer.start(Recorder, :ok, name: :rec)
    send(r, 1)
    GenServer.cast(r, 2)
    send(:rec, 3)
    GenServer.cast(:rec, 4)
    IO.puts("one sender, in order: #{inspect(GenServer.call(r, :seen))}")

    :sys.suspend(r)
    send(r, :while_suspended)
    GenServer.cast(r, :cast_while_suspended)
    IO.puts(":sys.get_state works while suspended: #{inspect(:sys.get_state(r))}")
    :sys.resume(r)
    IO.puts("after resume: #{inspect(GenServer.call(r, :seen))}")

    # A timer of 0 ms fires at the scheduler's next timer check, after the sends that follow it.
    me = self()
    send(me, :to_self_first)
    Process.send_after(me, :timer_zero, 0)
    send(me, :to_self_second)
    Process.sleep(100)
    IO.puts("own mailbox: #{inspect(drain([]))}")
  end

  defp drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end
