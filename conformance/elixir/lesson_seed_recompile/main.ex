defmodule Main do
  def start do
    children = [Counter]
    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
