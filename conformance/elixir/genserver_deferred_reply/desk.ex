defmodule Desk do
  use GenServer

  @impl true
  def init(_), do: {:ok, []}

  # Answers later: the reply is sent from handle_info, after a delay the caller chose.
  @impl true
  def handle_call({:ask, question, delay}, from, waiting) do
    Process.send_after(self(), {:answer, from, question}, delay)
    {:noreply, [question | waiting]}
  end

  def handle_call(:waiting, _from, waiting), do: {:reply, Enum.reverse(waiting), waiting}

  @impl true
  def handle_info({:answer, from, question}, waiting) do
    GenServer.reply(from, {:answer, question})
    {:noreply, List.delete(waiting, question)}
  end
end
