defmodule Main do
  def start do
    Supervisor.start_link([Counter], strategy: :one_for_one)
  end
end
