defmodule Recorder do
  use GenServer

  @impl true
  def init(:ok), do: {:ok, []}

  @impl true
  def handle_call(:seen, _from, seen), do: {:reply, Enum.reverse(seen), []}

  @impl true
  def handle_cast(msg, seen), do: {:noreply, [{:cast, msg} | seen]}

  @impl true
  def handle_info(msg, seen), do: {:noreply, [{:info, msg} | seen]}
end
