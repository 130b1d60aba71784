defmodule Main do
  def start do
    Supervisor.start_link([Ticker], strategy: :one_for_one)
  end
end
