if x > 1 do
  :big
else
  :small
end

unless done?, do: go(), else: stop()

cond do
  x < 0 -> :neg
  x == 0 -> :zero
  true -> :pos
end

case value do
  {:ok, v} when v > 0 -> v
  {:error, _} = err -> err
  [h | _] -> h
  %{key: k} -> k
  _ -> nil
end

with {:ok, a} <- fetch(1),
     b = a + 1,
     {:ok, c} when c > b <- fetch(b) do
  c
else
  {:error, reason} -> reason
  other -> other
end

for x <- 1..10, rem(x, 2) == 0, y <- [1, 2], into: %{}, do: {x, y}
for x <- list, reduce: 0 do
  acc -> acc + x
end
for {k, v} <- map, uniq: true, do: k

receive do
  {:msg, m} -> m
  :stop -> :ok
after
  1000 -> :timeout
end

try do
  risky()
rescue
  e in RuntimeError -> e.message
  ArgumentError -> :arg
catch
  :throw, value -> value
  kind, reason -> {kind, reason}
else
  result -> result
after
  cleanup()
end

raise "boom"
raise ArgumentError, message: "bad"
throw(:ball)
exit(:normal)
