defmodule Main do
  def start do
    Process.register(spawn(&inbox/0), :inbox)
  end

  # Handles urgent mail first, then the rest in arrival order.
  defp inbox do
    Process.sleep(2000) # busy: mail piles up
    loop()
  end

  defp loop do
    receive do
      {:urgent, _} = msg -> handle(msg)
    after
      0 ->
        receive do
          msg -> handle(msg)
        end
    end

    loop()
  end

  defp handle(msg) do
    IO.puts("handled #{inspect(msg)}")
    Process.sleep(500) # each message takes 0.5 s
  end

  # How many messages wait in the inbox?
  def queue do
    {:message_queue_len, n} = Process.info(Process.whereis(:inbox), :message_queue_len)
    n
  end

  # The same rule in the shell: oldest match first, others stay.
  def pick do
    for msg <- [:a, {:urgent, :b}, :c], do: send(self(), msg)
    first = receive do: ({:urgent, _} = msg -> msg)
    second = receive do: (msg -> msg)
    third = receive do: (msg -> msg)
    [first, second, third]
  end
end
