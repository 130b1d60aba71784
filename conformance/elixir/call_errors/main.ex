defmodule Main do
  defp attempt(label, f) do
    try do
      IO.puts("#{label} returned #{inspect(f.())}")
    catch
      # A crash inside the server comes with its stacktrace: only the exception is printed.
      :exit, {{%RuntimeError{} = e, _stack}, call} -> IO.puts("#{label} caught exit {{#{inspect(e)}, _}, #{inspect(call)}}")
      :exit, reason -> IO.puts("#{label} caught exit #{inspect(reason)}")
    end
  end

  def start do
    {:ok, server} = GenServer.start(Slow, nil, name: :slow)
    attempt("1 timeout", fn -> GenServer.call(server, {:sleep, 300}, 100) end)
    IO.puts("1 server alive #{Process.alive?(server)}")

    late =
      receive do
        m -> inspect(m)
      after
        500 -> "empty"
      end

    IO.puts("1 mailbox after the late reply: #{late}")
    attempt("1 next call", fn -> GenServer.call(server, :ping) end)

    caller = spawn(fn -> GenServer.call(server, {:sleep, 300}, 100) end)
    ref = Process.monitor(caller)

    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.puts("2 uncaught caller down #{inspect(reason)}")
    end

    Process.sleep(400)

    dead = spawn(fn -> nil end)
    ref = Process.monitor(dead)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    attempt("3 dead pid", fn -> GenServer.call(dead, :ping) end)
    attempt("3 unregistered name", fn -> GenServer.call(:no_such_name, :ping) end)
    attempt("3 self", fn -> GenServer.call(self(), :ping) end)
    attempt("3 crash", fn -> GenServer.call(server, :crash) end)
    IO.puts("3 server alive after crash #{Process.alive?(server)}")
  end
end
