// try_rescue_catch.ex:
// defmodule M do
//   def f(g) do
//     try do
//       g.()
//     rescue
//       e in ArgumentError -> e.message
//     catch
//       :throw, v -> v
//     after
//       IO.puts("done")
//     end
//   end
// end

const E = require("$elixir");
const $IO = require("Elixir.IO");
const $k1 = E.bin("done");
function f$1(g) { return __async(this, null, function* () {
  let $r;
  try {
    try {
      $r = (yield E.callFun(g, []));
    } catch ($err) {
    
      const [$kind, $val] = E.caught($err);
      $h: {
        if ($kind === "error" && ($val.get("__struct__") === "Elixir.ArgumentError")) {
          const e = $val;
          $r = E.dot(e, "message");
          break $h;
        }
        const $reason = $kind === "error" ? E.erlangReason($err) : $val;
        $c: {
          {
            if ($kind === "throw") {
              const v = $reason;
              $r = v; break $h;
              break $c;
            }
          }
        }
        throw $err;
      }
    }
  } finally {
  
    (yield ($IO["puts/1"] ?? E.undef("Elixir.IO", "puts", 1))($k1));
  }
  return $r;
}); }
exports["f/1"] = f$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
