defmodule Main do
  def start do
    me = self()

    # Noise every 100 ms, and :go at 400.
    spawn(fn ->
      for n <- 1..3 do
        Process.sleep(100)
        send(me, {:noise, n})
      end

      Process.sleep(100)
      send(me, :go)
    end)

    # Non-matching messages do not restart the after-timer.
    r =
      receive do
        :go -> :go
      after
        350 -> :timeout
      end

    {:message_queue_len, queued} = Process.info(self(), :message_queue_len)
    IO.puts("waited for :go with after 350: #{inspect(r)}, #{queued} messages queued")

    r =
      receive do
        :go -> :go
      after
        500 -> :timeout
      end

    IO.puts("then waited again: #{inspect(r)}")

    flushed = flush([])
    IO.puts("flushed in order: #{inspect(flushed)}")

    ref = make_ref()
    send(self(), {:reply, make_ref(), :wrong})
    send(self(), {:reply, ref, :right})

    got =
      receive do
        {:reply, ^ref, value} -> value
      end

    IO.puts("pinned ref picks: #{inspect(got)}, left: #{inspect(flush([]))}")

    timeout = 250

    r =
      receive do
        :never -> :never
      after
        timeout -> :timeout_from_a_variable
      end

    IO.puts("after with a variable: #{inspect(r)}")

  end

  defp flush(acc) do
    receive do
      m -> flush([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end
