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
    if (Array.isArray($m) && $m.length === 2 && $m[0] === "add") {
      return true;
    }
  }
  {
    if (Array.isArray($m) && $m.length === 2 && $m[0] === "get") {
      return true;
    }
  }
  return false;
};
const $k2 = $Kernel["send/2"];
async function loop$1(state) {
  const $msg = await $otp.receive($k1, 1000);
  if ($msg === E.TIMEOUT) {
    return state;
  } else {
  
    $c: {
      {
        if (Array.isArray($msg) && $msg.length === 2 && $msg[0] === "add") {
          const n = $msg[1];
          return loop$1(E.add(state, n));
        }
      }
      {
        if (Array.isArray($msg) && $msg.length === 2 && $msg[0] === "get") {
          const from = $msg[1];
          $k2(from, state);
          return loop$1(state);
        }
      }
      throw E.caseClauseError($msg);
    }
  }
}
exports["loop/1"] = loop$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
