/**
 * In an Elixir snippet, everything a screen or the CLI gets names modules as Elixir people
 * write them (`Counter`, `App.Sup`), never the atom `Elixir.Counter`: load, purge, spawn,
 * behaviour and runs events, an action's `loaded`, the inspector's snapshot, a crash's frames
 * (`handle_info/2`). Terms keep the atoms: a crash reason's stacktrace still holds
 * `{Counter, :handle_info, 2, …}`, and `inspect` prints it so.
 */
import { describe, expect, it } from "vitest";
import { runSnippet } from "./testing";

const COUNTER = `defmodule Counter do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)

  @impl true
  def init(n) do
    Process.send_after(self(), :tick, 100)
    {:ok, %{count: n}}
  end

  @impl true
  def handle_info(:tick, %{count: n}) do
    {:ok, x} = {:error, n}
    {:noreply, x}
  end
end
`;
const MAIN = `defmodule Main do
  def start do
    Supervisor.start_link([{Counter, 1}], strategy: :one_for_one, name: App.Sup)
    spawn(fn -> receive do: (:never -> :ok) end)
  end
end
`;

describe("module names in an Elixir snippet's events and results", () => {
  it("are Elixir's own (Counter, not Elixir.Counter) in load, spawn, behaviour, register and action data", async () => {
    const h = await runSnippet({ "counter.ex": COUNTER, "main.ex": MAIN }, { main: "Main", until: 50 });
    expect(h.started.loaded).toEqual(["Counter", "Main"]);
    expect(h.of("load").map((e) => e.module)).toEqual(["Counter", "Main"]);
    expect(h.of("behaviour").map((e) => e.module)).toEqual(["Supervisor", "Counter"]);
    expect(h.of("register").map((e) => e.name)).toEqual(["App.Sup", "Counter"]);
    const spawned = h.of("spawn").map((e) => e.module).filter((m) => m !== undefined);
    expect(spawned.every((m) => !m.startsWith("Elixir."))).toBe(true);
    const recompiled = await h.recompile({ "counter.ex": COUNTER.replace("%{count: n}}", "%{count: n + 1}}") });
    expect(recompiled.loaded).toEqual(["Counter"]);
    expect(h.of("action").at(-1)).toMatchObject({ action: "recompile", loaded: ["Counter"] });
  });

  it("are Elixir's own in the inspector's snapshot, whose state prints as inspect does", async () => {
    const h = await runSnippet({ "counter.ex": COUNTER, "main.ex": MAIN }, { main: "Main", until: 50 });
    const counter = h.session.processes().find((p) => p.name === "Counter");
    expect(counter).toMatchObject({ module: "Counter", state: "%{count: 1}" });
    expect(counter!.versions.every((v) => v.startsWith("Counter v"))).toBe(true);
  });

  it("are Elixir's own in a crash's frames, while the reason's stacktrace keeps the atoms", async () => {
    const h = await runSnippet({ "counter.ex": COUNTER, "main.ex": MAIN }, { main: "Main", until: 150 });
    const crash = h.of("exit").find((e) => e.stack?.length)!;
    expect(crash.reason).toBe("{{:badmatch, {:error, 1}}, [{Counter, :handle_info, 2, [file: 'counter.ex', line: 14]}]}");
    expect(crash.stack![0]).toMatchObject({ file: "counter.ex", line: 14, fn: "handle_info/2", module: "Counter" });
  });
});
