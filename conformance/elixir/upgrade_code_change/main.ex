defmodule Main do
  def start do
    for {name, n} <- [c_ok: 5, c_err: 3, c_raise: 4] do
      GenServer.start(Counter, nil, name: name)
      for _ <- 1..n, do: GenServer.cast(name, :inc)
    end

    :ok
  end
end
