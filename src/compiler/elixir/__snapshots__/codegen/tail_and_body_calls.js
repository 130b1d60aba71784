// tail_and_body_calls.ex:
// defmodule M do
//   def count(0, acc), do: acc
//   def count(n, acc), do: count(n - 1, acc + 1)
//   def sum([]), do: 0
//   def sum([h | t]), do: h + sum(t)
//   def external(x), do: __MODULE__.count(x, 0)
// end

const E = require("$elixir");
const $M = require("Elixir.M");
function count$2($p0, $p1) { return __async(this, null, function* () {
  $loop: for (;;) {
  const $a0 = $p0;
  const $a1 = $p1;
  $c: {
    {
      if ($a0 === 0) {
        const acc = $a1;
        return acc;
      }
    }
  }
  $c_1: {
    {
      const n = $a0;
      const acc_1 = $a1;
      const $t = E.sub(n, 1);
      const $t_1 = E.add(acc_1, 1);
      $p0 = $t;
      $p1 = $t_1;
      continue $loop;
    }
  }
  throw E.functionClauseError(__MODULE__, "count", 2);
  }
}); }
function sum$1($a0) { return __async(this, null, function* () {
  $c: {
    {
      if ($a0 === E.EMPTY) {
        return 0;
      }
    }
  }
  $c_1: {
    {
      if ($a0 instanceof E.Cons) {
        const h = $a0.head;
        const t = $a0.tail;
        return E.add(h, (yield sum$1(t)));
      }
    }
  }
  throw E.functionClauseError(__MODULE__, "sum", 1);
}); }
function external$1(x) { return __async(this, null, function* () {
  return ($M["count/2"] ?? E.undef("Elixir.M", "count", 2))(x, 0);
}); }
exports["count/2"] = count$2;
exports["sum/1"] = sum$1;
exports["external/1"] = external$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
