defmodule Main do
  def start do
    for arg <- [:ok, :throw_ok, :ignore, :stop, :raise, :exit, :garbage, :continue, :timeout] do
      case GenServer.start(Starter, arg) do
        {:ok, pid} -> IO.puts("#{arg}: {:ok, pid}, state #{inspect(GenServer.call(pid, :get))}")
        {:error, {%RuntimeError{} = e, _stack}} -> IO.puts("#{arg}: {:error, {#{inspect(e)}, _}}")
        other -> IO.puts("#{arg}: #{inspect(other)}")
      end
    end

    # start_link when init stops: the caller gets the error, then the exit signal.
    Process.flag(:trap_exit, true)
    IO.puts("start_link stop: #{inspect(GenServer.start_link(Starter, :stop))}")
    receive do: ({:EXIT, _, reason} -> IO.puts("then the EXIT message: #{inspect(reason)}"))
    IO.puts("start_link ignore: #{inspect(GenServer.start_link(Starter, :ignore))}")

    receive do
      {:EXIT, _, reason} -> IO.puts("then the EXIT message: #{inspect(reason)}")
    after
      0 -> IO.puts("no EXIT message")
    end

    Process.flag(:trap_exit, false)
  end
end
