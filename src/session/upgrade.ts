/**
 * A release-style upgrade (SPEC §4), run by a short-lived process as OTP's release_handler
 * does: for each changed module, suspend the processes whose callback module it is, load the
 * new code, call `sys.change_code` on each in start order with the old version's vsn, then
 * resume them. A process that fails to suspend or migrate is left as it is.
 */
import { Activation } from "../runtime/activation";
import type { OtpApi } from "../runtime/api";
import type { Runtime } from "../runtime/runtime";
import { isUnwinding } from "../runtime/unwind";

export function runUpgrade(rt: Runtime, api: OtpApi, modules: string[], extra: unknown, load: (module: string) => void): void {
  function* attempt(call: () => Activation): Generator<unknown, boolean, unknown> {
    try {
      yield call();
      return true;
    } catch (err) {
      if (isUnwinding(err)) throw err;
      return false;
    }
  }

  function* driver() {
    for (const module of modules) {
      const current = rt.code.current(module);
      // An Elixir module keeps its @vsn term (`"1"` is a binary there, not an atom).
      const oldVsn = current && "__vsn__" in current.exports ? current.exports.__vsn__ : current?.vsn;
      const servers = rt.processes().filter((p) => p.alive && p.behaviour?.module === module);
      const suspended = [];
      for (const p of servers) if (yield* attempt(() => api.sys.suspend(p.pid))) suspended.push(p);
      load(module);
      for (const p of suspended) if (p.alive) yield* attempt(() => api.sys.change_code(p.pid, module, oldVsn, extra));
      for (const p of suspended) if (p.alive) yield* attempt(() => api.sys.resume(p.pid));
    }
  }

  rt.spawn(() => new Activation(driver as never, null, [], null), { kind: "process", module: "release_handler", parent: null });
}
