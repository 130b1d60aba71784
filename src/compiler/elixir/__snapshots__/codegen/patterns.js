// patterns.ex:
// defmodule M do
//   def f({:ok, %{name: name} = user}, [first | _], "id:" <> id, {a, a}), do: {name, first, id, user}
//   def pinned(x, y) do
//     case y do
//       ^x -> :same
//       _ -> :other
//     end
//   end
//   def g(%URI{host: host}), do: host
// end

const E = require("$elixir");
function f$4($a0, $a1, $a2, $a3) { return __async(this, null, function* () {
  $c: {
    {
      let $t;
      if (E.isArray($a0) && $a0.length === 2 && $a0[0] === "ok" && $a0[1] instanceof E.EMap && ($t = $a0[1].get("name")) !== undefined && $a1 instanceof E.Cons && $a2 instanceof E.Bin && $a2.s.startsWith("id:") && E.isArray($a3) && $a3.length === 2 && E.seq($a3[1], $a3[0])) {
        const name = $t;
        const user = $a0[1];
        const first = $a1.head;
        const id = E.bin($a2.s.slice(3));
        const a = $a3[0];
        return [name, first, id, user];
      }
    }
  }
  throw E.functionClauseError(__MODULE__, "f", 4);
}); }
function pinned$2(x, y) { return __async(this, null, function* () {
  $c: {
    {
      if (E.seq(y, x)) {
        return "same";
      }
    }
    {
      return "other";
    }
  }
}); }
function g$1($a0) { return __async(this, null, function* () {
  $c: {
    {
      let $t;
      if ($a0 instanceof E.EMap && $a0.get("__struct__") === "Elixir.URI" && ($t = $a0.get("host")) !== undefined) {
        const host = $t;
        return host;
      }
    }
  }
  throw E.functionClauseError(__MODULE__, "g", 1);
}); }
exports["f/4"] = f$4;
exports["pinned/2"] = pinned$2;
exports["g/1"] = g$1;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
