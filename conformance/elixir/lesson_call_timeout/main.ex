defmodule Main do
  def start do
    GenServer.start_link(Slow, nil, name: :slow)
  end

  # A 2 s job, but we wait only 1 s. The timeout is an exit;
  # catch :exit catches it.
  def impatient do
    try do
      GenServer.call(:slow, 2000, 1000)
    catch
      :exit, reason ->
        IO.puts("caught exit #{inspect(reason)}")
        elem(reason, 0)
    end
  end

  # Did anything (the late reply?) arrive within ms?
  def mailbox(ms) do
    receive do
      msg -> inspect(msg)
    after
      ms -> :empty
    end
  end

  # The same call in a process that does not catch: it dies.
  def careless do
    Process.register(spawn(fn -> GenServer.call(:slow, 2000, 1000) end), :careless)
  end
end
