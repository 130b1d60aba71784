// funs_and_captures.ex:
// defmodule M do
//   def f(list) do
//     inc = &(&1 + 1)
//     list |> Enum.map(inc) |> Enum.map(&Integer.to_string/1) |> Enum.filter(fn s -> s != "" end)
//   end
// end

const E = require("$elixir");
const $Enum = require("Elixir.Enum");
const $Integer = require("Elixir.Integer");
const $k1 = { where: "M.f/1" };
const $k2 = E.remoteFun("Elixir.Integer", "to_string", 1);
const $k3 = E.bin("");
function f$1(list) { return __async(this, null, function* () {
  const inc = E.fun(__version, ($1) => __async(null, null, function* () {
  return E.add($1, 1);
}), $k1);
  return ($Enum["filter/2"] ?? E.undef("Elixir.Enum", "filter", 2))((yield ($Enum["map/2"] ?? E.undef("Elixir.Enum", "map", 2))((yield ($Enum["map/2"] ?? E.undef("Elixir.Enum", "map", 2))(list, inc)), $k2)), E.fun(__version, (s) => __async(null, null, function* () {
  return E.neq(s, $k3);
}), $k1));
}); }
exports["f/1"] = f$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
