/**
 * Child specifications, as Elixir writes them: `"Mod"` and `["Mod", arg]` both mean
 * `Mod.start_link(arg)` (arg `[]` when absent), or a full `{ id, start: [mod, fun, args],
 * restart, shutdown, type }`. A module that exports `child_spec(arg)` gives its own spec.
 */
import { isActivation } from "../activation";
import type { Runtime } from "../runtime";
import { inspect } from "../terms";

export type Child = {
  id: unknown;
  start: [string, string, unknown[]];
  restart: "permanent" | "transient" | "temporary";
  shutdown: number | "brutal_kill" | "infinity";
  type: "worker" | "supervisor";
  pid: import("../terms").Pid | null;
};

const CHILD_DEFAULTS = { restart: "permanent", shutdown: 5000, type: "worker" } as const;
const KEYS = ["id", "start", "restart", "shutdown", "type", "modules"];

export function normalizeChild(rt: Runtime, spec: unknown): Child {
  if (typeof spec === "string") return fromModule(rt, spec, []);
  if (Array.isArray(spec) && spec.length === 2 && typeof spec[0] === "string") return fromModule(rt, spec[0], spec[1]);
  if (spec && typeof spec === "object" && !Array.isArray(spec)) return fromMap(spec as Record<string, unknown>);
  throw new Error(`invalid child spec ${inspect(spec)}: use "Mod", ["Mod", arg] or { id, start: [mod, fun, args] }`);
}

function fromModule(rt: Runtime, module: string, arg: unknown): Child {
  const ns = rt.code.namespace(module);
  if (Object.prototype.hasOwnProperty.call(ns, "child_spec")) {
    const spec = (ns.child_spec as (a: unknown) => unknown)(arg);
    if (isActivation(spec)) throw new Error(`${module}.child_spec/1 must not be async`);
    return fromMap(spec as Record<string, unknown>);
  }
  return { id: module, start: [module, "start_link", [arg]], ...CHILD_DEFAULTS, pid: null };
}

function fromMap(spec: Record<string, unknown>): Child {
  for (const key of Object.keys(spec)) {
    if (!KEYS.includes(key)) throw new Error(`invalid child spec: unknown key ${JSON.stringify(key)}`);
  }
  const start = spec.start;
  if (!Array.isArray(start) || start.length !== 3 || typeof start[0] !== "string" || typeof start[1] !== "string" || !Array.isArray(start[2])) {
    throw new Error(`invalid child spec: start must be [module, function, args], got ${inspect(start)}`);
  }
  const restart = spec.restart ?? CHILD_DEFAULTS.restart;
  if (restart !== "permanent" && restart !== "transient" && restart !== "temporary") {
    throw new Error(`invalid child spec: restart must be permanent, transient or temporary, got ${inspect(restart)}`);
  }
  const type = spec.type ?? CHILD_DEFAULTS.type;
  if (type !== "worker" && type !== "supervisor") throw new Error(`invalid child spec: type must be worker or supervisor, got ${inspect(type)}`);
  const shutdown = spec.shutdown ?? (type === "supervisor" ? "infinity" : CHILD_DEFAULTS.shutdown);
  if (!(typeof shutdown === "number" && shutdown >= 0) && shutdown !== "brutal_kill" && shutdown !== "infinity") {
    throw new Error(`invalid child spec: shutdown must be a number of ms, "brutal_kill" or "infinity", got ${inspect(shutdown)}`);
  }
  return { id: spec.id ?? start[0], start: start as Child["start"], restart, type, shutdown, pid: null };
}
