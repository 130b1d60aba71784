// genserver.ex:
// defmodule M do
//   use GenServer
//   @vsn 2
//   def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: __MODULE__)
//   @impl true
//   def init(arg), do: {:ok, arg}
//   @impl true
//   def handle_call(:get, _from, state), do: {:reply, state, state}
// end

const E = require("$elixir");
const $Map = require("Elixir.Map");
const $Process = require("Elixir.Process");
const $Kernel = require("Elixir.Kernel");
const $Logger = require("Elixir.Logger");
const $GenServer = require("Elixir.GenServer");
const $k1 = $Kernel["self/0"];
const $k2 = ["name", "Elixir.M"];
const $k3 = E.list([$k2]);
function child_spec$1(init_arg) { return __async(this, null, function* () {
  return ($Map["merge/2"] ?? E.undef("Elixir.Map", "merge", 2))(E.map([["id", "Elixir.M"], ["start", ["Elixir.M", "start_link", E.list([init_arg])]]]), (yield ($Map["new/1"] ?? E.undef("Elixir.Map", "new", 1))(E.EMPTY)));
}); }
function handle_call$3($a0, $a1, $a2) { return __async(this, null, function* () {
  $c: {
    {
      if ($a0 === "get") {
        const _from = $a1;
        const state = $a2;
        return ["reply", state, state];
      }
    }
  }
  throw E.functionClauseError(__MODULE__, "handle_call", 3);
}); }
function handle_info$2(msg, state) { return __async(this, null, function* () {
  let $t;
  const $t_1 = (yield ($Process["info/2"] ?? E.undef("Elixir.Process", "info", 2))($k1(), "registered_name"));
  $c: {
    {
      if (E.isArray($t_1) && $t_1.length === 2 && $t_1[1] === E.EMPTY) {
        $t = $k1();
        break $c;
      }
    }
    {
      if (E.isArray($t_1) && $t_1.length === 2) {
        const name = $t_1[1];
        $t = name;
        break $c;
      }
    }
    {
      if ($t_1 === null) {
        $t = $k1();
        break $c;
      }
    }
    throw E.caseClauseError($t_1);
  }
  const proc = $t;
  (yield ($Logger["error/1"] ?? E.undef("Elixir.Logger", "error", 1))(E.bin(E.str(E.bin(E.inspect("Elixir.M"))) + " " + E.str(E.bin(E.inspect(proc))) + " received unexpected message in handle_info/2: " + E.str(E.bin(E.inspect(msg))))));
  return ["noreply", state];
}); }
function handle_cast$2(msg, state) { return __async(this, null, function* () {
  let $t;
  const $t_1 = (yield ($Process["info/2"] ?? E.undef("Elixir.Process", "info", 2))($k1(), "registered_name"));
  $c: {
    {
      if (E.isArray($t_1) && $t_1.length === 2 && $t_1[1] === E.EMPTY) {
        $t = $k1();
        break $c;
      }
    }
    {
      if (E.isArray($t_1) && $t_1.length === 2) {
        const name = $t_1[1];
        $t = name;
        break $c;
      }
    }
    {
      if ($t_1 === null) {
        $t = $k1();
        break $c;
      }
    }
    throw E.caseClauseError($t_1);
  }
  const proc = $t;
  return E.throw(E.toError((yield E.raise(E.bin("attempted to cast GenServer " + E.str(E.bin(E.inspect(proc))) + " but no handle_cast/2 clause was provided")))));
}); }
function terminate$2(_reason, _state) { return __async(this, null, function* () {
  return "ok";
}); }
function code_change$3(_old, state, _extra) { return __async(this, null, function* () {
  return ["ok", state];
}); }
function start_link$1(arg) { return __async(this, null, function* () {
  return ($GenServer["start_link/3"] ?? E.undef("Elixir.GenServer", "start_link", 3))("Elixir.M", arg, $k3);
}); }
function init$1(arg) { return __async(this, null, function* () {
  return ["ok", arg];
}); }
exports["child_spec/1"] = child_spec$1;
exports["handle_call/3"] = handle_call$3;
exports["handle_info/2"] = handle_info$2;
exports["handle_cast/2"] = handle_cast$2;
exports["terminate/2"] = terminate$2;
exports["code_change/3"] = code_change$3;
exports["start_link/1"] = start_link$1;
exports["init/1"] = init$1;
exports.vsn = E.str(2);
exports.__vsn__ = 2;
exports["__info__/1"] = (what) => what === "module" ? __MODULE__ : null;
