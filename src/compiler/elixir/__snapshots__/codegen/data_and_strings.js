// data_and_strings.ex:
// defmodule M do
//   defstruct [:a, b: 1]
//   def f(m, x), do: {%{m | a: x}, %__MODULE__{a: x}, "x=#{x}", [1, 2 | [3]], m.a}
// end

const E = require("$elixir");
const $k1 = E.list([3]);
const $k2 = E.list([1, 2], $k1);
function f$2(m, x) { return __async(this, null, function* () {
  return [E.mapUpdate(m, [["a", x]]), E.struct(__MODULE__, [["a", x]]), E.bin("x=" + E.str(x)), $k2, E.dot(m, "a")];
}); }
exports["f/2"] = f$2;
E.defineStruct(__MODULE__, [["a", null], ["b", 1]]);
exports["__struct__/0"] = () => E.struct(__MODULE__, []);
exports["__struct__/1"] = (kv) => E.struct(__MODULE__, E.iter(kv));
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
