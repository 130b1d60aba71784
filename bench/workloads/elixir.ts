/**
 * The ring and ping-pong written in Elixir, as a learner would (a tail-recursive receive loop),
 * the same work as ring.ts ("tail") and pingpong.ts: the token or first ping goes at 1 ms, so
 * the timed `advance(1)` measures message passing only. And a 50-line GenServer module for the
 * compile-time target.
 */
import type { Snippet } from "../../src/share/snippetTypes";

export function elixirRingSnippet(n: number, m: number): Snippet {
  const main = `defmodule Main do
  def start do
    spawn(fn -> ring() end)
    :ok
  end

  defp ring do
    # Each new process forwards to the one spawned before it; the first forwards to us.
    next = build(self(), ${n} - 1)
    Process.sleep(1)
    send(next, ${m})
    relay(next)
  end

  defp build(next, 0), do: next
  defp build(next, i), do: build(spawn(fn -> relay(next) end), i - 1)

  defp relay(next) do
    receive do
      0 ->
        IO.puts("done")

      k ->
        send(next, k - 1)
        relay(next)
    end
  end
end
`;
  return { title: `Elixir ring ${n} x ${m}`, files: { "main.ex": main }, main: "Main" };
}

export function elixirPingpongSnippet(m: number): Snippet {
  const main = `defmodule Main do
  def start do
    pong = spawn(fn -> ponger() end)
    spawn(fn -> pinger(pong) end)
    :ok
  end

  defp ponger do
    receive do
      {:ping, from} ->
        send(from, :pong)
        ponger()
    end
  end

  defp pinger(pong) do
    Process.sleep(1)
    loop(pong, ${m})
  end

  defp loop(_pong, 0), do: IO.puts("done ${m}")

  defp loop(pong, i) do
    send(pong, {:ping, self()})

    receive do
      :pong -> loop(pong, i - 1)
    end
  end
end
`;
  return { title: `Elixir ping-pong ${m}`, files: { "main.ex": main }, main: "Main" };
}

/** A 50-line module of the kind a lesson holds (a GenServer with its client API). */
export const FIFTY_LINE_MODULE = `defmodule Bench.Stack do
  use GenServer
  @vsn 1
  @max 100

  # Client API
  def start_link(items \\\\ []), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  def push(item), do: GenServer.cast(__MODULE__, {:push, item})
  def pop, do: GenServer.call(__MODULE__, :pop)
  def size, do: GenServer.call(__MODULE__, :size)

  @impl true
  def init(items) when is_list(items), do: {:ok, %{items: items, pops: 0}}

  @impl true
  def handle_call(:pop, _from, %{items: [top | rest]} = state) do
    {:reply, {:ok, top}, %{state | items: rest, pops: state.pops + 1}}
  end

  def handle_call(:pop, _from, %{items: []} = state), do: {:reply, :empty, state}
  def handle_call(:size, _from, state), do: {:reply, length(state.items), state}

  @impl true
  def handle_cast({:push, item}, %{items: items} = state) when length(items) < @max do
    {:noreply, %{state | items: [item | items]}}
  end

  def handle_cast({:push, _item}, state) do
    IO.puts("stack full")
    {:noreply, state}
  end

  @impl true
  def handle_info({:drain, to}, state) do
    for item <- state.items, do: send(to, {:item, item})
    {:noreply, %{state | items: []}}
  end

  def handle_info(msg, state) do
    case msg do
      {:log, text} -> IO.puts("log: #{text}")
      other -> IO.inspect(other, label: "unexpected")
    end

    {:noreply, state}
  end

  @impl true
  def code_change(_old, state, _extra), do: {:ok, Map.put_new(state, :pops, 0)}
end
`;
