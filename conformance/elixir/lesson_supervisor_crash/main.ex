defmodule Main do
  def start do
    Supervisor.start_link([Worker],
      strategy: :one_for_one,
      max_restarts: 3, # Elixir's defaults: at most 3 restarts
      max_seconds: 5,  # in any 5 seconds
      name: Sup
    )
  end
end
