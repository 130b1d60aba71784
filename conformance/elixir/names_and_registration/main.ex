defmodule Main do
  defp attempt(label, f) do
    IO.puts("#{label}: #{inspect(f.())}")
  rescue
    e -> IO.puts("#{label}: raised #{inspect(e.__struct__)}")
  end

  def start do
    {:ok, first} = GenServer.start(Named, :ok, name: :named)
    {:error, {:already_started, pid}} = GenServer.start(Named, :ok, name: :named)
    IO.puts("second start with the same name: already_started, same pid? #{pid == first}")
    attempt("GenServer.whereis(:named) is it", fn -> GenServer.whereis(:named) == first end)
    attempt("register a taken name", fn -> Process.register(spawn(fn -> :ok end), :named) end)
    attempt("register a second name for the same process", fn -> Process.register(first, :other_name) end)
    attempt("send to an unregistered name", fn -> send(:nobody, :hi) end)
    attempt("GenServer.cast to an unregistered name", fn -> GenServer.cast(:nobody, :hi) end)
    attempt("Process.whereis of nobody", fn -> Process.whereis(:nobody) end)
    attempt("unregister", fn -> Process.unregister(:other_name) end)
    attempt("unregister again", fn -> Process.unregister(:other_name) end)

    ref = Process.monitor(first)
    GenServer.stop(first)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    attempt("the name is free once it is down", fn -> Process.whereis(:named) end)
    {:ok, again} = GenServer.start(Named, :ok, name: :named)
    attempt("a new process may take it", fn -> Process.whereis(:named) == again end)
  end
end
