# Runs one conformance scenario on the real BEAM, inside the scenario's Mix project:
#   mix run driver.exs PLAN.exs OUT.jsonl
# PLAN.exs (written by record.ts) is an Elixir map: %{main: Main, until: ms, steps: [...]}.
# OUT.jsonl gets one JSON object per line: {"t": wall ms since Main.start(), "kind": "log" |
# "report" | "note", "pid": "#PID<…>", "text": "…"}, sorted by time.
#
# What a learner does in `iex -S mix`, done on a timer instead of by hand:
# - the shell (IEx's evaluator) is one process that runs `Main.start()`, then each `eval` step in
#   turn with persistent bindings and IEx.Helpers imported, printing `inspect` of the result (or
#   the error banner IEx prints); when it dies (a linked process exited), a new one takes the
#   later evals, with fresh bindings, as IEx does;
# - `recompile` is IEx's own `IEx.Helpers.recompile()` after the step's edits are written to
#   the real files under lib/;
# - `upgrade` is what a release upgrade does: the changed files are compiled beforehand by
#   `elixirc` (a release is built apart from the running system); at the step, the processes
#   whose callback module is one of those modules are `:sys.suspend`ed, the old version is
#   purged and the new one loaded, `:sys.change_code(pid, mod, old_vsn, extra)` runs in start
#   order, then `:sys.resume`;
# - `restart` kills every process of the scenario, loads every module fresh and starts main again.
# Actions run in an operator process at their time (not queued behind a busy shell); their
# printed output ("Compiling 1 file (.ex)") is recorded as notes, not as the scenario's log.
#
# Everything the scenario's processes print goes through a group leader that stamps each IO
# request with the wall clock (one request = one line of the log); Logger calls and OTP crash
# reports reach a Logger backend that keeps their own timestamps. Both use :os.system_time.

defmodule Rec.Clock do
  def now, do: :os.system_time(:microsecond)
end

defmodule Rec.Sink do
  # Collects events {t_us, seq, kind, pid, text}; seq keeps arrival order for equal stamps.
  def start do
    pid = spawn(fn -> loop([], 0) end)
    Process.register(pid, __MODULE__)
    pid
  end

  def add(t, kind, pid, text), do: send(__MODULE__, {:add, t, kind, pid, text})

  def all do
    send(__MODULE__, {:all, self()})
    receive do
      {:events, events} -> events
    end
  end

  defp loop(events, seq) do
    receive do
      {:add, t, kind, pid, text} -> loop([{t, seq, kind, pid, text} | events], seq + 1)
      {:all, from} ->
        send(from, {:events, Enum.sort(events)})
        loop(events, seq)
    end
  end
end

defmodule Rec.GroupLeader do
  # An IO server (the Erlang I/O protocol) that records each output request as one event.
  def start(kind), do: spawn(fn -> loop(kind) end)

  defp loop(kind) do
    receive do
      {:io_request, from, reply_as, request} ->
        t = Rec.Clock.now()
        send(from, {:io_reply, reply_as, handle(request, kind, from, t)})
        loop(kind)

      _ ->
        loop(kind)
    end
  end

  defp handle({:put_chars, encoding, chars}, kind, from, t), do: put(kind, from, t, text(chars, encoding))
  defp handle({:put_chars, chars}, kind, from, t), do: put(kind, from, t, text(chars, :latin1))

  defp handle({:put_chars, encoding, m, f, a}, kind, from, t),
    do: put(kind, from, t, text(apply(m, f, a), encoding))

  defp handle({:requests, requests}, kind, from, t) do
    Enum.reduce(requests, :ok, fn r, _ -> handle(r, kind, from, t) end)
  end

  defp handle(:getopts, _, _, _), do: [binary: true, encoding: :unicode]
  defp handle({:setopts, _}, _, _, _), do: :ok
  defp handle({:get_geometry, _}, _, _, _), do: {:error, :enotsup}
  defp handle(_, _, _, _), do: {:error, :request}

  defp text(chars, :latin1), do: :unicode.characters_to_binary(chars, :latin1)
  defp text(chars, _), do: :unicode.characters_to_binary(chars)

  defp put(kind, from, t, text) do
    # One request is one log line: a trailing newline ends it, inner newlines stay.
    Rec.Sink.add(t, kind, from, String.replace_suffix(text, "\n", ""))
    :ok
  end
end

defmodule Rec.LoggerBackend do
  # Logger output of the scenario's processes (selected by group leader): Logger calls are log
  # lines "[level] message" as the console prints them; OTP's reports (a GenServer terminating,
  # a process raising) are kept, translated as Elixir prints them, but are not log lines.
  @behaviour :gen_event
  def init(_), do: {:ok, nil}

  def handle_event({level, gl, {Logger, msg, _ts, md}}, state) do
    if gl in :persistent_term.get(:rec_group_leaders, []) do
      text = IO.chardata_to_string(msg)
      t = md[:time] || Rec.Clock.now()

      if md[:domain] == [:elixir] do
        Rec.Sink.add(t, :log, md[:pid], "[#{md[:erl_level] || level}] #{text}")
      else
        Rec.Sink.add(t, :report, md[:pid], "[#{md[:erl_level] || level}] #{text}")
      end
    end

    {:ok, state}
  end

  def handle_event(_, state), do: {:ok, state}
  def handle_call(_, state), do: {:ok, :ok, state}
  def handle_info(_, state), do: {:ok, state}
end

defmodule Rec.Shell do
  # IEx's evaluator: one job at a time, bindings kept from eval to eval.
  def start(group_leader) do
    pid = spawn(fn -> loop([]) end)
    Process.group_leader(pid, group_leader)
    pid
  end

  defp loop(binding) do
    receive do
      {:start, main} ->
        run(fn -> {apply(main, :start, []), binding} end, false, binding) |> loop()

      {:eval, code} ->
        run(fn -> Code.eval_string("import IEx.Helpers, warn: false\n" <> code, binding, file: "iex", line: 0) end, true, binding)
        |> loop()
    end
  end

  defp run(job, print?, binding) do
    try do
      {value, new_binding} = job.()
      if print?, do: IO.puts(inspect(value, pretty: true, width: 80))
      new_binding
    catch
      kind, reason ->
        # IEx prints the banner, then the stacktrace; only the banner is part of the scenario.
        IO.puts(Exception.format_banner(kind, reason, __STACKTRACE__))
        binding
    end
  end
end

defmodule Rec.Operator do
  # The script's actions, done as a learner's tools do them.
  def recompile do
    note("recompile() -> #{inspect(iex_recompile())}")
  end

  # IEx's recompile, in a process of its own: Mix's compiler reads every DOWN message of the
  # process it runs in as one of its workers', and the driver monitors the shell.
  defp iex_recompile do
    Task.async(fn -> IEx.Helpers.recompile() end) |> Task.await(:infinity)
  end

  # Compiles an upgrade's files ahead of time, in a separate `elixirc` (as a release is built
  # apart from the running system), so that at the step's time only the loading happens.
  def build_upgrade(index, files) do
    dir = Path.expand("upgrade_#{index}")
    File.mkdir_p!(Path.join(dir, "ebin"))

    sources =
      for {file, source} <- files do
        path = Path.join(dir, Path.basename(file))
        File.write!(path, source)
        path
      end

    ebin = Path.expand("_build/dev/lib/scenario/ebin")
    {out, status} = System.cmd("elixirc", ["-pa", ebin, "-o", Path.join(dir, "ebin") | sources], stderr_to_stdout: true)
    if status != 0, do: raise("upgrade #{index} does not compile:\n#{out}")

    for beam <- Path.wildcard(Path.join(dir, "ebin/*.beam")) do
      {String.to_atom(Path.basename(beam, ".beam")), beam, File.read!(beam)}
    end
  end

  # A release upgrade of the modules built: suspend their processes, load, change_code, resume.
  def upgrade(built, extra) do
    modules = for {m, _, _} <- built, do: m
    procs = for m <- modules, p <- callback_processes(m), do: {m, p}
    old_vsns = Map.new(modules, fn m -> {m, vsn_of(m)} end)
    Enum.each(procs, fn {_, p} -> :sys.suspend(p) end)

    for {m, path, binary} <- built do
      :code.purge(m)
      {:module, ^m} = :code.load_binary(m, String.to_charlist(path), binary)
    end

    for {m, p} <- procs do
      result = :sys.change_code(p, m, old_vsns[m], extra)
      note("sys.change_code(#{inspect(p)}, #{inspect(m)}, #{inspect(old_vsns[m])}, #{inspect(extra)}) -> #{inspect(result)}")
    end

    Enum.each(procs, fn {_, p} -> :sys.resume(p) end)
  end

  def restart(group_leaders) do
    victims =
      Process.list()
      |> Enum.filter(fn p -> p != self() and gl_of(p) in group_leaders end)
      |> Enum.sort()

    refs = Enum.map(victims, &Process.monitor/1)
    Enum.each(victims, &Process.exit(&1, :kill))
    Enum.each(refs, fn r -> receive(do: ({:DOWN, ^r, _, _, _} -> :ok)) end)

    # Then every file is compiled as it now reads, and no module keeps an old version.
    result = iex_recompile()
    for file <- Path.wildcard("lib/**/*.ex"), m <- modules_of(File.read!(file)), do: :code.purge(m)
    note("restart: killed #{length(victims)} processes; recompile() -> #{inspect(result)}; old versions purged")
  end

  defp note(text), do: Rec.Sink.add(Rec.Clock.now(), :note, self(), text)

  defp gl_of(p) do
    case Process.info(p, :group_leader) do
      {:group_leader, gl} -> gl
      nil -> nil
    end
  end

  def modules_of(source) do
    {:ok, ast} = Code.string_to_quoted(source)

    {_, acc} =
      Macro.prewalk(ast, [], fn
        {:defmodule, _, [{:__aliases__, _, parts} | _]} = node, acc -> {node, [Module.concat(parts) | acc]}
        node, acc -> {node, acc}
      end)

    Enum.reverse(acc)
  end

  defp callback_processes(m) do
    Process.list()
    |> Enum.filter(fn p ->
      case Process.info(p, :dictionary) do
        {:dictionary, d} -> d[:"$initial_call"] == {m, :init, 1}
        nil -> false
      end
    end)
    |> Enum.sort()
  end

  defp vsn_of(m) do
    case m.module_info(:attributes)[:vsn] do
      [v] -> v
      other -> other
    end
  end
end

defmodule Rec.Driver do
  def run([plan_file, out_file]) do
    {plan, _} = Code.eval_file(plan_file)
    Rec.Sink.start()
    Logger.add_backend(Rec.LoggerBackend)
    Logger.remove_backend(:console)
    log_gl = Rec.GroupLeader.start(:log)
    note_gl = Rec.GroupLeader.start(:note)
    :persistent_term.put(:rec_group_leaders, [log_gl])
    Process.group_leader(self(), note_gl)
    steps =
      for {s, i} <- Enum.with_index(plan.steps) do
        if s.action == :upgrade, do: Map.put(s, :built, Rec.Operator.build_upgrade(i, s.files)), else: s
      end

    warm_up()
    realtime()

    t0 = Rec.Clock.now()
    Rec.Sink.add(t0, :start, self(), "")
    shell = new_shell(log_gl, plan.main)
    state = %{t0: t0, shell: shell, log_gl: log_gl, main: plan.main}
    state = Enum.reduce(steps, state, &step/2)
    wait_until(state, plan.until)
    Logger.flush()
    write(out_file, t0)
  end

  # Loads, before the clock starts, the code a first recompile, a first crash report and a first
  # call into each module would otherwise load from disk in the middle of the scenario (tens of
  # ms). A learner's `iex -S mix` that has run for a while is warm in the same way.
  defp warm_up do
    IEx.Helpers.recompile()
    for m <- Application.spec(:scenario, :modules) || [], do: Code.ensure_loaded(m)
    {:ok, pid} = Agent.start(fn -> :warm end)
    ref = Process.monitor(pid)
    Agent.cast(pid, fn _ -> raise "warming up the crash reports" end)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    {_, ref} = spawn_monitor(fn -> exit({:warm, self()}) end)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    Logger.flush()
  end

  # Other programs on a busy machine would delay the BEAM's timers by milliseconds at each hop;
  # a real-time priority (when allowed: root) keeps its wall clock close to the scenario's time.
  # The BEAM is started with busy-waiting off (record.ts), so it still yields the CPU when idle.
  defp realtime do
    case System.cmd("chrt", ["-a", "-f", "-p", "10", to_string(:os.getpid())], stderr_to_stdout: true) do
      {_, 0} -> Rec.Sink.add(Rec.Clock.now(), :note, self(), "real-time priority: on")
      {out, _} -> Rec.Sink.add(Rec.Clock.now(), :note, self(), "real-time priority: off (#{String.trim(out)})")
    end
  rescue
    e -> Rec.Sink.add(Rec.Clock.now(), :note, self(), "real-time priority: off (#{Exception.message(e)})")
  end

  defp new_shell(log_gl, main) do
    shell = Rec.Shell.start(log_gl)
    Process.monitor(shell)
    if main, do: send(shell, {:start, main})
    shell
  end

  defp step(s, state) do
    state = wait_until(state, s.at)
    for {file, source} <- s.files, do: File.write!(file, source)

    case s.action do
      nil -> :ok
      :recompile -> Rec.Operator.recompile()
      :upgrade -> Rec.Operator.upgrade(s.built, s.extra)
      :restart -> :ok
    end

    state =
      if s.action == :restart do
        Rec.Operator.restart([state.log_gl])
        flush_downs()
        %{state | shell: new_shell(state.log_gl, state.main)}
      else
        state
      end

    if s.eval do
      Rec.Sink.add(Rec.Clock.now(), :note, state.shell, "iex> " <> s.eval)
      send(state.shell, {:eval, s.eval})
    end

    state
  end

  # Sleeps until `at` ms after the start, replacing the shell whenever it dies meanwhile.
  defp wait_until(state, at) do
    left = div(state.t0 + at * 1000 - Rec.Clock.now() + 999, 1000)

    receive do
      {:DOWN, _, :process, pid, reason} when pid == state.shell ->
        Rec.Sink.add(Rec.Clock.now(), :note, pid, "shell exited: #{inspect(reason)}; a new shell takes the later evals")
        wait_until(%{state | shell: new_shell(state.log_gl, nil)}, at)
    after
      max(left, 0) -> state
    end
  end

  defp flush_downs do
    receive do
      {:DOWN, _, :process, _, _} -> flush_downs()
    after
      0 -> :ok
    end
  end

  defp write(out_file, t0) do
    lines =
      for {t, _seq, kind, pid, text} <- Rec.Sink.all(), kind != :start do
        ms = (t - t0) / 1000
        ~s({"t":#{Float.round(ms, 3)},"kind":"#{kind}","pid":#{json(inspect(pid))},"text":#{json(text)}}\n)
      end

    File.write!(out_file, lines)
  end

  defp json(s) do
    escaped =
      for <<c::utf8 <- s>>, into: "" do
        case c do
          ?" -> "\\\""
          ?\\ -> "\\\\"
          c when c < 0x20 -> "\\u" <> String.pad_leading(Integer.to_string(c, 16), 4, "0")
          c -> <<c::utf8>>
        end
      end

    "\"" <> escaped <> "\""
  end
end

Rec.Driver.run(System.argv())
