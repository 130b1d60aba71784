# The same workloads on the real BEAM, for reference: run by bench/beam.ts when `elixir` is
# on PATH (`elixir bench/beam/bench.exs`). Prints one JSON line with the Metrics fields.
# Counts match ours: spawn 100k, ring 1,000 x 1M, 1M ping-pong round trips, 1M casts.

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Bench do
  @spawn_n 100_000
  @ring_n 1_000
  @msgs 1_000_000

  def idle do
    receive do
      _ -> :ok
    end
  end

  def spawn_us do
    {us, pids} = :timer.tc(fn -> for _ <- 1..@spawn_n, do: spawn(&idle/0) end)
    Enum.each(pids, &Process.exit(&1, :kill))
    us / @spawn_n
  end

  def bytes_per_idle do
    :erlang.garbage_collect()
    before = :erlang.memory(:processes)
    pids = for _ <- 1..@spawn_n, do: spawn(&idle/0)
    # Let every new process reach its receive before measuring.
    Enum.each(pids, fn p -> wait_waiting(p) end)
    after_ = :erlang.memory(:processes)
    Enum.each(pids, &Process.exit(&1, :kill))
    (after_ - before) / @spawn_n
  end

  defp wait_waiting(p) do
    case Process.info(p, :status) do
      {:status, :waiting} -> :ok
      _ -> :erlang.yield(); wait_waiting(p)
    end
  end

  # A relay forwards the token, one less, to the next; whoever gets 0 tells main.
  def relay(next, main) do
    receive do
      0 -> send(main, :done)
      k -> send(next, k - 1); relay(next, main)
    end
  end

  def main_relay(next) do
    receive do
      :done -> :ok
      0 -> :ok
      k -> send(next, k - 1); main_relay(next)
    end
  end

  def ring_ns do
    me = self()
    last = Enum.reduce(1..(@ring_n - 1), me, fn _, nx -> spawn(fn -> relay(nx, me) end) end)
    {us, _} = :timer.tc(fn -> send(last, @msgs); main_relay(last) end)
    us * 1000 / @msgs
  end

  def ponger do
    receive do
      {:ping, from} -> send(from, :pong); ponger()
    end
  end

  def ping(_pong, 0), do: :ok

  def ping(pong, k) do
    send(pong, {:ping, self()})
    receive do
      :pong -> ping(pong, k - 1)
    end
  end

  def pingpong_ns do
    pong = spawn(&ponger/0)
    {us, _} = :timer.tc(fn -> ping(pong, @msgs) end)
    Process.exit(pong, :kill)
    us * 1000 / @msgs
  end

  def cast_ns do
    {:ok, pid} = GenServer.start_link(Counter, 0)
    {us, n} = :timer.tc(fn ->
      for _ <- 1..@msgs, do: GenServer.cast(pid, :inc)
      GenServer.call(pid, :get, :infinity)
    end)
    ^n = @msgs
    GenServer.stop(pid)
    us * 1000 / @msgs
  end

  def median3(f), do: [f.(), f.(), f.()] |> Enum.sort() |> Enum.at(1)

  # `elixir bench.exs pair`: only ring and ping-pong, for run.ts's interleaved extra rounds.
  def run(["pair"]) do
    metrics = [ring_ns_per_msg: median3(&ring_ns/0), pingpong_ns_per_roundtrip: median3(&pingpong_ns/0)]
    fields = Enum.map_join(metrics, ",", fn {k, v} -> ~s("#{k}":#{:erlang.float_to_binary(v / 1, decimals: 3)}) end)
    IO.puts(~s({#{fields},"spawn_us_per_process":null,"cast_ns_per_msg":null,"bytes_per_idle_process":null,"notes":[]}))
  end

  def run(_) do
    bytes = bytes_per_idle()
    metrics = [
      spawn_us_per_process: median3(&spawn_us/0),
      ring_ns_per_msg: median3(&ring_ns/0),
      pingpong_ns_per_roundtrip: median3(&pingpong_ns/0),
      cast_ns_per_msg: median3(&cast_ns/0),
      bytes_per_idle_process: bytes
    ]
    fields = Enum.map_join(metrics, ",", fn {k, v} -> ~s("#{k}":#{:erlang.float_to_binary(v / 1, decimals: 3)}) end)
    IO.puts(~s({#{fields},"notes":["elixir #{System.version()}, OTP #{System.otp_release()}; median of 3"]}))
  end
end

Bench.run(System.argv())
