defmodule Main do
  defp next do
    receive do
      m -> m
    end
  end

  def start do
    for m <- [:a, :b, :c], do: send(self(), m)
    IO.puts("receive matching only c -> #{inspect(receive do: (:c -> :c))}")
    IO.puts("then receive any -> #{inspect(next())}")
    IO.puts("then receive any -> #{inspect(next())}")

    r =
      receive do
        m -> m
      after
        0 -> :timeout
      end

    IO.puts("receive on empty mailbox with after 0 -> #{inspect(r)}")

    send(self(), {:low, 1})
    send(self(), {:high, 2})

    first =
      receive do
        {tag, _} = m when tag in [:high, :low] -> m
      end

    IO.puts("first of high-or-low -> #{inspect(first)}")
    IO.puts("left: #{inspect(next())}")

    for n <- [1, 3, 4, 5], do: send(self(), {:n, n})
    IO.puts("first even -> #{inspect(receive do: ({_, x} = m when rem(x, 2) == 0 -> m))}")
    for _ <- 1..3, do: IO.puts("left: #{inspect(next())}")

    me = self()

    spawn(fn ->
      Process.sleep(100)
      send(me, :from_other_process)
    end)

    none =
      receive do
        :never -> :never
      after
        300 -> :timeout
      end

    IO.puts("a receive that matched nothing -> #{inspect(none)}")

    left =
      receive do
        m -> m
      after
        0 -> :timeout
      end

    IO.puts("left: #{inspect(left)}")
  end
end
