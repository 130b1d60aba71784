// with_else.ex:
// defmodule M do
//   def f(a) do
//     with {:ok, b} <- a,
//          c = b + 1 do
//       c
//     else
//       {:error, e} -> e
//     end
//   end
// end

const E = require("$elixir");
function f$1(a) { return __async(this, null, function* () {
  $w: {
    if (!(E.isArray(a) && a.length === 2 && a[0] === "ok")) {
      $c: {
        {
          if (E.isArray(a) && a.length === 2 && a[0] === "error") {
            const e = a[1];
            return e;
          }
        }
        throw E.withClauseError(a);
      }
    }
    const b = a[1];
    const c = E.add(b, 1);
    return c;
  }
}); }
exports["f/1"] = f$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
