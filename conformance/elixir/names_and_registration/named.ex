defmodule Named do
  use GenServer

  @impl true
  def init(:ok), do: {:ok, nil}
end
