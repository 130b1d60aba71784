/**
 * For the stdlib's tests: a runtime speaking Elixir, user modules loaded from plain objects
 * keyed `"name/arity"` (as compiled Elixir exports them), funs made the way compiled code makes
 * them (async: calling one returns an activation), and a process that runs a generator.
 */
import { createOtpApi } from "../../api";
import type { TraceEvent } from "../../events";
import { Runtime } from "../../runtime";
import { installElixir } from "../dialect";
import { inspect } from "../inspect";
import { type Gen, driven } from "./support";

export type Elixir = ReturnType<typeof boot>;

export function boot() {
  const events: TraceEvent[] = [];
  const rt = new Runtime({ sink: (e) => events.push(e) });
  const api = createOtpApi(rt);
  const ex = installElixir(rt, api);
  /** A stdlib or user module by its Elixir name (`"Enum"`, `":sys"`). */
  const M = (name: string) => ex.require(name.startsWith(":") ? name.slice(1) : `Elixir.${name}`) as Record<string, (...a: any[]) => any>;
  return {
    rt, api, ex, M, events,
    logs: () => events.filter((e) => e.type === "log").map((e) => `${e.t} ${(e as { text: string }).text}`),
    texts: () => events.filter((e) => e.type === "log").map((e) => (e as { text: string }).text),
    exits: () => events.filter((e) => e.type === "exit").map((e) => (e as { reason: string }).reason),
    /** Loads a user module `Elixir.<name>` with these exports. */
    load(name: string, exports: Record<string, unknown>) {
      rt.code.load(`Elixir.${name}`, "1", () => exports);
    },
    /** Runs `body` in a new process until virtual time `until`; its result, printed. */
    run(body: () => Generator<unknown, unknown, any>, until = 60_000): { result: string | undefined } {
      const out: { result: string | undefined } = { result: undefined };
      const main = driven("main", function* () {
        out.result = inspect(yield* (body() as Gen));
      });
      rt.spawn(() => main());
      rt.runUntil(until);
      return out;
    },
  };
}

/** A fun as compiled Elixir makes it: async (an activation when called), of `arity` parameters. */
export function fn(arity: number, body: (...args: any[]) => unknown) {
  return gfn(arity, function* (...args: unknown[]) {
    return body(...args);
  });
}

/** A fun whose body waits (yields activations or tokens), e.g. one that calls GenServer.call. */
export function gfn(arity: number, body: (...args: any[]) => Gen) {
  const f = driven("fn", body);
  Object.defineProperty(f, "length", { value: arity });
  return f;
}
