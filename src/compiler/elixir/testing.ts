/**
 * Runs Elixir source in a Session for the compiler's tests: `evalElixir(modules, expr)` loads
 * the modules, evaluates `expr` in the shell and answers what the shell printed (IEx's
 * `inspect` of the value, or the error line) and the log lines before it.
 */
import { Harness } from "../../session/testing";
import type { SessionOptions } from "../../session/session";

export async function runElixir(
  files: Record<string, string>,
  evals: string[],
  until = 0,
  options: Partial<Omit<SessionOptions, "esbuild" | "onEvent">> = {},
): Promise<{ logs: string[]; harness: Harness }> {
  const main = "defmodule Main do\n  def start, do: :ok\nend\n";
  const h = new Harness({ "main.ex": main, ...files }, options);
  h.started = await h.session.start({ title: "test", files: h.files, main: "Main" });
  if (!h.started.ok) throw new Error(h.started.message ?? JSON.stringify(h.started.diagnostics));
  for (const e of evals) await h.session.evaluate(e);
  await h.advanceTo(until);
  return { logs: h.logs().map((l) => l.replace(/^\d+ /, "")), harness: h };
}

/** The printed value of each expression (each in its own eval, bindings kept). */
export async function evalElixir(module: string, ...exprs: string[]): Promise<string[]> {
  const { logs } = await runElixir({ "m.ex": module }, exprs);
  return logs;
}
