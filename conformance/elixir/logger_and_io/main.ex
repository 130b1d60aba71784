defmodule Main do
  require Logger

  def start do
    IO.puts("IO.puts prints a line")
    x = IO.inspect({:ok, [1, 2]}, label: "IO.inspect with a label")
    IO.puts("IO.inspect returned #{inspect(x)}")
    IO.inspect(%{b: 2, a: 1})
    IO.inspect("a string")
    IO.inspect('chars')
    IO.puts("two\nlines")
    IO.puts(["io", ?d, "ata ", 42 |> Integer.to_string()])
    Logger.info("Logger.info from #{inspect(self())}")
    Logger.warning("Logger.warning")
    Logger.error("Logger.error")
    Logger.debug("Logger.debug")

    spawn(fn ->
      Process.sleep(200)
      Logger.info("from another process, 200 ms later")
      IO.puts("and IO.puts after it")
    end)

    :ok
  end
end
