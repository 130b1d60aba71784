defmodule Main do
  defp child(name), do: %{id: name, start: {Worker, :start_link, [name]}}

  def start do
    {:ok, sup} =
      Supervisor.start_link([child(:w1), child(:w2), child(:w3)],
        strategy: :rest_for_one,
        max_restarts: 2,
        max_seconds: 1
      )

    Process.register(sup, :sup)

    spawn(fn ->
      ref = Process.monitor(sup)

      receive do
        {:DOWN, ^ref, :process, _, reason} -> IO.puts("supervisor down: #{inspect(reason)}")
      end
    end)

    for w <- [:w1, :w2, :w3], do: GenServer.cast(w, :inc)
    :ok
  end
end
