/**
 * The actor system: one run queue, timers on virtual time, signals, the registry and the code
 * server. Deterministic: ids, refs and sequence numbers belong to this instance, time comes
 * only from its virtual clock, and processes run one at a time in queue order, so the same
 * snippet gives the same events in the same order, every run.
 *
 * Nothing user-made throws out of the scheduler: a throw ends the process that threw (a crash
 * is data: an `exit` event and exit signals), exactly as on the BEAM.
 */
import { type Activation, RECEIVE, type ReceiveToken, SLEEP, type SleepToken, CALL, isActivation, madeThisTurn, stepOf, takeUnstarted } from "./activation";
import { CodeServer } from "./codeServer";
import { type Dialect, typescriptDialect } from "./dialect";
import type { EventSink, ProcessKind, SendEvent, StackFrame, TraceEvent } from "./events";
import { Proc } from "./process";
import { RunQueue } from "./runQueue";
import { ExitError, Pid, Ref, SystemLimitError, TIMEOUT, copyTerm, inspect, roughSize } from "./terms";
import { TimerQueue } from "./timers";
import { MAILBOX_BYTES_MAX, MAILBOX_MAX, MAILBOX_WARN, MAX_STEPS, MAX_TURNS_PER_MS, TIMERS_MAX, countText } from "./limits";
import { RunawayError, UNWIND, isUnwinding, runawayText } from "./unwind";

export type RuntimeOptions = {
  sink?: EventSink | null;
  /** Emit a `send` event per message (costly; off unless someone shows messages). */
  traceSends?: boolean;
  /** Told every change of a mailbox's length (the app records them for time travel); never an event by itself. */
  watchMailboxes?: ((pid: Pid, length: number, t: number) => void) | null;
  maxProcesses?: number;
  /** Budget checks a process may use without waiting before the runaway guard kills it (limits.ts). */
  maxSteps?: number;
  /** Turns at one virtual ms before the runtime calls it a livelock (limits.ts). */
  maxTurnsPerMs?: number;
  /**
   * Stop the whole system at a livelock, at the process limit, or when user code runs outside a
   * process (a microtask chain), at that very event, so the output is the same on any machine.
   * The CLI and the app both do: time could not move on (or the code is not process code), and
   * a run that says why it stopped beats a clock stuck at 0. Without it, the runtime warns.
   */
  haltOnTrouble?: boolean;
  /** Pending `Process.send_after` timers one process may have (limits.ts TIMERS_MAX; lower in tests). */
  maxTimers?: number;
  /** Maps a thrown error's stack to editor files and lines (the compiler provides it). */
  mapStack?: (error: unknown) => StackFrame[];
  /** Wall clock for `advance`'s slices (never for a verdict, nor for virtual time). */
  wallClock?: () => number;
  /** The source language's terms and names (TypeScript unless a session sets Elixir's). */
  dialect?: (rt: Runtime) => Dialect;
};

const NO_MATCH = Symbol("no match");
/** What a step of user code outside any process meets (and the reason a run halts for it). */
const OUTSIDE_PROCESS =
  "user code cannot run outside a process: a Promise callback, a timer or a getter read by the host is not process code (use spawn, receive and Process.send_after)";
/** Steps a process may take in one turn before it goes to the back of the run queue. */
const REDUCTIONS = 2000;
/** Bits of `Proc.warned`. */
const WARNED_MAILBOX = 1;
export const WARNED_TIMERS = 2;

export class Runtime {
  now = 0;
  readonly code: CodeServer;
  readonly procs = new Map<number, Proc>();
  readonly registry = new Map<string, Proc>();
  /** What the DOWN of a monitor made by name says instead of the pid (only such monitors are here). */
  private readonly monitorNames = new Map<Ref, unknown>();
  current: Proc | null = null;
  readonly sink: EventSink | null;
  /** The sink when sends are traced, else null: one check on every send. */
  private sendSink: EventSink | null = null;
  private readonly mailboxWatcher: ((pid: Pid, length: number, t: number) => void) | null;
  readonly maxProcesses: number;
  readonly maxSteps: number;
  readonly maxTurnsPerMs: number;
  readonly haltOnTrouble: boolean;
  readonly maxTimers: number;
  /** Why the system stopped for good (haltOnTrouble), or null while it runs. */
  halted: string | null = null;
  mapStack: (error: unknown) => StackFrame[];
  readonly wallClock: () => number;
  /** How terms print and how runtime-made reasons look (see dialect.ts). */
  dialect: Dialect;
  /**
   * Countdown of budget checks left in this turn. Zero whenever no turn runs, so user code
   * called from anywhere else (a Promise callback, a getter the host reads) reaches the slow
   * path of `budget()` at its first function entry and is stopped there.
   */
  budgetLeft = 0;
  /** Turns run since virtual time last moved (the livelock bound). */
  private turnsAtNow = 0;
  private livelockWarned = false;
  private outsideWarned = false;
  /** True while an uncatchable kill unwinds user code (its `finally` blocks are skipped). */
  unwinding = false;
  /** True while user code runs where the runaway guard applies. */
  private guarding = false;

  private readonly timers = new TimerQueue();
  private readonly queue = new RunQueue();
  private nextPid = 100;
  private nextRef = 1;
  private dying: Array<[Proc, unknown]> = [];
  private draining = false;

  constructor(options: RuntimeOptions = {}) {
    this.sink = options.sink ?? null;
    this.setTraceSends(options.traceSends ?? false);
    this.mailboxWatcher = options.watchMailboxes ?? null;
    this.maxProcesses = options.maxProcesses ?? 262_144;
    this.maxSteps = options.maxSteps ?? MAX_STEPS;
    this.maxTurnsPerMs = options.maxTurnsPerMs ?? MAX_TURNS_PER_MS;
    this.haltOnTrouble = options.haltOnTrouble ?? false;
    this.maxTimers = options.maxTimers ?? TIMERS_MAX;
    this.mapStack = options.mapStack ?? (() => []);
    this.wallClock = options.wallClock ?? (() => globalThis.performance.now());
    this.code = new CodeServer(this);
    this.dialect = (options.dialect ?? typescriptDialect)(this);
  }

  get traceSends(): boolean {
    return this.sendSink !== null;
  }

  /** Turns `send` events on or off, from the next send on (the app's message view toggles it). */
  setTraceSends(on: boolean): void {
    this.sendSink = on ? this.sink : null;
  }

  emit(event: TraceEvent): void {
    this.sink?.(event);
  }

  /**
   * A module (or registered) name as the snippet's language writes it, for events and screens:
   * `Elixir.Counter` → `Counter` in an Elixir snippet; the code server keeps the atom.
   */
  shownModule(name: string): string {
    return this.dialect.displayModule(name);
  }

  makeRef(): Ref {
    return new Ref(this.nextRef++);
  }

  // ── processes ──────────────────────────────────────────────────────────────────────────

  spawn(
    start: (...args: unknown[]) => unknown,
    opts: { link?: boolean; kind?: ProcessKind; module?: string | null; parent?: Proc | null } = {},
  ): Proc {
    if (this.procs.size >= this.maxProcesses) {
      if (this.haltOnTrouble) this.halt(`the snippet reached the process limit (${countText(this.maxProcesses)} processes)`);
      throw new SystemLimitError(this.maxProcesses);
    }
    const parent = opts.parent === undefined ? this.current : opts.parent;
    const module = opts.module !== undefined ? opts.module : (parent?.top?.version?.module ?? null);
    const pid = new Pid(this.nextPid++);
    const p = new Proc(pid, parent, start, opts.kind ?? "process", module);
    pid.proc = p;
    this.procs.set(p.pid.id, p);
    const watcher = this.mailboxWatcher;
    if (watcher !== null) p.mailbox.watch = (length) => watcher(pid, length, this.now);
    if (this.sink) {
      const event: TraceEvent = { t: this.now, type: "spawn", pid: String(p.pid), parent: parent ? String(parent.pid) : null, kind: p.kind };
      if (module) event.module = this.shownModule(module);
      this.emit(event);
    }
    if (opts.link && parent) {
      p.link(parent);
      if (this.sink) this.emit({ t: this.now, type: "link", from: String(parent.pid), to: String(p.pid) });
    }
    this.enqueue(p);
    return p;
  }

  find(pid: Pid): Proc | undefined {
    return this.procs.get(pid.id);
  }

  /** A pid or a registered name to a live process, or undefined. */
  resolve(dest: unknown): Proc | undefined {
    if (dest instanceof Pid) return (dest.proc as Proc | null) ?? this.procs.get(dest.id);
    if (typeof dest === "string") return this.registry.get(dest);
    return undefined;
  }

  self(): Proc {
    const p = this.current;
    if (!p) throw new Error("this runs outside a process: call it from process code");
    return p;
  }

  register(p: Proc, name: string): void {
    if (typeof name !== "string" || !name) throw new Error(`badarg: a registered name must be a non-empty string, got ${inspect(name)}`);
    if (!p.alive) throw new Error(`badarg: cannot register ${name}: ${p.pid} is not alive`);
    const holder = this.registry.get(name);
    if (holder && holder !== p) throw new Error(`badarg: the name ${inspect(name)} is already registered to ${holder.pid}`);
    if (p.name && p.name !== name) throw new Error(`badarg: ${p.pid} is already registered as ${inspect(p.name)}`);
    this.registry.set(name, p);
    p.name = name;
    this.emit({ t: this.now, type: "register", pid: String(p.pid), name: this.shownModule(name) });
  }

  unregister(name: string): void {
    const p = this.registry.get(name);
    if (!p) throw new Error(`badarg: the name ${inspect(name)} is not registered`);
    this.registry.delete(name);
    p.name = null;
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────

  /** Sends a copy of `msg`; a dead pid drops it silently, an unknown name throws, as on the BEAM. */
  send(dest: unknown, msg: unknown): unknown {
    let target: Proc | undefined | null;
    if (dest instanceof Pid) target = dest.proc as Proc | null;
    else if (typeof dest === "string") {
      target = this.registry.get(dest);
      if (!target) throw new Error(`badarg: no process is registered as ${inspect(dest)}`);
    } else throw new Error(`badarg: send needs a pid or a registered name, got ${inspect(dest)}`);
    // (Numbers, strings and atoms are the usual messages, and need no copy.)
    if (target) this.deliver(target, typeof msg === "object" && msg !== null && !this.dialect.immutableTerms ? copyTerm(msg) : msg);
    else if (this.sendSink !== null) this.traceSend(dest as Pid, msg, true);
    return msg;
  }

  /** Puts an already-copied message from the running process (or a timer) in `target`'s mailbox. */
  deliver(target: Proc, msg: unknown): void {
    if (this.sendSink !== null) this.traceSend(target.pid, msg, !target.alive);
    this.put(target, msg);
  }

  /**
   * A message the runtime makes from a signal (an EXIT for a process that traps exits, a DOWN
   * for a monitor): traced as coming from the process the signal came from (null: none).
   */
  deliverSignal(target: Proc, msg: unknown, origin: Pid | null): void {
    if (this.sendSink !== null) this.traceSend(target.pid, msg, !target.alive, origin ? origin.text : "system");
    this.put(target, msg);
  }

  /** The host's own plumbing (the shell's jobs): delivered, never traced, not part of the system shown. */
  deliverQuietly(target: Proc, msg: unknown): void {
    this.put(target, msg);
  }

  /** Into the mailbox, and wake the owner if it waits for a message; a dead process gets nothing. */
  private put(target: Proc, msg: unknown): void {
    if (!target.alive) return;
    target.mailbox.push(msg);
    const n = target.mailbox.length;
    if (n >= MAILBOX_WARN || n % 10_000 === 0) this.mailboxBound(target, msg);
    // (The only object a wait can be is a ReceiveToken.)
    if (target.status === "waiting" && typeof target.wait === "object" && target.wait !== null) this.enqueue(target);
  }

  /** A mailbox that is never read must not eat the tab: warn once, then kill, as max_heap_size does. */
  private mailboxBound(p: Proc, newest: unknown): void {
    const n = p.mailbox.length;
    if (n % 10_000 === 0 && n * roughSize(newest) > MAILBOX_BYTES_MAX) {
      this.kill(p, ["killed", `max_heap_size: its mailbox holds about ${Math.round((n * roughSize(newest)) / 1048576)} MB of unread messages (${countText(n)} of them); the bound is ${MAILBOX_BYTES_MAX / 1048576} MB`]);
    } else if (n >= MAILBOX_MAX) {
      this.kill(p, ["killed", `max_heap_size: more than ${countText(MAILBOX_MAX)} messages waiting in its mailbox`]);
    } else if (n >= MAILBOX_WARN && !(p.warned & WARNED_MAILBOX)) {
      p.warned |= WARNED_MAILBOX;
      this.emit({ t: this.now, type: "warning", pid: p.pid.text, text: `${countText(n)} messages are waiting in its mailbox, unread; at ${countText(MAILBOX_MAX)} it is killed (as the BEAM's max_heap_size would)` });
    }
  }

  /** A `send` event. `dropped`: it reaches no mailbox (sent all the same, as on the BEAM). */
  private traceSend(to: Pid, msg: unknown, dropped: boolean, from = this.current === null ? "system" : this.current.pid.text): void {
    const event: SendEvent = { t: this.now, type: "send", from, to: to.text, msg: this.dialect.inspect(msg) };
    if (dropped) event.dropped = true;
    this.sendSink!(event);
  }

  /** A message sent but thrown away (a late GenServer reply, or one to a dead caller): traced, never delivered. */
  traceDropped(to: Pid, msg: unknown): void {
    if (this.sendSink !== null) this.traceSend(to, msg, true);
  }

  /** Takes the oldest message that matches the token's `match`, or NO_MATCH. */
  private tryReceive(p: Proc, token: ReceiveToken): unknown {
    const box = p.mailbox;
    const n = box.length;
    const match = token.match;
    if (match === undefined) return n > 0 ? box.take(0) : NO_MATCH;
    for (let i = token.scanned; i < n; i++) {
      if (match(box.at(i))) return box.take(i);
    }
    token.scanned = n;
    return NO_MATCH;
  }

  // ── timers ─────────────────────────────────────────────────────────────────────────────

  /** Runs `fire` at virtual time now + ms. */
  after(ms: number, fire: () => void) {
    return this.timers.add(this.now + Math.max(0, ms), fire);
  }

  /** The virtual time of the next pending timer, or null. */
  nextTimerTime(): number | null {
    return this.timers.peek()?.time ?? null;
  }

  // ── scheduling ─────────────────────────────────────────────────────────────────────────

  private enqueue(p: Proc): void {
    p.status = "runnable";
    if (p.queued) return;
    p.queued = true;
    this.queue.push(p);
  }

  /** True when some process is ready to run now. */
  busy(): boolean {
    return !this.queue.empty;
  }

  /**
   * Runs every process and timer due up to virtual time `until`, then sets the clock to it.
   * With a wall deadline, returns false when it ran out of wall time before finishing.
   */
  runUntil(until: number, wallDeadline = Infinity, inclusive = true): boolean {
    if (this.halted !== null) return true;
    // The wall clock only decides where a slice ends, between two turns: never what happens.
    const sliced = wallDeadline !== Infinity;
    for (;;) {
      const queue = this.queue;
      while (!queue.empty) {
        const p = queue.shift();
        p.queued = false;
        if (p.status === "runnable") {
          this.runSlice(p);
          if (++this.turnsAtNow > this.maxTurnsPerMs) this.livelock();
          if (this.halted !== null) return true;
        }
        if (sliced && this.wallClock() > wallDeadline) return false;
      }
      const next = this.timers.peek();
      if (!next || next.time > until || (!inclusive && next.time === until)) break;
      this.timers.pop();
      if (next.time > this.now) this.moveTo(next.time);
      next.fire();
      if (this.halted !== null) return true;
      if (sliced && this.wallClock() > wallDeadline) return false;
    }
    if (until > this.now && until !== Infinity) this.moveTo(until);
    return true;
  }

  private moveTo(t: number): void {
    this.now = t;
    this.turnsAtNow = 0;
  }

  /** Too many turns at one ms: nothing waits for time. Said once; the CLI stops here. */
  private livelock(): void {
    const text = `virtual time is stuck at ${this.now} ms: processes ran ${countText(this.maxTurnsPerMs)} turns without any of them waiting for time (a livelock: messages going round forever, or spawning without end)`;
    if (this.haltOnTrouble) {
      this.halt(text);
      return;
    }
    if (this.livelockWarned) return;
    this.livelockWarned = true;
    this.emit({ t: this.now, type: "warning", pid: "system", text });
  }

  /**
   * User code ran where no process runs (a Promise callback, most likely a microtask chain that
   * would starve the host): it is stopped at its first step there. Said once; the system stops
   * here with haltOnTrouble, as at a livelock.
   */
  private ranOutsideProcess(): void {
    if (this.haltOnTrouble) {
      this.halt(OUTSIDE_PROCESS);
      return;
    }
    if (this.outsideWarned) return;
    this.outsideWarned = true;
    this.emit({ t: this.now, type: "warning", pid: "system", text: OUTSIDE_PROCESS });
  }

  /** Stops the system for good (haltOnTrouble): nothing runs after this event. */
  halt(reason: string): void {
    if (this.halted !== null) return;
    this.halted = reason;
    this.emit({ t: this.now, type: "warning", pid: "system", text: `stopped: ${reason}` });
    this.queue.clear();
    this.timers.clear();
  }

  private runSlice(p: Proc): void {
    this.current = p;
    p.status = "running";
    madeThisTurn.collecting = true;
    this.guarding = true;
    this.budgetLeft = p.budget ?? this.maxSteps;
    p.budget = null;
    let value = p.resumeValue;
    let isThrow = p.resumeThrow;
    p.resumeValue = undefined;
    p.resumeThrow = false;
    try {
      const wait = p.wait;
      if (typeof wait === "object" && wait !== null) {
        // Woken by a new message: look again, from where the last look stopped.
        let got: unknown;
        if (wait.match === undefined) got = p.mailbox.length > 0 ? p.mailbox.take(0) : NO_MATCH;
        else {
          try {
            got = this.tryReceive(p, wait);
          } catch (err) {
            if (isUnwinding(err)) throw err;
            got = NO_MATCH;
            value = err;
            isThrow = true;
          }
        }
        if (got === NO_MATCH && !isThrow) {
          if (!wait.timedOut) {
            p.status = "waiting";
            return;
          }
          got = TIMEOUT;
        }
        this.clearWait(p);
        if (!isThrow) value = got;
      } else if (wait !== null) {
        this.clearWait(p);
      }
      this.drive(p, value, isThrow);
    } catch (err) {
      if (!isUnwinding(err)) throw err;
      this.unwinding = false;
      this.current = null;
      if (err instanceof RunawayError && p.alive) {
        this.kill(p, ["killed", runawayText(this.maxSteps)], err);
      }
    } finally {
      this.current = null;
      this.guarding = false;
      this.budgetLeft = 0;
      madeThisTurn.collecting = false;
      if (madeThisTurn.count > 0) this.warnNeverStarted(p);
    }
  }

  /** Async calls made in this turn that never started: most likely a missing `await`. */
  private warnNeverStarted(p: Proc): void {
    const unstarted = takeUnstarted();
    if (!unstarted || !this.sink) return;
    const lost = unstarted.filter((a) => a !== p.top && !isPending(p, a));
    if (!lost.length) return;
    const names = [...new Set(lost.map((a) => a.name))].join(", ");
    this.emit({
      t: this.now, type: "warning", pid: p.pid.text,
      text: `${names} was called but has not run: unlike plain JavaScript, an async call runs here only when it is awaited (or returned)`,
    });
  }

  /** Resumes `p`'s activations with `value` until it waits, ends, or uses up its turn. */
  private drive(p: Proc, value: unknown, isThrow: boolean): void {
    let reductions = REDUCTIONS;
    for (;;) {
      const act = p.top;
      if (act === null) {
        const start = p.start;
        if (!start) return;
        p.start = null;
        let result: unknown;
        try {
          result = start();
        } catch (err) {
          if (isUnwinding(err)) throw err;
          this.end(p, err, true);
          return;
        }
        if (isActivation(result)) {
          p.top = result;
          if (result.version !== p.rootVersion) this.noteRoot(p, result);
          value = undefined;
          isThrow = false;
          continue;
        }
        this.end(p, "normal", false);
        return;
      }
      let step: IteratorResult<unknown, unknown>;
      try {
        if (act.gen === null) {
          act.gen = act.body.apply(act.thisArg, (act.args ?? []) as unknown[]);
          step = act.gen.next();
        } else step = isThrow ? act.gen.throw(value) : act.gen.next(value);
      } catch (err) {
        if (isUnwinding(err)) throw err;
        p.top = act.parent;
        if (p.top === null) {
          this.end(p, err, true);
          return;
        }
        value = err;
        isThrow = true;
        continue;
      }
      isThrow = false;
      if (step.done) {
        const result = step.value;
        if (isActivation(result)) {
          // A tail call: the callee takes over the caller's continuation; no frame is left.
          result.parent = act.parent;
          p.top = result;
          if (result.parent === null && result.version !== p.rootVersion) this.noteRoot(p, result);
          value = undefined;
          // A reduction, as on the BEAM: a loop of tail calls through funs (which do not become
          // plain loops) gives the others, and the host's wall clock, their turn.
          if (--reductions === 0) return this.yieldTurn(p, undefined, false);
          continue;
        }
        p.top = act.parent;
        if (p.top === null) {
          this.end(p, "normal", false);
          return;
        }
        value = result;
        continue;
      }
      const y = step.value;
      const kind = stepOf(y);
      // (Receives first: they are the hot path of every message loop.)
      if (kind === RECEIVE) {
        const token = y as ReceiveToken;
        let got: unknown;
        if (token.match === undefined) got = p.mailbox.length > 0 ? p.mailbox.take(0) : NO_MATCH;
        else {
          try {
            got = this.tryReceive(p, token);
          } catch (err) {
            if (isUnwinding(err)) throw err;
            value = err;
            isThrow = true;
            continue;
          }
        }
        if (got === NO_MATCH) {
          if (token.after === 0) value = TIMEOUT;
          else {
            this.park(p, token, token.after);
            return;
          }
        } else value = got;
      } else if (kind === CALL) {
        (y as Activation).parent = act;
        p.top = y as Activation;
        value = undefined;
      } else if (kind === SLEEP) {
        this.park(p, "sleep", (y as SleepToken).ms);
        return;
      } else if (y !== null && typeof y === "object" && typeof (y as PromiseLike<unknown>).then === "function") {
        this.awaitForeign(p, y as PromiseLike<unknown>);
        return;
      } else value = y;
      if (--reductions === 0) return this.yieldTurn(p, value, isThrow);
    }
  }

  /** Fairness: let the others run; come back with the value in hand, and the budget left. */
  private yieldTurn(p: Proc, value: unknown, isThrow: boolean): void {
    p.resumeValue = value;
    p.resumeThrow = isThrow;
    p.budget = this.budgetLeft;
    this.enqueue(p);
  }

  /**
   * A plain process's outermost code is in another module version: it started, or its loop
   * tail-called into new code (`return Me.loop()`). The timeline's version chip follows it.
   */
  private noteRoot(p: Proc, root: Activation): void {
    const v = root.version;
    if (v === null || p.kind !== "process") return;
    p.rootVersion = v;
    if (this.sink) this.emit({ t: this.now, type: "runs", pid: p.pid.text, module: this.shownModule(v.module), vsn: v.short });
  }

  /** The process's own code finished (returned or threw): it ends, with nothing left to unwind. */
  private end(p: Proc, outcome: unknown, threw: boolean): void {
    this.current = null;
    if (threw) this.crash(p, outcome);
    else this.exit(p, outcome);
  }

  private park(p: Proc, wait: ReceiveToken | "sleep", ms: number | undefined): void {
    p.status = "waiting";
    p.wait = wait;
    if (ms !== undefined && ms !== Infinity) {
      p.waitTimer = this.after(ms, () => {
        if (p.wait !== wait || !p.alive) return;
        p.waitTimer = null;
        if (wait === "sleep") p.wait = null;
        // A receive looks at its mailbox once more before it times out: a message that came
        // in the same ms, before the timer, still wins.
        else wait.timedOut = true;
        this.enqueue(p);
      });
    }
  }

  private clearWait(p: Proc): void {
    if (p.waitTimer) p.waitTimer.cancelled = true;
    p.waitTimer = null;
    p.wait = null;
  }

  /** A native Promise awaited by user code: the process waits for it outside virtual time. */
  private awaitForeign(p: Proc, promise: PromiseLike<unknown>): void {
    p.status = "waiting";
    p.wait = "foreign";
    const resume = (value: unknown, isThrow: boolean) => {
      if (!p.alive || p.wait !== "foreign") return;
      p.wait = null;
      p.resumeValue = value;
      p.resumeThrow = isThrow;
      this.enqueue(p);
    };
    promise.then((v) => resume(v, false), (e) => resume(e, true));
  }

  // ── the runaway guard ──────────────────────────────────────────────────────────────────

  /** Called by compiled code at every loop iteration and function entry. */
  budget(): void {
    if (--this.budgetLeft > 0) return;
    this.budgetSpent();
  }

  /** The slow path: the turn's budget is used up, or user code runs where no turn does. */
  private budgetSpent(): never {
    this.budgetLeft = 0;
    // A kill unwinds: user code that would run on the way out (an iterator's `return`, a
    // getter) is stopped at its entry, so it cannot keep the process alive.
    if (this.unwinding) throw this.current?.alive === false ? UNWIND : new RunawayError(this.maxSteps);
    if (!this.guarding) {
      this.ranOutsideProcess();
      throw new Error(OUTSIDE_PROCESS);
    }
    this.unwinding = true;
    throw new RunawayError(this.maxSteps);
  }

  /**
   * Runs code outside any process (a module's top-level code at load) under the runaway guard;
   * a runaway there becomes an ordinary error for the caller.
   */
  guarded<T>(run: () => T): T {
    const outer = this.guarding;
    const outerBudget = this.budgetLeft;
    this.guarding = true;
    this.budgetLeft = this.maxSteps;
    try {
      return run();
    } catch (err) {
      if (err instanceof RunawayError) {
        this.unwinding = false;
        throw new Error(`runaway: the module's top-level code ran ${countText(this.maxSteps)} steps without finishing (an endless loop?)`);
      }
      throw err;
    } finally {
      this.guarding = outer;
      this.budgetLeft = outer ? outerBudget : 0;
    }
  }

  /** Called first in every compiled `catch`: kills are not catchable. */
  rethrowUnwind(err: unknown): void {
    if (isUnwinding(err)) throw err;
  }

  // ── exits and signals ──────────────────────────────────────────────────────────────────

  /**
   * A thrown error ends the process: its reason is the error and the mapped stack. A thrown
   * value that is not an Error is Erlang's throw, uncaught: the reason is [["nocatch", value],
   * stack] (a bare value carries no stack to map).
   */
  crash(p: Proc, err: unknown): void {
    if (err instanceof ExitError) {
      this.exit(p, err.reason);
      return;
    }
    if (!(err instanceof Error)) {
      this.exit(p, [["nocatch", err], this.dialect.stacktrace([])]);
      return;
    }
    const frames = this.mapStack(err);
    this.exit(p, [this.dialect.crashReason(err), this.dialect.stacktrace(frames)], frames);
  }

  /** The process ends with `reason` (its code returned, threw, or it was killed). */
  exit(p: Proc, reason: unknown, frames?: StackFrame[]): void {
    this.dying.push([p, reason]);
    if (frames) this.stacks.set(p, frames);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let i = 0; i < this.dying.length; i++) this.finish(this.dying[i][0], this.dying[i][1]);
    } finally {
      this.dying.length = 0;
      this.draining = false;
    }
    // The running process died by its own hand or as a side effect: stop its code here.
    const me = this.current;
    if (me && !me.alive) {
      this.unwinding = true;
      throw UNWIND;
    }
  }

  private stacks = new WeakMap<Proc, StackFrame[]>();

  /** Kills `p` from outside its own code (a signal, a purge). */
  kill(p: Proc, reason: unknown, err?: unknown): void {
    if (!p.alive) return;
    this.exit(p, reason, err ? this.mapStack(err) : undefined);
  }

  private finish(p: Proc, reason: unknown): void {
    if (!p.alive) return;
    p.status = "dead";
    p.exitReason = reason;
    this.clearWait(p);
    p.top = null;
    p.start = null;
    p.mailbox.clear();
    this.procs.delete(p.pid.id);
    p.pid.proc = null;
    if (p.name !== null && this.registry.get(p.name) === p) this.registry.delete(p.name);
    if (this.sink) {
      const frames = this.stacks.get(p);
      const event: TraceEvent = { t: this.now, type: "exit", pid: String(p.pid), reason: this.dialect.inspect(reason) };
      // (Frames name modules as people write them; the crash reason's own term keeps the atoms.)
      if (frames && frames.length) event.stack = frames.map((f) => (f.module ? { ...f, module: this.shownModule(f.module) } : f));
      this.emit(event);
    }
    if (p.monitors) {
      for (const [ref, target] of p.monitors) {
        target.monitoredBy?.delete(ref);
        this.monitorNames.delete(ref);
      }
      p.monitors = null;
    }
    if (p.links) {
      const links = [...p.links];
      p.links = null;
      for (const other of links) {
        other.links?.delete(p);
        this.exitSignal(p, other, reason, true);
      }
    }
    if (p.monitoredBy) {
      const watchers = [...p.monitoredBy];
      p.monitoredBy = null;
      for (const [ref, watcher] of watchers) {
        watcher.monitors?.delete(ref);
        const who = this.monitorNames.size ? this.monitorNames.get(ref) : undefined;
        if (who !== undefined) this.monitorNames.delete(ref);
        if (this.sink) this.emit({ t: this.now, type: "down", pid: String(p.pid), to: String(watcher.pid), ref: String(ref), reason: this.dialect.inspect(reason) });
        this.deliverSignal(watcher, ["DOWN", ref, "process", who ?? p.pid, reason], p.pid);
      }
    }
  }

  /**
   * An exit signal from `from` to `to`. Link exits (`viaLink`) come from a dying process;
   * the others from `Process.exit`. `kill` sent with Process.exit cannot be trapped and
   * reaches links as `killed`; a process that exits with reason `kill` itself sends `kill`.
   */
  exitSignal(from: Proc | Pid, to: Proc, reason: unknown, viaLink: boolean): void {
    if (!to.alive) return;
    const fromPid = from instanceof Proc ? from.pid : from;
    if (!viaLink && reason === "kill") {
      this.exit(to, "killed");
      return;
    }
    if (to.trapExit) {
      this.deliverSignal(to, ["EXIT", fromPid, reason], fromPid);
      return;
    }
    if (reason === "normal" && !(to.pid === fromPid && !viaLink)) return;
    this.exit(to, reason);
  }

  /** The reason a dead process ended with, and its mapped stack (for the inspector). */
  stackOf(p: Proc): StackFrame[] | undefined {
    return this.stacks.get(p);
  }

  // ── links and monitors ─────────────────────────────────────────────────────────────────

  link(me: Proc, dest: unknown): true {
    const other = this.resolve(dest);
    if (!other || !other.alive) {
      // Linking to a dead process: the linker gets a noproc exit signal.
      this.exitSignal(dest instanceof Pid ? dest : me.pid, me, "noproc", true);
      return true;
    }
    if (other === me || me.links?.has(other)) return true;
    me.link(other);
    if (this.sink) this.emit({ t: this.now, type: "link", from: String(me.pid), to: String(other.pid) });
    return true;
  }

  unlink(me: Proc, dest: unknown): true {
    const other = this.resolve(dest);
    if (other && me.links?.has(other)) {
      me.unlink(other);
      if (this.sink) this.emit({ t: this.now, type: "unlink", from: String(me.pid), to: String(other.pid) });
    }
    return true;
  }

  /**
   * A monitor of `dest`. Its DOWN names the process as `downAs` when given (Elixir's monitor of
   * a registered name: `{name, node}`, as the BEAM does), else as `dest` (a pid, or the name).
   */
  monitor(me: Proc, dest: unknown, downAs?: unknown): Ref {
    const ref = this.makeRef();
    const target = this.resolve(dest);
    if (!target || !target.alive) {
      // Made by the runtime at once: from the dead pid when there is one, else from nobody.
      this.deliverSignal(me, ["DOWN", ref, "process", downAs ?? dest, "noproc"], dest instanceof Pid ? dest : null);
      return ref;
    }
    if (downAs !== undefined) this.monitorNames.set(ref, downAs);
    (me.monitors ??= new Map()).set(ref, target);
    (target.monitoredBy ??= new Map()).set(ref, me);
    if (this.sink) this.emit({ t: this.now, type: "monitor", from: String(me.pid), to: String(target.pid), ref: String(ref) });
    return ref;
  }

  /** Removes a monitor; with `flush`, also a DOWN message of it already in the mailbox. */
  demonitor(me: Proc, ref: Ref, flush = false): true {
    const target = me.monitors?.get(ref);
    if (target) {
      me.monitors!.delete(ref);
      target.monitoredBy?.delete(ref);
      this.monitorNames.delete(ref);
    }
    if (flush) {
      const box = me.mailbox;
      for (let i = 0; i < box.length; i++) {
        const m = box.at(i);
        if (Array.isArray(m) && m[0] === "DOWN" && m[1] === ref) {
          box.take(i);
          break;
        }
      }
    }
    return true;
  }

  // ── whole-system operations ────────────────────────────────────────────────────────────

  /** Ends every process at once (the Restart button): no signals, so nothing restarts. */
  killAll(reason: unknown = "killed"): void {
    const all = [...this.procs.values()];
    for (const p of all) {
      p.links = null;
      p.monitoredBy = null;
      p.monitors = null;
    }
    for (const p of all) this.finish(p, reason);
    this.queue.clear();
  }

  /** Drops every pending timer (nothing from before a restart may fire after it). */
  clearTimers(): void {
    this.timers.clear();
  }

  /** Processes in start order. */
  processes(): Proc[] {
    return [...this.procs.values()];
  }
}

export { isUnwinding };

/** True if `a` is still waiting to be resumed later (the value a process will continue with). */
function isPending(p: Proc, a: Activation): boolean {
  return p.resumeValue === a;
}
