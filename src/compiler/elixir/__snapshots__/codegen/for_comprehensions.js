// for_comprehensions.ex:
// defmodule M do
//   def f(list), do: for(x <- list, x > 1, into: %{}, do: {x, x * 2})
//   def g(list) do
//     for x <- list, reduce: 0 do
//       acc -> acc + x
//     end
//   end
// end

const E = require("$elixir");
const $k1 = E.map([]);
function f$1(list) { return __async(this, null, function* () {
  const $acc = [];
  for (const $x of E.iter(list)) {
    const x = $x;
    if (!E.truthy(E.gt(x, 1))) continue;
    $acc.push([x, E.mul(x, 2)]);
  }
  return E.into($k1, $acc);
}); }
function g$1(list) { return __async(this, null, function* () {
  let $acc = 0;
  for (const $x of E.iter(list)) {
    const x = $x;
    $c: {
      {
        const acc = $acc;
        $acc = E.add(acc, x);
        break $c;
      }
    }
  }
  return $acc;
}); }
exports["f/1"] = f$1;
exports["g/1"] = g$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
