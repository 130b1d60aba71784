defmodule Main do
  def start do
    {:ok, desk} = GenServer.start_link(Desk, nil, name: :desk)

    for {question, delay} <- [first: 500, second: 200, third: 300] do
      spawn(fn ->
        answer = GenServer.call(desk, {:ask, question, delay})
        IO.puts("#{question} asked at 0, got #{inspect(answer)}")
      end)

      # The callers run side by side: wait until this one's question is in, so they queue in order.
      wait_for(desk, question)
    end

    spawn(fn ->
      try do
        GenServer.call(desk, {:ask, :impatient, 800}, 400)
      catch
        :exit, reason -> IO.puts("impatient gave up: #{inspect(elem(reason, 0))}")
      end
    end)

    :ok
  end

  defp wait_for(desk, question) do
    unless question in :sys.get_state(desk), do: wait_for(desk, question)
  end
end
