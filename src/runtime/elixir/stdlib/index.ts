/**
 * The Elixir standard library subset (SPEC §10) as built-in module namespaces keyed
 * `"name/arity"`, one set per runtime. The loader's `require` hands one out when no user module
 * of that name is loaded (DESIGN.md "Compiler ↔ runtime interface").
 */
import type { OtpApi } from "../../api";
import type { Runtime } from "../../runtime";
import { createKeyword, createList, createMap, createMapSet, createTuple } from "./collections";
import { createEnum } from "./enum";
import { type Context, createException, createIO, createKernel, createLogger, createSystem } from "./kernel";
import { createOtp } from "./otp";
import { createCode, createErlang, createProcess, createSys, createTimer } from "./processes";
import type { Namespace } from "./support";
import { createAtom, createInteger, createString } from "./text";

export type Stdlib = Map<string, Namespace>;

export function createElixirStdlib(ctx: Context): Stdlib {
  const code = createCode(ctx);
  const modules: Record<string, Namespace> = {
    "Elixir.Kernel": createKernel(ctx),
    "Elixir.IO": createIO(ctx),
    "Elixir.Logger": createLogger(ctx),
    "Elixir.Exception": createException(ctx),
    "Elixir.System": createSystem(ctx),
    "Elixir.Process": createProcess(ctx),
    "Elixir.Enum": createEnum(),
    "Elixir.Map": createMap(),
    "Elixir.List": createList(),
    "Elixir.Keyword": createKeyword(),
    "Elixir.Tuple": createTuple(),
    "Elixir.MapSet": createMapSet(),
    "Elixir.String": createString(),
    "Elixir.Integer": createInteger(),
    "Elixir.Atom": createAtom(),
    "Elixir.Code": code,
    code,
    erlang: createErlang(ctx),
    timer: createTimer(ctx),
    sys: createSys(ctx),
    ...createOtp(ctx),
  };
  return new Map(Object.entries(modules));
}

export type { Context, OtpApi, Runtime };
