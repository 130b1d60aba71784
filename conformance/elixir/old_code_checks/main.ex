defmodule Main do
  def start do
    sleeper = spawn(fn -> Sleepy.nap(10_000) end)
    Process.register(sleeper, :sleeper)

    spawn(fn ->
      ref = Process.monitor(sleeper)
      receive do: ({:DOWN, ^ref, _, _, reason} -> IO.puts("sleeper down: #{inspect(reason)}"))
    end)

    :ok
  end
end
