defmodule Main do
  def start do
    {:ok, holder} = GenServer.start_link(Holder, :ok, name: :holder)
    spawn(fn ->
      ref = Process.monitor(holder)
      receive do: ({:DOWN, ^ref, _, _, reason} -> IO.puts("holder down: #{inspect(reason)}"))
    end)
    :ok
  end
end
