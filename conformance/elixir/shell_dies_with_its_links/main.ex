defmodule Main do
  def start do
    # Linked to the shell that calls start/0: its crash takes the shell down with it.
    spawn_link(fn ->
      Process.sleep(500)
      exit(:fatal)
    end)

    :ok
  end
end
