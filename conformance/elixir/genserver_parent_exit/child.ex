defmodule Child do
  use GenServer

  def start_link({name, trap}), do: GenServer.start_link(__MODULE__, {name, trap}, name: name)

  @impl true
  def init({name, trap}) do
    Process.flag(:trap_exit, trap)
    {:ok, name}
  end

  @impl true
  def handle_info(msg, name) do
    IO.puts("#{name} handle_info #{inspect(msg)}")
    {:noreply, name}
  end

  @impl true
  def terminate(reason, name), do: IO.puts("#{name} terminate #{inspect(reason)}")
end
