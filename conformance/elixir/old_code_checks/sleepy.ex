defmodule Sleepy do
  @version "v1"

  # Sleeps inside this module's code: the process runs this version until it wakes up.
  def nap(ms) do
    Process.sleep(ms)
    IO.puts("woke up in #{@version}")
  end

  def version, do: @version
end
