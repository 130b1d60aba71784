defmodule Main do
  def start do
    {:ok, sup} = Supervisor.start_link([Counter], strategy: :one_for_one)
    sup
  end

  def bump(times) do
    for _ <- 1..times, do: GenServer.cast(:counter, :inc)
    GenServer.call(:counter, :get)
  end
end
