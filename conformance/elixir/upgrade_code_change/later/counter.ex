defmodule Counter do
  use GenServer
  @vsn "2"

  @impl true
  def init(_arg), do: {:ok, %{count: 0, step: 1}}

  @impl true
  def handle_cast(:inc, state), do: {:noreply, %{state | count: state.count + state.step}}

  @impl true
  def handle_call(:get, _from, state), do: {:reply, state, state}

  @impl true
  def code_change(old_vsn, state, extra) do
    IO.puts("code_change old_vsn=#{inspect(old_vsn)} state=#{state} extra=#{inspect(extra)}")

    cond do
      state == 3 -> {:error, :refused}
      state == 4 -> raise "boom in code_change"
      true -> {:ok, %{count: state, step: extra}}
    end
  end
end
