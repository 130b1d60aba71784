/**
 * The worker's host: one Session, a frame loop that moves virtual time with the wall clock, and
 * the handler for every page request. Virtual time advances by wall-elapsed × speed, in slices of
 * at most 8 ms of wall time so the worker always answers; if the runtime cannot keep up, virtual
 * time slows down instead of piling up work. Events are buffered and posted once per tick.
 * Compiling goes through a StandbyCompiler: Run starts at once when its transforms are known
 * (a built-in lesson's table, sent with it); a user's Recompile, Upgrade, Restart or eval waits
 * for the real compiler, outside the session lock, so time keeps moving meanwhile.
 */
import type { TraceEvent } from "../runtime/events";
import * as sessionModule from "../session/session";
import { elixirParserBytes } from "./elixirParser";
import { MailboxSampler } from "./mailboxSampler";
import { type Session, isElixirSnippet } from "../session/session";
import type { ActionResult } from "../session/types";
import { assertNever, type EvalResult, type PageToWorker, type WorkerToPage } from "./protocol";
import type { StandbyCompiler } from "../compiler/precompiled";

const TICK_MS = 16;
const SLICE_MS = 8;
/** A tick never moves more than this much wall time (a throttled background tab must not leap). */
const MAX_WALL_STEP_MS = 250;
/** Events held for one post; beyond it, the chatty kinds are dropped and counted. */
const MAX_BUFFER = 20_000;
const DROPPABLE = new Set<TraceEvent["type"]>(["log", "state", "send", "mailbox"]);

export type Post = (msg: WorkerToPage) => void;

export class Host {
  private session: Session | null = null;
  /** The last console line of this session: the next one is compiled after it has run. */
  private consoleTail: { session: Session; done: Promise<unknown> } | null = null;
  private speed = 1;
  private paused = false;
  /** A reading pause: virtual time does not pass this point until the page lifts it. */
  private holdAt: number | null = null;
  private target = 0;
  private lastWall = performance.now();
  private buffer: TraceEvent[] = [];
  private dropped = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private locked = false;
  private lastClock = "";
  /** Virtual time in the last batch posted: a tick that moved nothing posts nothing. */
  private postedNow = -1;
  private filesSeen = "";
  /** The page will edit and compile (an embed never asks): load the compilers in the background. */
  private compilerWanted = false;
  /** The page shows messages: sessions emit `send` events. */
  private traceSends = false;
  /** Mailbox lengths for time travel, per session. */
  private mailboxes = new MailboxSampler((e) => this.collect(e));

  constructor(private readonly post: Post, private readonly compiler: StandbyCompiler) {}

  startLoop(): void {
    const loop = async () => {
      await this.tick();
      setTimeout(loop, TICK_MS);
    };
    setTimeout(loop, TICK_MS);
  }

  async handle(msg: PageToWorker): Promise<void> {
    switch (msg.type) {
      case "run":
        return this.answer(msg.id, async () => {
          this.compiler.use(msg.precompiled);
          return this.exclusive(() => this.run(msg.snippet, msg.speed, msg.paused ?? false, msg.holdAt ?? null));
        });
      case "recompile":
        return this.answer(msg.id, () => this.action(msg.files, (s) => s.recompile(msg.files)));
      case "upgrade":
        return this.answer(msg.id, () => this.action(msg.files, (s) => s.upgrade(msg.files, msg.extra)));
      case "restart":
        return this.answer(msg.id, () => this.action(msg.files, (s) => s.restart(msg.files)));
      case "eval":
        return this.answer(msg.id, async () => {
          // An Elixir line compiles without esbuild; a TypeScript one needs it.
          if (!this.need().isElixir) await this.compiler.ready();
          return this.consoleLine(msg.expr, msg.files);
        });
      case "loadCompiler":
        this.compilerWanted = true;
        this.compiler.ready().catch(() => undefined); // a failure is posted as a status
        this.session?.prepareCompile();
        return;
      case "clock":
        if (msg.speed !== undefined) this.speed = clampSpeed(msg.speed);
        if (msg.paused !== undefined) this.paused = msg.paused;
        if (msg.holdAt !== undefined) this.holdAt = msg.holdAt;
        this.lastWall = performance.now();
        this.postClock(true);
        return;
      case "step":
        return this.answer(msg.id, () => this.exclusive(() => this.step()));
      case "clear":
        return this.answer(msg.id, () => this.exclusive(async () => {
          this.session = null;
          this.buffer = [];
          this.dropped = 0;
          this.target = 0;
          this.holdAt = null;
          this.post({ type: "reset", now: 0 });
          this.postedNow = 0;
          this.postClock(true);
          return null;
        }));
      case "traceSends":
        this.traceSends = msg.on;
        this.session?.setTraceSends(msg.on);
        return;
      case "poke":
        return this.answer(msg.id, () => this.exclusive(async () => {
          const r = await this.need().poke(msg.poke, "console");
          this.flush();
          return r;
        }));
      case "inspect":
        return this.answer(msg.id, async () => this.session?.inspect(msg.pid) ?? null);
      case "ping":
        return this.answer(msg.id, async () => null);
      default:
        assertNever(msg);
    }
  }

  private async run(snippet: Parameters<Session["start"]>[0], speed: number, paused: boolean, holdAt: number | null): Promise<ActionResult> {
    this.flush();
    this.buffer = [];
    this.dropped = 0;
    this.speed = clampSpeed(speed);
    this.paused = paused;
    this.holdAt = holdAt;
    this.target = 0;
    this.lastWall = performance.now();
    this.post({ type: "reset", now: 0 });
    this.postedNow = 0;
    const SessionClass = (sessionModule as Record<string, unknown>)["Session"] as typeof Session | undefined;
    if (!SessionClass) throw new Error("the runtime is not built into this page yet (src/session/session.ts has no implementation)");
    const mailboxes = (this.mailboxes = new MailboxSampler((e) => this.collect(e)));
    // haltOnTrouble: a livelock or the process limit stops the system at that event, as in the
    // CLI. Virtual time could never move again (a fork bomb at t = 0 churns at the limit for
    // ever), so the run ends and the page says why instead of showing a clock stuck at 0.
    this.session = new SessionClass({
      esbuild: this.compiler,
      onEvent: (e) => this.collect(e),
      traceSends: this.traceSends,
      haltOnTrouble: true,
      watchMailboxes: (pid, length, t) => mailboxes.note(pid, length, t),
      elixir: { parserBytes: elixirParserBytes },
    });
    const result = await this.session.start(snippet);
    this.filesSeen = JSON.stringify(this.session.files);
    this.flush();
    // A Run that did not start (a compile error, a module that threw while loading, a cancelled
    // compile) leaves nothing running: time must not run on over an empty system.
    if (!result.ok) this.session = null;
    else if (this.compilerWanted) this.session.prepareCompile();
    this.postClock(true);
    return result;
  }

  private async action(files: Record<string, string>, fn: (s: Session) => Promise<ActionResult>): Promise<ActionResult> {
    this.need();
    // Waited for outside the lock, so the clock runs on while esbuild-wasm loads. Elixir files
    // compile without it (compiler/elixir/asyncShape.ts): their Recompile never waits.
    if (!isElixirSnippet(files)) await this.compiler.ready();
    return this.exclusive(async () => {
      const s = this.need();
      const result = await fn(s);
      // The page sent these files: they are not news to the editor.
      this.filesSeen = JSON.stringify(s.files);
      this.target = Math.max(this.target, s.now);
      this.flush();
      return result;
    });
  }

  /** Paused stepping: jump to the next thing that will happen, and run it. */
  private async step(): Promise<null> {
    const s = this.need();
    const next = s.busy() ? s.now : s.nextTime();
    if (next !== null) await s.advance(next, 200);
    this.target = s.now;
    this.flush();
    return null;
  }

  private async tick(): Promise<void> {
    const wall = performance.now();
    const elapsed = Math.min(wall - this.lastWall, MAX_WALL_STEP_MS);
    this.lastWall = wall;
    const s = this.session;
    if (s && !this.paused && !this.locked) {
      this.target += elapsed * this.speed;
      if (this.holdAt !== null) this.target = Math.min(this.target, Math.max(this.holdAt, s.now));
      try {
        await this.exclusive(async () => {
          const caughtUp = await s.advance(Math.floor(this.target), SLICE_MS);
          if (!caughtUp) this.target = s.now;
        });
      } catch (err) {
        // Nothing user-made should get here (the runtime turns crashes into exits); if the engine
        // itself fails, stop the clock and say so rather than spin on the same error.
        this.paused = true;
        console.error("session.advance failed", err);
      }
      this.postFilesIfScriptEdited(s);
    } else if (s && this.paused && !this.locked) {
      // Time stands still, but what an action started at this ms (a console line, a poke from the
      // inspector) still finishes, slice by slice, as it would at any speed.
      try {
        await this.exclusive(() => s.advance(s.now, SLICE_MS));
      } catch (err) {
        console.error("session.advance failed", err);
      }
    }
    this.flush(true);
    this.postClock(false);
  }

  private collect(event: TraceEvent): void {
    if (event.type === "exit") this.mailboxes.forget(event.pid);
    if (this.buffer.length >= MAX_BUFFER && DROPPABLE.has(event.type)) {
      this.dropped++;
      return;
    }
    this.buffer.push(event);
  }

  /**
   * Posts what happened since the last batch. `quiet`: the frame loop's tick, which posts nothing
   * when nothing happened and time stood still (paused, or a system with nothing left to do), so
   * a page looking back in time is not woken sixty times a second for nothing.
   */
  private flush(quiet = false): void {
    const now = this.session?.now ?? 0;
    this.mailboxes.flush(now);
    if (quiet && this.buffer.length === 0 && this.dropped === 0 && now === this.postedNow) return;
    this.postedNow = now;
    const events = this.buffer;
    this.buffer = [];
    const dropped = this.dropped;
    this.dropped = 0;
    this.post(dropped ? { type: "events", events, now, dropped } : { type: "events", events, now });
  }

  private postClock(force: boolean): void {
    const s = this.session;
    const idle = !s || (s.nextTime() === null && !s.busy());
    const now = s?.now ?? 0;
    const holding = this.holdAt !== null && !!s && s.now >= this.holdAt;
    const halted = s?.halted ?? null;
    const key = `${this.speed}|${this.paused}|${idle}|${holding}|${halted}`;
    if (!force && key === this.lastClock) return;
    this.lastClock = key;
    this.post(halted === null ? { type: "clock", now, speed: this.speed, paused: this.paused, idle, holding } : { type: "clock", now, speed: this.speed, paused: this.paused, idle, holding, halted });
  }

  private postFilesIfScriptEdited(s: Session): void {
    const files = s.files;
    const seen = JSON.stringify(files);
    if (seen === this.filesSeen) return;
    this.filesSeen = seen;
    this.post({ type: "files", files: { ...files } });
  }

  private need(): Session {
    if (!this.session) throw new Error("nothing is running: press Run first");
    return this.session;
  }

  /** Session calls never interleave: an action waits for the advance in flight, and vice versa. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.lock.then(async () => {
      this.locked = true;
      try {
        return await fn();
      } finally {
        this.locked = false;
      }
    });
    this.lock = next.catch(() => undefined);
    return next;
  }

  /**
   * A console line runs after the one before it has finished, as in IEx: it is compiled with the
   * bindings that line made (`pid = …`, then `:sys.get_state(pid)`). Waiting is outside
   * `exclusive`, so a line that waits (a `receive`) holds up only the lines typed after it.
   */
  private consoleLine(expr: string, files?: Record<string, string>): Promise<EvalResult> {
    const session = this.need();
    const previous = this.consoleTail?.session === session ? this.consoleTail.done : Promise.resolve();
    const mine = (async (): Promise<EvalResult> => {
      await previous;
      if (this.session !== session) return { text: null };
      const line = await this.exclusive(() => session.consoleLine(expr, files));
      return { text: null, at: line.at, prompt: await line.finished, action: line.action };
    })();
    this.consoleTail = { session, done: mine.catch(() => undefined) };
    return mine;
  }

  private async answer(id: number, fn: () => Promise<unknown>): Promise<void> {
    try {
      const result = (await fn()) as Extract<WorkerToPage, { type: "reply"; ok: true }>["result"];
      this.post({ type: "reply", id, ok: true, result });
    } catch (err) {
      this.post({ type: "reply", id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(100, Math.max(0.1, speed));
}
