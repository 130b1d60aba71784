// case_cond_if.ex:
// defmodule M do
//   def f(x) do
//     y = case x do
//       {:ok, v} when v > 1 -> v
//       _ -> 0
//     end
//     z = cond do
//       y > 10 -> :big
//       true -> :small
//     end
//     if z == :big, do: y, else: -y
//   end
// end

const E = require("$elixir");
function f$1(x) { return __async(this, null, function* () {
  let $t;
  $c: {
    {
      if (E.isArray(x) && x.length === 2 && x[0] === "ok") {
        const v = x[1];
        let $t_1;
        try {
          $t_1 = E.gt(v, 1) === true;
        } catch ($e) {
          $t_1 = false;
        }
        if ($t_1) {
          $t = v;
          break $c;
        }
      }
    }
    {
      $t = 0;
      break $c;
    }
  }
  const y = $t;
  let $t_2;
  $c_1: {
    if (E.truthy(E.gt(y, 10))) {
      $t_2 = "big";
      break $c_1;
    }
    if (true) {
      $t_2 = "small";
      break $c_1;
    }
    throw E.condClauseError();
  }
  const z = $t_2;
  if (E.truthy(E.eq(z, "big"))) {
    return y;
  } else {
  
    return E.neg(y);
  }
}); }
exports["f/1"] = f$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
