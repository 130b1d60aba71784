# Records what the real Elixir parser gives for each file of the compiler's corpus, so the
# tree-sitter → quoted AST conversion is tested against it on machines without Elixir.
#   elixir scripts/record-elixir-quoted.exs    (rewrites src/compiler/elixir/testdata/quoted.json)
# Terms are written as JSON: atom {"a": name} (true/false/nil as JSON), tuple {"t": [...]},
# list [...], binary "…", integer n (or {"i": "digits"} beyond 2^53), float {"f": x}. Metadata
# keeps only :line and :column.
defmodule QuotedJson do
  def encode(true), do: "true"
  def encode(false), do: "false"
  def encode(nil), do: "null"
  def encode(a) when is_atom(a), do: ~s({"a":#{str(Atom.to_string(a))}})
  def encode(i) when is_integer(i) and abs(i) <= 9_007_199_254_740_991, do: Integer.to_string(i)
  def encode(i) when is_integer(i), do: ~s({"i":"#{i}"})
  def encode(f) when is_float(f), do: ~s({"f":#{:erlang.float_to_binary(f, [:short])}})
  def encode(b) when is_binary(b), do: str(b)
  def encode(l) when is_list(l), do: "[" <> Enum.map_join(l, ",", &encode/1) <> "]"
  def encode(t) when is_tuple(t), do: ~s({"t":) <> encode(Tuple.to_list(t)) <> "}"

  defp str(s) do
    inner =
      s
      |> String.to_charlist()
      |> Enum.map(fn
        ?" -> "\\\""
        ?\\ -> "\\\\"
        ?\n -> "\\n"
        ?\t -> "\\t"
        c when c < 32 -> "\\u" <> String.pad_leading(Integer.to_string(c, 16), 4, "0")
        c -> <<c::utf8>>
      end)
      |> Enum.join()
    "\"" <> inner <> "\""
  end
end

dir = Path.join([__DIR__, "..", "src", "compiler", "elixir", "testdata"])
files = Path.wildcard(Path.join([dir, "corpus", "*.ex"])) |> Enum.sort()

entries =
  for file <- files do
    ast =
      file
      |> File.read!()
      |> Code.string_to_quoted!(columns: true)
      |> Macro.prewalk(fn
        {form, meta, args} when is_list(meta) -> {form, Keyword.take(meta, [:line, :column]), args}
        other -> other
      end)
    "  " <> QuotedJson.encode(Path.basename(file)) <> ": " <> QuotedJson.encode(ast)
  end

File.write!(Path.join(dir, "quoted.json"), "{\n" <> Enum.join(entries, ",\n") <> "\n}\n")
IO.puts("recorded #{length(files)} files from Elixir #{System.version()}")
