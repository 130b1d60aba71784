// receive_after.ex:
// defmodule M do
//   def loop(state) do
//     receive do
//       {:add, n} -> loop(state + n)
//       {:get, from} ->
//         send(from, state)
//         loop(state)
//     after
//       1000 -> state
//     end
//   end
// end

const E = require("$elixir");
const $otp = require("otp");
const $Kernel = require("Elixir.Kernel");
const $k1 = ($m) => {
  {
    if (E.isArray($m) && $m.length === 2 && $m[0] === "add") {
      return true;
    }
  }
  {
    if (E.isArray($m) && $m.length === 2 && $m[0] === "get") {
      return true;
    }
  }
  return false;
};
const $k2 = $Kernel["send/2"];
function loop$1($p0) { return __async(this, null, function* () {
  $loop: for (;;) {
  const state = $p0;
  const $msg = (yield $otp.receive($k1, 1000));
  if ($msg === E.TIMEOUT) {
    return state;
  } else {
  
    $c: {
      {
        if (E.isArray($msg) && $msg.length === 2 && $msg[0] === "add") {
          const n = $msg[1];
          const $t = E.add(state, n);
          $p0 = $t;
          continue $loop;
        }
      }
      {
        if (E.isArray($msg) && $msg.length === 2 && $msg[0] === "get") {
          const from = $msg[1];
          $k2(from, state);
          const $t_1 = state;
          $p0 = $t_1;
          continue $loop;
        }
      }
      throw E.caseClauseError($msg);
    }
  }
  }
}); }
exports["loop/1"] = loop$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
