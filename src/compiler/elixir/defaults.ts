/**
 * What `use GenServer` and `use Supervisor` add to a module, as Elixir 1.14's `__using__`
 * does: `child_spec/1` (with the `use` options merged in) and, for GenServer, the default
 * callbacks. They are written here as Elixir and compiled like the user's code; each is
 * added only when the module does not define that name/arity itself (`defoverridable`).
 * The messages are Elixir 1.14's (lib/elixir/lib/gen_server.ex, checked on the real BEAM).
 */

/** `__USE_OPTS__` stands for the options given to `use` (a keyword list). */
export const GEN_SERVER_DEFAULTS = `
def child_spec(init_arg) do
  Map.merge(%{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}}, Map.new(__USE_OPTS__))
end

def handle_call(msg, _from, state) do
  proc = case Process.info(self(), :registered_name) do
    {_, []} -> self()
    {_, name} -> name
    nil -> self()
  end
  _ = msg
  _ = state
  raise "attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided"
end

def handle_info(msg, state) do
  proc = case Process.info(self(), :registered_name) do
    {_, []} -> self()
    {_, name} -> name
    nil -> self()
  end
  Logger.error("#{inspect(__MODULE__)} #{inspect(proc)} received unexpected message in handle_info/2: #{inspect(msg)}")
  {:noreply, state}
end

def handle_cast(msg, state) do
  proc = case Process.info(self(), :registered_name) do
    {_, []} -> self()
    {_, name} -> name
    nil -> self()
  end
  _ = msg
  _ = state
  raise "attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided"
end

def terminate(_reason, _state) do
  :ok
end

def code_change(_old, state, _extra) do
  {:ok, state}
end
`;

export const SUPERVISOR_DEFAULTS = `
def child_spec(init_arg) do
  Map.merge(%{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}, type: :supervisor}, Map.new(__USE_OPTS__))
end
`;

export const AGENT_DEFAULTS = `
def child_spec(arg) do
  Map.merge(%{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}, Map.new(__USE_OPTS__))
end
`;

export const TASK_DEFAULTS = `
def child_spec(arg) do
  Map.merge(%{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}, Map.new(__USE_OPTS__))
end
`;

export const USE_DEFAULTS: Record<string, string> = {
  "Elixir.GenServer": GEN_SERVER_DEFAULTS,
  "Elixir.Supervisor": SUPERVISOR_DEFAULTS,
  "Elixir.Agent": AGENT_DEFAULTS,
  "Elixir.Task": TASK_DEFAULTS,
};
