defmodule Main do
  defp arrivals(n, acc \\ []) do
    if n == 0 do
      Enum.reverse(acc)
    else
      receive do: (m -> arrivals(n - 1, [m | acc]))
    end
  end

  def start do
    Process.send_after(self(), :three_hundred, 300)
    Process.send_after(self(), :one_hundred, 100)
    Process.send_after(self(), :two_hundred, 200)
    IO.puts("1. set 300, 100, 200; arrive: #{inspect(arrivals(3))}")

    Process.send_after(self(), :a, 100)
    Process.send_after(self(), :b, 100)
    Process.send_after(self(), :c, 100)
    IO.puts("2. three at the same ms: #{inspect(arrivals(3))}")

    Process.send_after(self(), :after_zero, 0)
    send(self(), :direct)
    IO.puts("3. send_after 0 then a send: #{inspect(arrivals(2))}")

    ref = Process.send_after(self(), :cancelled, 1000)
    Process.sleep(300)
    left = Process.cancel_timer(ref)
    IO.puts("4. cancel with 700 ms left: integer? #{is_integer(left)}, between 650 and 700? #{left in 650..700}")
    IO.puts("4. cancel again: #{inspect(Process.cancel_timer(ref))}")

    ref = Process.send_after(self(), :fired, 100)
    Process.sleep(200)
    IO.puts("5. read_timer after it fired: #{inspect(Process.read_timer(ref))}")
    IO.puts("5. cancel after it fired: #{inspect(Process.cancel_timer(ref))}")
    IO.puts("5. the message is there: #{inspect(arrivals(1))}")

    dead = spawn(fn -> :ok end)
    Process.sleep(100)
    IO.puts("6. send_after to a dead pid gives a ref: #{is_reference(Process.send_after(dead, :lost, 100))}")

    {:ok, tref} = :timer.send_interval(100, :tick)
    ticks = arrivals(3)
    :timer.cancel(tref)
    IO.puts("7. send_interval 100: #{inspect(ticks)}")
    :timer.sleep(300)

    receive do
      m -> IO.puts("8. left over: #{inspect(m)}")
    after
      0 -> IO.puts("8. nothing left over")
    end
  end
end
