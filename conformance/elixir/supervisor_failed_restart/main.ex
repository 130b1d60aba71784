defmodule Main do
  def start do
    Agent.start(fn -> :closed end, name: :gate)
    # The failed supervisor exits too, and the caller is linked to it: trap that exit to see it.
    Process.flag(:trap_exit, true)
    IO.puts("start_link with a child that refuses: #{inspect(Supervisor.start_link([Worker], strategy: :one_for_one))}")
    receive do: ({:EXIT, _, reason} -> IO.puts("then the EXIT message: #{inspect(reason)}"))
    Process.flag(:trap_exit, false)

    Agent.update(:gate, fn _ -> :open end)
    {:ok, sup} = Supervisor.start_link([Worker], strategy: :one_for_one, max_restarts: 3, max_seconds: 5)
    Process.unlink(sup)
    Process.register(sup, :sup)

    spawn(fn ->
      ref = Process.monitor(sup)
      receive do: ({:DOWN, ^ref, _, _, reason} -> IO.puts("supervisor down: #{inspect(reason)}"))
    end)

    :ok
  end
end
