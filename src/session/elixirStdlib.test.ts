/**
 * The Elixir stdlib end to end: a module compiled from Elixir source calls Enum, String, Map,
 * Keyword, Integer, Tuple, Agent, Task, IO.inspect (with its 80-column layout) and
 * Exception.message, and prints what `elixir -e 'Code.require_file("main.ex"); Main.start()'`
 * printed with Elixir 1.14 on OTP 25 (recorded below); a supervision tree does what the BEAM did.
 */
import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

const MAIN = "defmodule Main do\n  def start do\n    words = String.split(\"the quick brown fox jumps over the lazy dog\")\n    IO.inspect(Enum.frequencies(words) |> Enum.filter(fn {_, n} -> n > 1 end))\n    IO.inspect(words |> Enum.map(&String.length/1) |> Enum.sum())\n    IO.inspect(Enum.group_by(words, &String.length/1) |> Map.keys())\n    IO.puts(Enum.map_join(1..5, \",\", &Integer.to_string/1))\n    IO.inspect(Enum.sort_by(words, &{String.length(&1), &1}, :desc) |> Enum.take(3))\n    m = %{count: 1, name: \"x\"}\n    IO.inspect(%{m | count: m.count + 1})\n    IO.inspect(Map.update!(m, :count, &(&1 * 10)), label: \"updated\")\n    IO.inspect(Keyword.merge([a: 1, b: 2], b: 3, c: 4))\n    IO.inspect(Enum.zip([1, 2, 3], [:a, :b, :c]) |> Map.new())\n    IO.inspect(for x <- 1..4, rem(x, 2) == 0, do: x * x)\n    IO.inspect(Enum.reduce(1..10, 0, fn x, acc -> x + acc end))\n    IO.inspect({String.upcase(\"h\u00e9llo\"), String.pad_leading(\"7\", 3, \"0\"), Integer.parse(\"42abc\")})\n    IO.inspect(Enum.chunk_every(1..7, 3))\n    IO.inspect(Tuple.to_list({1, :two, \"three\"}))\n    IO.inspect(2 ** 70)\n    IO.inspect(Enum.to_list(1..40), label: \"long\")\n    try do\n      Map.fetch!(m, :missing)\n    rescue\n      e -> IO.puts(Exception.message(e))\n    end\n    try do\n      String.to_integer(\"x1\")\n    rescue\n      e in ArgumentError -> IO.inspect(e.__struct__)\n    end\n    {:ok, agent} = Agent.start_link(fn -> [] end)\n    Agent.update(agent, &[:first | &1])\n    IO.inspect(Agent.get(agent, &Enum.reverse/1))\n    task = Task.async(fn -> Enum.sum(1..100) end)\n    IO.inspect(Task.await(task))\n    :ok\n  end\nend\n";

/** The real BEAM's output for MAIN (one entry per IO call; a pretty-printed term keeps its newline). */
const BEAM = [
  "[{\"the\", 2}]",
  "35",
  "[3, 4, 5]",
  "1,2,3,4,5",
  "[\"quick\", \"jumps\", \"brown\"]",
  "%{count: 2, name: \"x\"}",
  "updated: %{count: 10, name: \"x\"}",
  "[a: 1, b: 3, c: 4]",
  "%{1 => :a, 2 => :b, 3 => :c}",
  "[4, 16]",
  "55",
  "{\"HÉLLO\", \"007\", {42, \"abc\"}}",
  "[[1, 2, 3], [4, 5, 6], '\\a']",
  "[1, :two, \"three\"]",
  "1180591620717411303424",
  "long: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]",
  "key :missing not found in: %{count: 1, name: \"x\"}",
  "ArgumentError",
  "[:first]",
  "5050"
];

/** A `use Supervisor` tree with a `use GenServer` child, driven through GenServer, :sys and Supervisor. */
const SUPERVISED = "defmodule Counter do\n  use GenServer\n\n  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)\n  def get, do: GenServer.call(__MODULE__, :get)\n\n  @impl true\n  def init(n), do: {:ok, %{count: n}}\n\n  @impl true\n  def handle_call(:get, _from, state), do: {:reply, state.count, state}\n\n  @impl true\n  def handle_cast({:add, k}, state), do: {:noreply, %{state | count: state.count + k}}\nend\n\ndefmodule App.Sup do\n  use Supervisor\n\n  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)\n\n  @impl true\n  def init(n) do\n    children = [{Counter, n}, %{id: :agent, start: {Agent, :start_link, [fn -> :idle end]}}]\n    Supervisor.init(children, strategy: :one_for_one, max_restarts: 5)\n  end\nend\n\ndefmodule Main do\n  def start do\n    {:ok, sup} = App.Sup.start_link(10)\n    GenServer.cast(Counter, {:add, 5})\n    IO.inspect(Counter.get())\n    IO.inspect(:sys.get_state(Counter))\n    IO.inspect(Supervisor.count_children(sup))\n    IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end) |> Enum.sort())\n    old = Process.whereis(Counter)\n    Process.exit(old, :kill)\n    Process.sleep(10)\n    IO.inspect({Process.whereis(Counter) != old, Counter.get()})\n    IO.inspect(Supervisor.terminate_child(sup, :agent))\n    IO.inspect(Supervisor.restart_child(sup, :agent) |> elem(0))\n    IO.inspect(Supervisor.child_spec({Counter, 1}, id: :other))\n    :ok\n  end\nend\n";

/** What the real Elixir printed for SUPERVISED (Main.start()). */
const SUPERVISED_BEAM = [
  "15",
  "%{count: 15}",
  "%{active: 2, specs: 2, supervisors: 0, workers: 2}",
  "[{Counter, true, :worker, [Counter]}, {:agent, true, :worker, [Agent]}]",
  "{true, 10}",
  ":ok",
  ":ok",
  "%{id: :other, start: {Counter, :start_link, [1]}}"
];

describe("the Elixir stdlib through compiled Elixir", () => {
  it("runs a supervision tree from `use Supervisor` and `use GenServer` as the BEAM does", async () => {
    const h = await runSnippet({ "sup.ex": SUPERVISED }, { until: 100 });
    expect(h.texts()).toEqual(SUPERVISED_BEAM);
  });

  it("prints what the real Elixir printed for the same module", async () => {
    const h = await runSnippet({ "main.ex": MAIN }, { until: 100 });
    expect(h.texts()).toEqual(BEAM);
  });
});
