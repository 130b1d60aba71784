defmodule Counter do
  use GenServer

  def start_link({name, step}) do
    GenServer.start_link(__MODULE__, step, name: name)
  end

  @impl true
  def init(step) do
    Process.send_after(self(), :tick, 1000)
    {:ok, %{n: 0, step: step}}
  end

  @impl true
  def handle_info(:tick, state) do
    Process.send_after(self(), :tick, 1000)
    state = %{state | n: state.n + state.step}
    IO.puts(Fmt.show(state.n)) # code from another module
    {:noreply, state}
  end
end
