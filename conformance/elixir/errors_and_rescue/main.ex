defmodule MyError do
  defexception message: "my default"
end

defmodule Worker do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  @impl true
  def init(:ok), do: {:ok, 0}

  @impl true
  def handle_call(:raise, _from, _n), do: raise("worker failed")
  def handle_call(:match, _from, n) do
    {:ok, v} = {:error, n}
    {:reply, v, n}
  end
end

defmodule Main do
  # Runs f and prints how it ended: its value, the exception it raised, or what it threw or exited with.
  def attempt(label, f) do
    IO.puts("#{label}: #{inspect(f.())}")
  rescue
    e -> IO.puts("#{label} raised #{inspect(e.__struct__)}: #{Exception.message(e)}")
  catch
    kind, r -> IO.puts("#{label} #{kind}: #{inspect(r)}")
  end

  def with_after(x) do
    x * 2
  after
    IO.puts("with_after's after ran")
  end

  def start do
    attempt("raise custom", fn -> raise MyError end)
    attempt("raise custom, message:", fn -> raise MyError, message: "custom" end)
    attempt("raise custom, string", fn -> raise MyError, "as string" end)
    attempt("rescue in", fn -> try do raise ArgumentError, "bad" rescue e in [ArgumentError, KeyError] -> {:rescued, e} end end)
    attempt("reraise", fn ->
      try do
        raise "inner"
      rescue
        e -> reraise e, __STACKTRACE__
      end
    end)
    attempt("reraise new", fn ->
      try do
        Map.fetch!(%{}, :k)
      rescue
        e in KeyError -> reraise MyError, [message: "wrapped: #{Exception.message(e)}"], __STACKTRACE__
      end
    end)
    attempt("try after", fn -> try do :body after IO.puts("after ran") end end)
    attempt("def after", fn -> with_after(4) end)
    attempt("try else", fn -> try do {:ok, 1} rescue _ -> :no else {:ok, v} -> {:else, v} end end)
    attempt("catch :error raw", fn -> try do {:ok, _} = :nope catch :error, r -> {:raw, r} end end)
    attempt("throw", fn -> throw({:a, 1}) end)
    attempt("exit", fn -> exit({:shutdown, :x}) end)
    attempt("Map.update! missing", fn -> Map.update!(%{}, :a, & &1) end)
    attempt("Keyword.fetch!", fn -> Keyword.fetch!([a: 1], :b) end)
    attempt("Enum.fetch!", fn -> Enum.fetch!([1], 5) end)
    attempt("String.to_integer", fn -> String.to_integer("x") end)
    attempt("elem", fn -> elem({1}, 3) end)
    attempt("hd", fn -> hd([]) end)
    attempt("arith", fn -> 1 + :a end)
    attempt("fn clause", fn -> (fn 1 -> :one end).(2) end)
    attempt("case clause", fn -> case 3 do 1 -> :a end end)
    attempt("cond clause", fn -> cond do false -> :a end end)
    attempt("undefined function", fn -> apply(Main, :nope, []) end)
    attempt("undefined module", fn -> apply(Nope, :nope, [1]) end)
    attempt("interpolate a tuple", fn -> "#{{1, 2}}" end)
    attempt("Enum on an integer", fn -> Enum.map(5, & &1) end)
    attempt("bad arity", fn -> (fn x -> x end).(1, 2) end)
    attempt("badmap", fn -> %{5 | a: 1} end)
    attempt("struct update, unknown key", fn -> %{%MyError{} | nope: 1} end)

    Process.flag(:trap_exit, true)
    {:ok, _} = Supervisor.start_link([Worker], strategy: :one_for_one)
    # (The stacktraces differ: the BEAM's holds gen_server's own frames and Mix's lib/ paths.)
    call = fn msg ->
      try do
        GenServer.call(Worker, msg)
      catch
        :exit, {{reason, [{Worker, fun, arity, _} | _]}, {GenServer, :call, args}} -> {:exit, reason, {fun, arity}, args}
      end
    end
    attempt("call that raises", fn -> call.(:raise) end)
    Process.sleep(100)
    attempt("call that fails a match", fn -> call.(:match) end)
    pid = spawn_link(fn -> raise "linked" end)
    receive do
      {:EXIT, ^pid, {e, [_ | _]}} -> IO.puts("EXIT of a linked raise: #{inspect(e)}")
    end
    pid = spawn_link(fn -> exit(:bye) end)
    receive do
      {:EXIT, ^pid, r} -> IO.puts("EXIT of a linked exit: #{inspect(r)}")
    end
  end
end
