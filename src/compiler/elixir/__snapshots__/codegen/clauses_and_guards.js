// clauses_and_guards.ex:
// defmodule M do
//   def kind(0), do: :zero
//   def kind(n) when is_integer(n) and n > 0, do: :positive
//   def kind(_), do: :other
// end

const E = require("$elixir");
function kind$1($a0) { return __async(this, null, function* () {
  $c: {
    {
      if ($a0 === 0) {
        return "zero";
      }
    }
  }
  $c_1: {
    {
      const n = $a0;
      let $t_1;
      try {
      let $t = E.is_integer(n);
      if (E.bool("and", $t)) {
        $t = E.gt(n, 0);
      }
        $t_1 = $t === true;
      } catch ($e) {
        $t_1 = false;
      }
      if ($t_1) {
        return "positive";
      }
    }
  }
  $c_2: {
    {
      return "other";
    }
  }
  throw E.functionClauseError(__MODULE__, "kind", 1);
}); }
exports["kind/1"] = kind$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
