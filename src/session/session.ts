/**
 * A running snippet: one runtime, one compiler, the editor's files, the shell and the script.
 * Hosts (the Web Worker, the CLI, tests) drive it; virtual time moves only inside `advance`.
 * Script steps run at their `at`, before the runtime's timers due at the same ms; actions
 * (recompile, upgrade, restart) follow SPEC §4.
 */
import { type OtpApi, createOtpApi } from "../runtime/api";
import type { TraceEvent } from "../runtime/events";
import type { Proc } from "../runtime/process";
import { Runtime } from "../runtime/runtime";
import { Pid, inspect } from "../runtime/terms";
import { inspect as inspectElixir } from "../runtime/elixir/inspect";
import { type CompiledModule, type EsbuildLike, compileModule, moduleNameOf } from "../compiler/compile";
import type { ParserBytes } from "../compiler/elixir/parser";
import { installElixir } from "../runtime/elixir/dialect";
import { compileExpression, moduleScope } from "../compiler/compileExpression";
import { formatDiagnostic } from "../compiler/diagnostics";
import { ModuleLoader } from "../compiler/loader";
import { applyStepEdits } from "../share/snippet";
import type { Check, Poke, ScriptStep, Snippet } from "../share/snippetTypes";
import type { PokeEvent } from "../runtime/events";
import { findTarget, pokeJob, pokeRefusal } from "./poke";
import { asJson, deepEqual } from "./checks";
import { type ShellJob, type ShellLanguage, describeElixirError, describeError, sendJob, spawnShell } from "./shell";
import type { ActionResult, Diagnostic, ProcessSnapshot } from "./types";
import { runUpgrade } from "./upgrade";
import { snapshotOf } from "./snapshot";
import { IEX_HELPERS, IexHistory, compileErrorLines, editorHelper, iexHelpers } from "./iex";
import { argumentError } from "../runtime/elixir/errors";
import { list } from "../runtime/elixir/terms";

export type { EsbuildLike };

/** What a host gives a session for Elixir snippets (SPEC §10); Node needs nothing. */
export type ElixirHost = {
  /** The parser's wasm files as bytes (a worker passes them from its bundle; Node reads node_modules). */
  parserBytes?: () => Promise<ParserBytes>;
};

/** An Elixir file (the Elixir compiler itself is loaded only when one is compiled). */
const isElixirFile = (file: string) => file.endsWith(".ex") || file.endsWith(".exs");
const elixirCompiler = () => import("../compiler/elixir/index");

/** A snippet whose files are all `.ex` is an Elixir snippet. */
export function isElixirSnippet(files: Record<string, string>): boolean {
  const names = Object.keys(files);
  return names.length > 0 && names.every(isElixirFile);
}

/** An action names modules as Elixir people write them (`Counter`); the term is the atom `Elixir.Counter`. */
const elixirModuleAtom = (shown: string) => (/^[A-Z]/.test(shown) && !shown.startsWith("Elixir.") ? `Elixir.${shown}` : shown);

export type SessionOptions = {
  /** Present when the host can run Elixir snippets. */
  elixir?: ElixirHost;
  esbuild: EsbuildLike;
  /** Receives every trace event, in order. */
  onEvent: (event: TraceEvent) => void;
  /** Emit `send` events too (costly; the CLI's --json and the UI's message view want them). */
  traceSends?: boolean;
  /** Play the snippet's script steps. Default true. */
  playScript?: boolean;
  /** Told every change of a mailbox's length (the app's time travel records them; see worker/mailboxSampler.ts). */
  watchMailboxes?: (pid: string, length: number, t: number) => void;
  maxProcesses?: number;
  /** The runaway guard's budget (limits.ts MAX_STEPS by default). */
  maxSteps?: number;
  maxTurnsPerMs?: number;
  /** Stop the system at a livelock, the process limit or user code outside a process (the CLI and the app). */
  haltOnTrouble?: boolean;
  maxTimers?: number;
};

type JobOptions = Pick<ShellJob, "print">;

/** Wall ms an action (Run, recompile, an eval…) runs what it started before it returns; `advance` does the rest. */
const ACTION_SLICE_MS = 8;

/** The outcome of a compile stopped by `cancelCompile`. */
const CANCELLED: Diagnostic = { file: "", line: 1, column: 1, message: "stopped: the compile was cancelled before it finished; nothing was loaded" };

/** A shell line compiled: what to run, and how to turn its result into the value printed. */
/** `const x = …` (or let/var) typed in a TypeScript console: the name and the expression. */
function tsDeclaration(line: string): { name: string; value: string } | null {
  const m = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=(?!=)([\s\S]+)$/.exec(line);
  return m ? { name: m[1], value: m[2].trim().replace(/;+$/, "") } : null;
}

type ShellCode = { ok: true; make: () => unknown; after?: (result: unknown) => unknown } | { ok: false; text: string; error: unknown };

export class Session {
  private rt!: Runtime;
  private api!: OtpApi;
  private loader!: ModuleLoader;
  private shell: Proc | null = null;
  private main = "";
  /** Script steps and lesson checks, in time order (checks after steps of the same ms). */
  private timeline: Array<{ at: number; step?: ScriptStep; check?: { index: number; check: Check } }> = [];
  private nextStep = 0;
  /** Results of lesson checks so far, by index. */
  readonly checkResults = new Map<number, Extract<TraceEvent, { type: "check" }>>();
  private checkCount = 0;
  /** Source of each file as last loaded (what "changed" is measured against). */
  private loaded = new Map<string, string>();
  private compiled = new Map<string, { source: string; modules: CompiledModule[] }>();
  /** True while an Elixir snippet runs: Elixir's dialect, stdlib and shell. */
  private elixir = false;
  /** The shell's variables (Elixir: bindings persist from one eval to the next, as in IEx). */
  private bindings: Record<string, unknown> = {};
  /** TypeScript: the names a console line declared (`const x = …`), in scope for later lines. */
  private tsBindings: Record<string, unknown> = {};
  /** Elixir: the results of the shell's lines, for `v()` and the prompt's number (IEx's history). */
  private iex = new IexHistory();
  files: Record<string, string> = {};
  private traceSends: boolean;
  /** Work an action owes at this ms (see `runNow`), or null. */
  private settleAt: number | null = null;
  /** Action events waiting for the work their action started at `settleAt` to finish. */
  private owedActionEvents: TraceEvent[] = [];
  /** Bumped by `cancelCompile`: a compile started under an older epoch stops. */
  private compileEpoch = 0;

  constructor(private readonly options: SessionOptions) {
    this.traceSends = options.traceSends ?? false;
    this.reset();
  }

  get now(): number {
    return this.rt.now;
  }

  /** Emit `send` events from now on (or stop); kept across Restart. */
  setTraceSends(on: boolean): void {
    this.traceSends = on;
    this.rt.setTraceSends(on);
  }

  private emit(event: TraceEvent): void {
    this.options.onEvent(event);
  }

  private reset(): void {
    this.rt = new Runtime({
      sink: this.options.onEvent,
      traceSends: this.traceSends,
      watchMailboxes: this.mailboxWatcher(),
      maxProcesses: this.options.maxProcesses,
      maxSteps: this.options.maxSteps,
      maxTurnsPerMs: this.options.maxTurnsPerMs,
      haltOnTrouble: this.options.haltOnTrouble,
      maxTimers: this.options.maxTimers,
    });
    this.api = createOtpApi(this.rt);
    this.iex = new IexHistory();
    if (this.elixir) {
      const { stdlib } = installElixir(this.rt, this.api);
      stdlib.set(IEX_HELPERS, iexHelpers(this.rt, this.iex, (term) => this.api.log(this.rt.dialect.inspect(term))));
      this.loader = new ModuleLoader(this.rt, this.api, { stdlib: (m) => stdlib.get(m) });
    } else this.loader = new ModuleLoader(this.rt, this.api);
    this.loaded.clear();
    this.shell = null;
    this.settleAt = null;
    this.owedActionEvents = [];
    this.bindings = {};
    this.tsBindings = {};
  }

  private mailboxWatcher() {
    const watch = this.options.watchMailboxes;
    return watch ? (pid: { text: string }, length: number, t: number) => watch(pid.text, length, t) : null;
  }

  /** The runtime, for tests and benchmarks that look inside. */
  get runtime(): Runtime {
    return this.rt;
  }

  async start(snippet: Snippet): Promise<ActionResult> {
    this.elixir = isElixirSnippet(snippet.files);
    this.reset();
    this.files = { ...snippet.files };
    this.main = snippet.main;
    const play = this.options.playScript !== false;
    this.timeline = [
      ...(play ? snippet.script ?? [] : []).map((step) => ({ at: step.at, step })),
      ...(play ? snippet.checks ?? [] : []).map((check, index) => ({ at: check.at, check: { index, check } })),
    ].sort((a, b) => a.at - b.at);
    this.checkCount = play ? snippet.checks?.length ?? 0 : 0;
    this.checkResults.clear();
    this.nextStep = 0;
    const compiled = await this.compileAll(this.files);
    if (!compiled.ok) return this.failed("start", compiled.diagnostics);
    const { loaded, errors } = this.loadAll(compiled.modules);
    if (errors.length) return { ok: false, loaded, killed: [], diagnostics: errors, message: errors.map(formatDiagnostic).join("; ") };
    this.startMain();
    this.runNow();
    return { ok: true, loaded, killed: [], diagnostics: [] };
  }

  private startMain(): void {
    const main = this.main;
    if (this.elixir) {
      const module = `Elixir.${main}`;
      this.runInShell(() => {
        const start = this.rt.code.namespace(module)["start/0"];
        if (typeof start !== "function") throw new Error(`${main}.start/0 is undefined: the snippet's main module must define start/0`);
        return start();
      }, { print: false });
      return;
    }
    this.runInShell(() => {
      const start = this.rt.code.namespace(main).start;
      if (typeof start !== "function") {
        throw new TypeError(`${main}.start is not a function (it is ${inspect(start)}): the main module must export function start() { … }`);
      }
      return start();
    }, { print: false });
  }

  /**
   * Runs what an action made runnable at the current ms (as `runUntil(now)` would) for one
   * short slice; `advance` finishes it first, so the events are the same however long the
   * slice was, and a flood started at t = 0 never blocks the host.
   */
  private runNow(): void {
    this.settleAt = this.rt.now;
    this.settle(this.rt.wallClock() + ACTION_SLICE_MS);
  }

  /** Finishes owed work at `settleAt` before anything else; false if the wall deadline came first. */
  private settle(deadline: number): boolean {
    if (this.settleAt === null) return true;
    if (!this.rt.runUntil(this.settleAt, deadline)) return false;
    this.settleAt = null;
    const owed = this.owedActionEvents.splice(0);
    for (const event of owed) this.emit(event);
    return true;
  }

  /**
   * Readies in the background what a later compile needs and a precompiled run did not: the
   * Elixir parser (a built-in lesson replays without it), and the compiler's code itself, by
   * compiling the files once and dropping the result (cold, that first compile is ten times
   * slower), so the learner's first Recompile is as quick as the ones after it.
   */
  prepareCompile(): void {
    if (!this.elixir) return;
    const bytes = this.options.elixir?.parserBytes;
    const files = Object.entries(this.files);
    void elixirCompiler()
      .then(async (c) => {
        if (await c.ensureElixirParser(bytes)) return;
        for (const [file, source] of files) c.compileElixirSource(file, source);
      })
      .catch(() => undefined);
  }

  /** The snippet is Elixir (its shell speaks IEx, and nothing of it needs esbuild). */
  get isElixir(): boolean {
    return this.elixir;
  }

  /** Why the system stopped for good (a livelock or the process limit, with `haltOnTrouble`), or null. */
  get halted(): string | null {
    return this.rt.halted;
  }

  /**
   * Stops a compile in progress (the Stop button during a long "Starting…"): the action it
   * belongs to ends with `ok: false` and loads nothing.
   */
  cancelCompile(): void {
    this.compileEpoch++;
  }

  // ── actions ──────────────────────────────────────────────────────────────────────────

  async recompile(files: Record<string, string>): Promise<ActionResult> {
    const changes = await this.compileChanged(files);
    if (!changes.ok) return this.failed("recompile", changes.diagnostics);
    this.files = { ...files };
    const killed: string[] = [];
    const loaded: string[] = [];
    for (const module of changes.modules) {
      const report = this.loadOne(module);
      loaded.push(report.module);
      killed.push(...report.killed);
    }
    for (const module of changes.removed) {
      this.rt.code.purge(module);
      this.rt.code.delete(module);
    }
    return this.done("recompile", loaded, killed);
  }

  async upgrade(files: Record<string, string>, extra?: unknown): Promise<ActionResult> {
    const changes = await this.compileChanged(files);
    if (!changes.ok) return this.failed("upgrade", changes.diagnostics);
    this.files = { ...files };
    const modules = changes.modules;
    const killed: string[] = [];
    runUpgrade(this.rt, this.api, modules.map((m) => m.module), extra, (name) => {
      const report = this.loadOne(modules.find((m) => m.module === name)!);
      killed.push(...report.killed);
    });
    this.runNow();
    return this.done("upgrade", modules.map((m) => this.rt.shownModule(m.module)), killed);
  }

  async restart(files: Record<string, string>): Promise<ActionResult> {
    const compiled = await this.compileAll(files);
    if (!compiled.ok) return this.failed("restart", compiled.diagnostics);
    this.files = { ...files };
    const killed = this.rt.processes().map((p) => String(p.pid));
    this.rt.killAll("killed");
    this.rt.clearTimers();
    this.rt.code.reset();
    this.loaded.clear();
    this.shell = null;
    const { loaded, errors } = this.loadAll(compiled.modules);
    if (errors.length) return this.failed("restart", errors, true);
    this.startMain();
    this.runNow();
    return this.done("restart", loaded, killed);
  }

  /**
   * Queues an expression for the shell (a script's `eval`); its printed result arrives as a `log`
   * event. In an Elixir snippet the line is echoed at its `iex(N)>` prompt first, as a line typed
   * in the console is: the learner reads what was asked, then IEx's answer.
   */
  async evaluate(expr: string): Promise<void> {
    return this.evalInShell(expr, { print: true }, undefined, this.elixir);
  }

  private async evalInShell(expr: string, how: JobOptions, done?: ShellJob["done"], echo = false): Promise<void> {
    const declared = this.elixir ? null : tsDeclaration(expr);
    const compiled = await this.compileForShell(declared ? declared.value : expr);
    if (!compiled.ok) {
      if (echo) this.echo(expr);
      this.shellLog(compiled.text);
      done?.({ ok: false, error: compiled.error });
      return;
    }
    let after = compiled.after;
    if (declared) {
      // `const x = …`: x is in scope for later lines; like Node's REPL, the line shows nothing.
      how = { ...how, print: false };
      after = (result) => {
        this.tsBindings[declared.name] = result;
        return undefined;
      };
    }
    const make = compiled.make;
    const run = echo ? () => (this.echo(expr), make()) : make;
    this.runInShell(run, { ...how, after }, (outcome) => {
      if (this.elixir && how.print && outcome.ok) this.iex.add(outcome.value);
      done?.(outcome);
    });
    this.runNow();
  }

  /**
   * A line typed in the console: an eval, and in an Elixir snippet IEx's helpers too, with
   * `recompile()` and `r(Mod)` acting on `files` (the editor's) as the Recompile button does.
   * Returns once the line is with the shell: the action's result when it was one, `at`, the
   * number of the prompt it was typed at (`iex(N)>`), and `finished`, the next prompt's number
   * once the shell has run the line.
   */
  async consoleLine(expr: string, files?: Record<string, string>): Promise<{ action?: ActionResult; at: number; finished: Promise<number> }> {
    const at = this.iex.counter;
    let finish!: (n: number) => void;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    const helper = this.elixir && files ? editorHelper(expr) : null;
    if (!helper) {
      await this.evalInShell(expr, { print: true }, () => finish(this.iex.counter), true);
      return { at, finished };
    }
    let action: ActionResult | undefined;
    let answer: () => unknown;
    if (helper.helper === "recompile") {
      action = await this.recompile(files!);
      const r = action;
      const changed = r.loaded.length + r.killed.length > 0;
      const compiledFiles = new Set(r.loaded.map((m) => this.fileOf(elixirModuleAtom(m)))).size;
      const lines = !r.ok ? compileErrorLines(r.diagnostics) : changed ? [`Compiling ${compiledFiles} file${compiledFiles === 1 ? "" : "s"} (.ex)`] : [];
      answer = () => {
        for (const line of lines) this.api.log(line);
        return !r.ok ? "error" : changed ? "ok" : "noop";
      };
    } else {
      const module = `Elixir.${helper.module}`;
      const file = this.fileOf(module);
      if (!file) {
        answer = () => {
          throw argumentError(`could not find source for module: ${helper.module}`);
        };
      } else {
        // r/1 reloads the module's file even when it did not change (a new version, as on the BEAM).
        this.loaded.delete(file);
        action = await this.recompile({ ...this.files, [file]: files![file] ?? this.files[file] });
        const r = action;
        answer = () => {
          if (r.ok) return ["reloaded", list(r.loaded.map(elixirModuleAtom))];
          // IEx raises the compile error itself: its lines, and no result for v().
          for (const line of compileErrorLines(r.diagnostics).slice(1)) this.api.log(line);
          return undefined;
        };
      }
    }
    const echoed = answer;
    this.runInShell(() => (this.echo(expr), echoed()), { print: true }, (outcome) => {
      if (outcome.ok && outcome.value !== undefined) this.iex.add(outcome.value);
      finish(this.iex.counter);
    });
    this.runNow();
    return { action, at, finished };
  }

  /**
   * The shell echoes a console line as it starts on it, with the prompt it was typed at, so the
   * console shows each line right above what it printed (a transcript, as IEx's terminal is).
   */
  private echo(expr: string): void {
    const prompt = this.elixir ? `iex(${this.iex.counter})>` : "iex>";
    const pid = this.shell ? String(this.shell.pid) : "shell";
    this.emit({ t: this.rt.now, type: "log", pid, text: expr.trim(), prompt });
  }

  /** The file that defines `module` (as last compiled), or undefined. */
  private fileOf(module: string): string | undefined {
    for (const [file, c] of this.compiled) if (c.modules.some((m) => m.module === module) && file in this.files) return file;
    return undefined;
  }

  /**
   * An expression as the shell evaluates it, in the snippet's language and in the same sandbox
   * as module code, or why it cannot be. TypeScript: every `otp` name and module in scope.
   * Elixir: the bindings of earlier lines (IEx's), which `after` keeps unless told not to.
   */
  private async compileForShell(expr: string, keepBindings = true): Promise<ShellCode> {
    if (this.elixir) return this.compileElixirForShell(expr, keepBindings);
    const compiled = await compileExpression(this.options.esbuild, expr);
    if (!compiled.ok) {
      const d = compiled.diagnostics[0];
      const error = new SyntaxError(`${d.message} (line ${d.line}, column ${d.column})`);
      return { ok: false, text: describeError(error), error };
    }
    const scope = { ...moduleScope(this.rt.code.loadedModules(), (m) => this.rt.code.namespace(m)), ...this.api, ...this.tsBindings };
    try {
      return { ok: true, make: this.loader.evalFunction(compiled.code, scope) };
    } catch (err) {
      return { ok: false, text: describeError(err), error: err };
    }
  }

  private async compileElixirForShell(expr: string, keepBindings: boolean): Promise<ShellCode> {
    const names = Object.keys(this.bindings);
    const { compileShellExpression } = await elixirCompiler();
    const compiled = await compileShellExpression(this.options.esbuild, expr, names, this.options.elixir?.parserBytes);
    if (!compiled.ok) {
      const d = compiled.diagnostics[0];
      const text = `** (SyntaxError) console:${d.line}:${d.column}: ${d.message}`;
      return { ok: false, text, error: new SyntaxError(text) };
    }
    let make: (b: Record<string, unknown>) => unknown;
    try {
      // Only `require` (namespaces) and the guard's helpers are in scope.
      make = this.loader.evalFunction(compiled.code, { require: this.loader.require, __MODULE__: null }) as typeof make;
    } catch (err) {
      return { ok: false, text: this.language().describe(err), error: err };
    }
    const after = (result: unknown) => {
      const [value, bindings] = result as [unknown, Record<string, unknown>];
      if (keepBindings) this.bindings = bindings;
      return value;
    };
    return { ok: true, make: () => make(this.bindings), after };
  }

  /**
   * An action on a process from outside (the inspector, a script's `poke` step), done by the shell
   * in its turn as IEx would (see poke.ts). A term is evaluated first, in the shell, as a console
   * line is; an error in it is the answer, and nothing is done.
   */
  async poke(poke: Poke, by: PokeEvent["by"] = "console"): Promise<{ ok: true } | { ok: false; error: string }> {
    const target = findTarget(this.rt, poke.process);
    const refusal = pokeRefusal(target, poke);
    if (refusal) return { ok: false, error: refusal };
    const act = (term: unknown) => this.runInShell(pokeJob(this.rt, this.api, target!, poke, by, term), { print: poke.do === "get_state" });
    if (poke.term === undefined) act(undefined);
    else {
      const compiled = await this.compileForShell(poke.term, false);
      if (!compiled.ok) return { ok: false, error: compiled.text };
      this.runInShell(compiled.make, { print: false, after: compiled.after }, (outcome) => {
        if (outcome.ok) act(outcome.value);
      });
    }
    this.runNow();
    return { ok: true };
  }

  /** How the shell prints values and errors: Elixir's way in an Elixir snippet. */
  private language(): ShellLanguage {
    if (!this.elixir) return { show: (t) => this.rt.dialect.inspect(t), describe: (err) => describeError(err) };
    const isLoaded = (m: string) => this.rt.code.isLoaded(m) || this.loader.require(m) !== this.rt.code.namespace(m);
    // IEx prints a result as `inspect(v, pretty: true, width: 80)`: long terms break as it breaks them.
    return { show: (t) => inspectElixir(t, { width: 80 }), describe: (err) => describeElixirError(err, isLoaded) };
  }

  private runInShell(run: () => unknown, how: JobOptions & Pick<ShellJob, "after">, done?: ShellJob["done"]): void {
    if (!this.shell || !this.shell.alive) {
      this.shell = spawnShell(this.rt, (text) => this.api.log(text), this.language());
    }
    sendJob(this.rt, this.shell, { run, ...how, done });
  }

  private async runCheck(index: number, check: Check): Promise<void> {
    await this.evalInShell(check.eval, { print: false }, (outcome) => {
      const got = outcome.ok ? asJson(outcome.value, this.elixir) : this.language().describe(outcome.error);
      const event = {
        t: this.rt.now, type: "check" as const, index, say: check.say,
        ok: outcome.ok && deepEqual(got, check.equals), expected: JSON.stringify(check.equals), got: outcome.ok ? JSON.stringify(got) ?? "undefined" : String(got),
      };
      this.checkResults.set(index, event);
      this.emit(event);
    });
  }

  /** How many lesson checks the snippet has, and which have not reported yet. */
  checksPending(): number[] {
    return Array.from({ length: this.checkCount }, (_, i) => i).filter((i) => !this.checkResults.has(i));
  }

  private shellLog(text: string): void {
    this.emit({ t: this.rt.now, type: "log", pid: this.shell ? String(this.shell.pid) : "shell", text });
  }

  // ── time ─────────────────────────────────────────────────────────────────────────────

  /**
   * Runs the system up to virtual time `until` (inclusive). With `wallBudgetMs`, returns early
   * (false) when that much wall time has passed, so a worker stays responsive; true when done.
   */
  async advance(until: number, wallBudgetMs = Infinity): Promise<boolean> {
    const deadline = wallBudgetMs === Infinity ? Infinity : this.rt.wallClock() + wallBudgetMs;
    for (;;) {
      if (!this.settle(deadline)) return false;
      const entry = this.timeline[this.nextStep];
      if (entry && entry.at <= until) {
        if (!this.rt.runUntil(entry.at, deadline, false)) return false;
        this.nextStep++;
        if (entry.step) await this.playStep(entry.step);
        if (entry.check) await this.runCheck(entry.check.index, entry.check.check);
        continue;
      }
      return this.rt.runUntil(until, deadline);
    }
  }

  /** Virtual time of the next pending timer or script step, or null when nothing is pending. */
  nextTime(): number | null {
    const timer = this.rt.nextTimerTime();
    const step = this.timeline[this.nextStep]?.at ?? null;
    if (timer === null) return step;
    if (step === null) return timer;
    return Math.min(timer, step);
  }

  busy(): boolean {
    return this.rt.busy();
  }

  private async playStep(step: ScriptStep): Promise<void> {
    if (step.say !== undefined) this.emit({ t: this.rt.now, type: "say", text: step.say });
    let files = this.files;
    if (step.edit || step.patch) {
      const edited = applyStepEdits(files, step);
      if (!edited.ok) {
        this.emit({ t: this.rt.now, type: "action", action: step.action ?? "recompile", ok: false, loaded: [], killed: [], message: `script step at ${step.at} ms: ${edited.error}` });
        return;
      }
      files = edited.files;
      // As typing in the editor: the text changes whether or not the action after it compiles,
      // so a later step's patch applies to this text (SPEC §5).
      this.files = files;
    }
    if (step.action === "recompile") await this.recompile(files);
    else if (step.action === "upgrade") await this.upgrade(files, step.extra);
    else if (step.action === "restart") await this.restart(files);
    if (step.eval !== undefined) await this.evaluate(step.eval);
    if (step.poke !== undefined) {
      const r = await this.poke(step.poke, "script");
      if (!r.ok) this.emit({ t: this.rt.now, type: "warning", pid: this.shell ? String(this.shell.pid) : "shell", text: `script step at ${step.at} ms: ${r.error}` });
    }
  }

  // ── compiling and loading ──────────────────────────────────────────────────────────────

  private async compileOne(file: string, source: string): Promise<{ ok: true; modules: CompiledModule[] } | { ok: false; diagnostics: Diagnostic[] }> {
    const cached = this.compiled.get(file);
    if (cached && cached.source === source) return { ok: true, modules: cached.modules };
    let result: { ok: true; modules: CompiledModule[] } | { ok: false; diagnostics: Diagnostic[] };
    if (isElixirFile(file)) {
      const { compileElixirFile } = await elixirCompiler();
      result = await compileElixirFile(this.options.esbuild, file, source, this.options.elixir?.parserBytes, this.knownModules(file));
    } else {
      const one = await compileModule(this.options.esbuild, file, source);
      result = one.ok ? { ok: true, modules: [one.module] } : one;
    }
    if (result.ok) this.compiled.set(file, { source, modules: result.modules });
    return result;
  }

  /** The public functions of the modules of the other files (for `import Other` in Elixir). */
  private knownModules(except: string): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [file, c] of this.compiled) {
      if (file === except) continue;
      for (const m of c.modules) out.set(m.module, new Set());
    }
    return out;
  }

  private async compileAll(files: Record<string, string>) {
    return this.compileFiles(Object.keys(files), files);
  }

  private async compileFiles(names: string[], files: Record<string, string>): Promise<{ ok: true; modules: CompiledModule[] } | { ok: false; diagnostics: Diagnostic[] }> {
    const diagnostics: Diagnostic[] = [];
    const modules: CompiledModule[] = [];
    const epoch = this.compileEpoch;
    for (const file of names) {
      const r = await this.compileOne(file, files[file]);
      if (epoch !== this.compileEpoch) return { ok: false, diagnostics: [CANCELLED] };
      if (r.ok) modules.push(...r.modules);
      else diagnostics.push(...r.diagnostics);
    }
    return diagnostics.length ? { ok: false, diagnostics } : { ok: true, modules };
  }

  /** Compiles the files whose source differs from what is loaded; all or nothing. */
  private async compileChanged(files: Record<string, string>) {
    const changed = Object.keys(files).filter((f) => this.loaded.get(f) !== files[f]);
    const result = await this.compileFiles(changed, files);
    if (!result.ok) return result;
    const removed = [...this.loaded.keys()]
      .filter((f) => !(f in files))
      .flatMap((f) => (isElixirFile(f) ? this.compiled.get(f)?.modules.map((m) => m.module) ?? [] : [moduleNameOf(f)!]))
      .filter(Boolean);
    for (const f of [...this.loaded.keys()]) if (!(f in files)) this.loaded.delete(f);
    return { ...result, removed };
  }

  /** Loads every module; the diagnostics of those whose top-level code failed. */
  private loadAll(modules: CompiledModule[]): { loaded: string[]; errors: Diagnostic[] } {
    const reports = modules.map((m) => this.loadOne(m));
    return { loaded: reports.filter((r) => !r.error).map((r) => r.module), errors: reports.flatMap((r) => (r.error ? [r.error] : [])) };
  }

  private loadOne(module: CompiledModule): { module: string; killed: string[]; error?: Diagnostic } {
    try {
      const report = this.loader.load(module);
      this.loaded.set(module.file, module.source);
      return { module: this.rt.shownModule(report.module), killed: report.killed.map((p) => String(p.pid)) };
    } catch (err) {
      // The module's top-level code threw (or ran away): that version is not loaded.
      const frames = this.loader.mapStack(err);
      const error = { file: module.file, line: frames[0]?.line ?? 1, column: frames[0]?.column ?? 1, message: `loading failed: ${describeError(err)}` };
      this.emit({ t: this.rt.now, type: "compile_error", ...error });
      return { module: this.rt.shownModule(module.module), killed: [], error };
    }
  }

  private failed(action: "start" | "recompile" | "upgrade" | "restart", diagnostics: Diagnostic[], reported = false): ActionResult {
    if (diagnostics[0] === CANCELLED) return { ok: false, loaded: [], killed: [], diagnostics: [], message: CANCELLED.message };
    if (!reported) for (const d of diagnostics) this.emit({ t: this.rt.now, type: "compile_error", ...d });
    const message =
      action === "recompile" || action === "upgrade"
        ? `compile error: nothing was loaded and the running system is untouched (${diagnostics.map(formatDiagnostic).join("; ")}). ` +
          "Unlike IEx, where Mix unloads a changed module before compiling it, a failed compile here changes nothing."
        : `compile error: ${diagnostics.map(formatDiagnostic).join("; ")}`;
    if (action !== "start") this.emit({ t: this.rt.now, type: "action", action, ok: false, loaded: [], killed: [], message });
    return { ok: false, loaded: [], killed: [], diagnostics, message };
  }

  private done(action: "recompile" | "upgrade" | "restart", loaded: string[], killed: string[]): ActionResult {
    const event: TraceEvent = { t: this.rt.now, type: "action", action, ok: true, loaded, killed };
    // After everything the action ran at its ms, however the wall-clock slices fell: the event
    // order must not depend on the machine's speed.
    if (this.settleAt === null) this.emit(event);
    else this.owedActionEvents.push(event);
    return { ok: true, loaded, killed, diagnostics: [] };
  }

  // ── looking inside ───────────────────────────────────────────────────────────────────

  inspect(pid: string): ProcessSnapshot | null {
    const m = /^#PID<0\.(\d+)\.0>$/.exec(pid);
    const p = m ? this.rt.find(new Pid(Number(m[1]))) : undefined;
    return p ? snapshotOf(this.rt, p) : null;
  }

  processes(): ProcessSnapshot[] {
    return this.rt.processes().map((p) => snapshotOf(this.rt, p));
  }

  /** Prints a term as the runtime does (for hosts that show values). */
  static inspect = inspect;
}
