/**
 * IO, Logger, Exception and System: printing is a `log` event of the calling process (what the
 * timeline and the CLI show as its output); time is the runtime's virtual clock.
 */
import { Pid } from "../../terms";
import { ElixirError, badarg, exceptionMessage, exceptionOf } from "../errors";
import { inspect } from "../inspect";
import { Bin, EMap } from "../terms";
import { type Context, inspectOpts } from "./kernel";
import { type Namespace, call, driven } from "./support";
import { toText } from "./text";

const B = (s: string) => new Bin(s);

export function createIO(ctx: Context): Namespace {
  const log = (text: string) => {
    const rt = ctx.rt;
    rt.emit({ t: rt.now, type: "log", pid: rt.current ? String(rt.current.pid) : "system", text });
  };
  const device = (d: unknown) => d === "stdio" || d === "stderr" || d === "standard_io" || d === "standard_error" || d instanceof Pid;
  const inspectTo = (t: unknown, opts: unknown) => {
    const o = inspectOpts(opts);
    log((o.label !== undefined ? `${o.label}: ` : "") + inspect(t, { ...o, width: o.width ?? 80 }));
    return t;
  };
  return {
    "puts/1": (t: unknown) => (log(toText(t)), "ok"),
    "puts/2": (d: unknown, t: unknown) => {
      if (!device(d)) throw badarg(1, "not a device");
      return log(toText(t)), "ok";
    },
    "write/1": (t: unknown) => (log(toText(t)), "ok"),
    "write/2": (_d: unknown, t: unknown) => (log(toText(t)), "ok"),
    "inspect/1": (t: unknown) => inspectTo(t, undefined),
    "inspect/2": (t: unknown, opts: unknown) => inspectTo(t, opts),
    "inspect/3": (_d: unknown, t: unknown, opts: unknown) => inspectTo(t, opts),
    "gets/1": () => "eof",
  };
}

export function createLogger(ctx: Context): Namespace {
  const level = (name: string) =>
    driven(`Logger.${name}`, function* (message: unknown, _metadata?: unknown) {
      const text = typeof message === "function" ? yield* call(message) : message;
      const rt = ctx.rt;
      rt.emit({ t: rt.now, type: "log", pid: rt.current ? String(rt.current.pid) : "system", text: `[${name}] ${toText(text)}` });
      return "ok";
    });
  const out: Namespace = {};
  for (const name of ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]) {
    out[`${name}/1`] = level(name);
    out[`${name}/2`] = level(name);
  }
  // Logger.warn is the pre-1.15 spelling, printed as [warn] by Elixir 1.14.
  out["warn/1"] = level("warn");
  out["warn/2"] = level("warn");
  return out;
}

export function createException(ctx: Context): Namespace {
  return {
    "message/1": driven("Exception.message", function* (e: unknown) {
      const s = e instanceof EMap ? e.structName : null;
      // A user exception may define message/1 (defexception); the built-in ones are known here.
      if (s && !BUILTIN.has(s)) {
        try {
          const f = ctx.resolve(s, "message", 1);
          return yield* call(f, e);
        } catch (err) {
          if (!(err instanceof ElixirError) || err.exception.structName !== "Elixir.UndefinedFunctionError") throw err;
        }
      }
      return B(exceptionMessage(e instanceof EMap ? e : exceptionOf(e), ctx.isLoaded));
    }),
    "format/2": (kind: unknown, e: unknown) => B(kind === "error" && e instanceof EMap ? `** (${inspect(e.structName)}) ${exceptionMessage(e, ctx.isLoaded)}` : `** (${toText(kind)}) ${inspect(e)}`),
  };
}

const BUILTIN = new Set([
  "RuntimeError", "ArgumentError", "ArithmeticError", "SystemLimitError", "MatchError", "CaseClauseError", "CondClauseError",
  "WithClauseError", "TryClauseError", "FunctionClauseError", "KeyError", "UndefinedFunctionError", "BadArityError",
  "BadFunctionError", "BadMapError", "BadBooleanError", "Protocol.UndefinedError", "ErlangError", "Enum.EmptyError", "Enum.OutOfBoundsError",
].map((n) => `Elixir.${n}`));

export function createSystem(ctx: Context): Namespace {
  const ms = () => ctx.rt.now;
  const unit = (u: unknown, v: number) => (u === "second" ? Math.floor(v / 1000) : u === "microsecond" ? v * 1000 : u === "nanosecond" || u === "native" ? v * 1e6 : v);
  return {
    "monotonic_time/0": () => ms() * 1e6,
    "monotonic_time/1": (u: unknown) => unit(u, ms()),
    "system_time/0": () => ms() * 1e6,
    "system_time/1": (u: unknown) => unit(u, ms()),
    "os_time/1": (u: unknown) => unit(u, ms()),
  };
}

