defmodule Main do
  @cases [
    throw: nil,
    raise: nil,
    badarith: :a,
    div_zero: 0,
    badmatch: {:error, 1},
    case_clause: :unexpected,
    function_clause: "1",
    undef: Nowhere,
    badkey: %{},
    dot_badkey: %{a: 1},
    exit: {:shutdown, :by_hand},
    badfun: 42,
    error_atom: :my_error,
    return: :value
  ]

  def start do
    for {kind, arg} <- @cases do
      {_pid, ref} = spawn_monitor(fn -> Crashes.run(kind, arg) end)
      receive do: ({:DOWN, ^ref, :process, _, reason} -> IO.puts("#{kind}: #{show(reason)}"))
    end

    :ok
  end

  # An exit reason with its stacktrace replaced by _stacktrace (it names the BEAM's own frames).
  defp show({reason, [{_, _, _, _} | _]}), do: "{#{inspect(reason)}, _stacktrace}"
  defp show(reason), do: inspect(reason)
end
