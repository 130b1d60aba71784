defmodule Main do
  def start do
    {:ok, pid} = GenServer.start(Thrower, 0, name: :thrower)
    IO.puts("thrown_reply -> #{inspect(GenServer.call(pid, :thrown_reply))}")
    GenServer.cast(pid, :thrown_noreply)
    IO.puts("after thrown_noreply, get -> #{inspect(GenServer.call(pid, :get))}")
    ref = Process.monitor(pid)
    send(pid, :thrown_stop)
    receive do: ({:DOWN, ^ref, _, _, reason} -> IO.puts("thrown_stop: DOWN #{inspect(reason)}"))

    {:ok, pid} = GenServer.start(Thrower, 0)
    ref = Process.monitor(pid)

    try do
      GenServer.call(pid, :thrown_garbage)
    catch
      :exit, reason -> IO.puts("thrown_garbage: caller exited #{inspect(reason)}")
    end

    receive do: ({:DOWN, ^ref, _, _, reason} -> IO.puts("thrown_garbage: DOWN #{inspect(reason)}"))
  end
end
