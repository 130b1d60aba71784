/**
 * The code server: at most two versions per module, current and old, as on the BEAM.
 * Loading a version purges the old one first (killing, in start order, every process that
 * still runs it), then makes current old and the new one current. External calls go through
 * one live namespace object per module whose properties are swapped at each load, so
 * `W.f()` always runs the current version while local calls stay in their own.
 */
import type { Proc } from "./process";
import type { Runtime } from "./runtime";
import { UndefinedFunctionError } from "./terms";
import { isUnwinding } from "./unwind";

export const MODULE_NAME: unique symbol = Symbol.for("otp.module");

export type Namespace = Record<string, unknown> & { [MODULE_NAME]: string };

export class ModuleVersion {
  exports: Record<string, unknown> = {};
  status: "loading" | "current" | "old" | "purged" = "loading";
  /** Whether the module set its `vsn` (else it is a hash of the code). */
  declared = false;
  constructor(
    readonly module: string,
    public vsn: string,
    /** Load order of this version in its module: 1, 2, 3… (for labels like "v2"). */
    readonly generation: number,
    /** The module's name as people read it (`Counter` for the atom `Elixir.Counter`). */
    readonly shown: string = module,
  ) {}

  /** The version as people read it: the declared vsn, else the load order. */
  get short(): string {
    return this.declared ? this.vsn : String(this.generation);
  }

  get label(): string {
    return `${this.shown} v${this.short}`;
  }
}

type Entry = { current: ModuleVersion | null; old: ModuleVersion | null; ns: Namespace; loads: number };

export type LoadReport = { module: string; vsn: string; previous: string | null; killed: Proc[] };

export class CodeServer {
  private modules = new Map<string, Entry>();

  constructor(private readonly rt: Runtime) {}

  /** The live namespace of a module (it exists, possibly empty, even before the first load). */
  namespace(name: string): Namespace {
    return this.entry(name).ns;
  }

  isLoaded(name: string): boolean {
    return !!this.modules.get(name)?.current;
  }

  current(name: string): ModuleVersion | null {
    return this.modules.get(name)?.current ?? null;
  }

  old(name: string): ModuleVersion | null {
    return this.modules.get(name)?.old ?? null;
  }

  loadedModules(): string[] {
    return [...this.modules.entries()].filter(([, e]) => e.current || e.old).map(([name]) => name);
  }

  /**
   * Loads a new version. `evaluate` runs the module's top-level code and returns its exports;
   * if it throws, nothing changes. The version is `exports.vsn` when set, else `fallbackVsn`.
   */
  load(name: string, fallbackVsn: string, evaluate: (version: ModuleVersion) => Record<string, unknown>): LoadReport {
    const entry = this.entry(name);
    const version = new ModuleVersion(name, fallbackVsn, entry.loads + 1, this.rt.shownModule(name));
    const exports = evaluate(version);
    const declared = exports.vsn;
    if (typeof declared === "string" || typeof declared === "number") {
      version.vsn = String(declared);
      version.declared = true;
    }
    version.exports = exports;
    entry.loads++;
    const killed = entry.old ? this.purgeOld(entry) : [];
    const previous = entry.current;
    if (previous) previous.status = "old";
    entry.old = previous;
    entry.current = version;
    version.status = "current";
    this.publish(entry);
    this.rt.emit({
      t: this.rt.now, type: "load", module: this.rt.shownModule(name), vsn: version.vsn, previous: previous?.vsn ?? null,
      label: version.short, previous_label: previous?.short ?? null,
    });
    return { module: name, vsn: version.vsn, previous: previous?.vsn ?? null, killed };
  }

  /** Kills the processes still in the old version and drops it. True if there was one. */
  purge(name: string): boolean {
    const entry = this.modules.get(name);
    if (!entry?.old) return false;
    this.purgeOld(entry);
    return true;
  }

  /** Drops the old version only if no process runs it. */
  softPurge(name: string): boolean {
    const entry = this.modules.get(name);
    if (!entry?.old) return true;
    if (this.usersOf(entry.old).length) return false;
    this.purgeOld(entry);
    return true;
  }

  /** Makes the current version old (no current remains); refused while an old one exists. */
  delete(name: string): boolean {
    const entry = this.modules.get(name);
    if (!entry?.current || entry.old) return false;
    entry.current.status = "old";
    entry.old = entry.current;
    entry.current = null;
    this.publish(entry);
    return true;
  }

  versions(name: string): { current: string | null; old: string | null } {
    const entry = this.modules.get(name);
    return { current: entry?.current?.vsn ?? null, old: entry?.old?.vsn ?? null };
  }

  processesUsingOld(name: string): Proc[] {
    const old = this.modules.get(name)?.old;
    return old ? this.usersOf(old) : [];
  }

  /** The versions a process has frames in, innermost first. */
  versionsOf(p: Proc): ModuleVersion[] {
    const seen: ModuleVersion[] = [];
    for (let a = p.top; a; a = a.parent) if (a.version && !seen.includes(a.version)) seen.push(a.version);
    return seen;
  }

  /** Removes every module (Restart loads everything fresh). */
  reset(): void {
    for (const entry of this.modules.values()) {
      entry.current = null;
      entry.old = null;
      this.publish(entry);
    }
  }

  private usersOf(version: ModuleVersion): Proc[] {
    return this.rt.processes().filter((p) => p.alive && runsIn(p, version));
  }

  private purgeOld(entry: Entry): Proc[] {
    const old = entry.old!;
    const killed = this.usersOf(old);
    // A process that runs the old code may purge it itself (`Code.purge(__MODULE__)`): killing it
    // unwinds its own code, which must not cut the purge short. Finish it, then unwind.
    let unwind: unknown = null;
    for (const p of killed) {
      try {
        this.rt.kill(p, "killed");
      } catch (err) {
        if (!isUnwinding(err)) throw err;
        unwind = err;
      }
    }
    old.status = "purged";
    entry.old = null;
    this.rt.emit({ t: this.rt.now, type: "purge", module: this.rt.shownModule(old.module), vsn: old.vsn, label: old.short, killed: killed.map((p) => String(p.pid)) });
    if (unwind !== null) throw unwind;
    return killed;
  }

  private publish(entry: Entry): void {
    const ns = entry.ns as Record<string, unknown>;
    for (const key of Object.keys(ns)) delete ns[key];
    if (entry.current) Object.assign(ns, entry.current.exports);
  }

  private entry(name: string): Entry {
    let entry = this.modules.get(name);
    if (!entry) {
      entry = { current: null, old: null, ns: makeNamespace(name), loads: 0 };
      this.modules.set(name, entry);
    }
    return entry;
  }
}

function runsIn(p: Proc, version: ModuleVersion): boolean {
  for (let a = p.top; a; a = a.parent) if (a.version === version) return true;
  return false;
}

/** A namespace whose missing functions throw `UndefinedFunctionError` with the call's arity. */
function makeNamespace(name: string): Namespace {
  const missing = new Proxy(Object.create(null), {
    get(_target, key) {
      if (typeof key === "symbol" || key === "__esModule" || key === "then" || key === "toJSON") return undefined;
      // An Elixir module's functions are keyed "name/arity".
      const keyed = /^(.+)\/(\d+)$/.exec(key);
      return function undefinedFunction(...args: unknown[]) {
        throw keyed ? new UndefinedFunctionError(name, keyed[1], Number(keyed[2])) : new UndefinedFunctionError(name, key, args.length);
      };
    },
  });
  const ns = Object.create(missing) as Namespace;
  Object.defineProperty(ns, MODULE_NAME, { value: name, enumerable: false });
  return ns;
}
