defmodule Loops do
  @version "v1"

  # Loops by a local call: it stays in the version
  # it started in, even after a recompile.
  def local_loop do
    Process.sleep(1000)
    IO.puts("local runs #{@version}")
    local_loop()
  end

  # Loops by an external call, like ?MODULE:loop() in
  # Erlang: each hop enters the current version.
  def hop_loop do
    Process.sleep(1000)
    IO.puts("hop runs #{@version}")
    __MODULE__.hop_loop()
  end
end
