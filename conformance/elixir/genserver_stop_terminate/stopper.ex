defmodule Stopper do
  use GenServer

  @impl true
  def init(name), do: {:ok, name}

  @impl true
  def handle_call(:stop_with_reply, _from, name), do: {:stop, :normal, :bye, name}
  def handle_call(:stop_without_reply, _from, name), do: {:stop, :boom, name}

  @impl true
  def handle_cast({:stop, reason}, name), do: {:stop, reason, name}

  @impl true
  def handle_info({:stop, reason}, name), do: {:stop, reason, name}

  @impl true
  def terminate(reason, "slow") do
    IO.puts("slow: terminate #{inspect(reason)} starts, sleeps 500 ms")
    Process.sleep(500)
    IO.puts("slow: terminate done")
  end

  def terminate(_reason, "raising"), do: raise("terminate failed")
  def terminate(reason, name), do: IO.puts("#{name}: terminate #{inspect(reason)}")
end
