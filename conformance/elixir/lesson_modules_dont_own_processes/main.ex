defmodule Main do
  def start do
    children = [
      Supervisor.child_spec({Counter, {:a, 1}}, id: :a),
      Supervisor.child_spec({Counter, {:b, 100}}, id: :b)
    ]

    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
