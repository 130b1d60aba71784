/**
 * The toolbar: title and the examples menu, the four code actions (Run, Recompile, Upgrade,
 * Restart), the clock (pause, step, speed, virtual time), Stop, About, Share, theme. The
 * compiler's status shows what it is waiting for until it is ready. Run is enabled as soon as it
 * can start: at once for a built-in snippet (precompiled), else when the compiler is ready; the
 * other actions then wait for the compiler if they need it. Embed mode has its own, smaller
 * toolbar: play/pause, replay, speed, time (a replay that is not precompiled loads the compiler).
 */
import { atLessonEnd, recompile, restart, run, setSpeed, step, stop, togglePlay, upgrade } from "../app/controller";
import { playLesson, restoreDraft, setTheme } from "../app/boot";
import { share } from "../app/share";
import { canExportMix, exportMix } from "../app/exportMix";
import { appStore, useApp } from "../store/appStore";
import { useVirtualNow } from "../store/timelineStore";
import { formatTime } from "../format";
import { Icon } from "./Icon";
import { ExamplesMenu } from "./ExamplesMenu";
import { canRun } from "../app/precompiled";

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];
/** The choices, with a link's own `?speed=` among them (a select shows its first option for a value it lacks). */
const speedChoices = (speed: number) => (SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b));

function CompilerStatus() {
  const compiler = useApp((s) => s.compiler);
  if (compiler.phase === "idle") return null;
  if (compiler.phase === "ready") {
    return <span className="status ready" data-testid="compiler-status" data-phase="ready" title={`compiler ready in ${compiler.ms ?? "?"} ms`}>● ready</span>;
  }
  return (
    <span className={`status ${compiler.phase}`} data-testid="compiler-status" data-phase={compiler.phase} title={compiler.message}>
      {compiler.phase === "loading" ? <span className="spinner" /> : "✕"} {compiler.phase === "loading" ? (compiler.message ?? "Loading the compiler…") : `compiler failed: ${compiler.message ?? ""}`}
    </span>
  );
}

/** Embed mode: a replay widget. Play/pause, replay from the start, speed, time, and a way out to the full playground. */
function EmbedToolbar() {
  const title = useApp((s) => s.title);
  const running = useApp((s) => s.running);
  const paused = useApp((s) => s.paused || atLessonEnd(s));
  const speed = useApp((s) => s.speed);
  const now = useVirtualNow();
  const full = new URL(location.href);
  for (const k of ["embed", "readonly", "autoplay"]) full.searchParams.delete(k);
  return (
    <header className="toolbar embed-toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>⇄</span>
        <span className="title" title={title}>{title}</span>
      </div>
      <div className="clock">
        {running ? (
          <button className="icon primary" data-testid="pause" onClick={togglePlay} title={paused ? "Play (Space)" : "Pause (Space)"} aria-label={paused ? "Play" : "Pause"}>
            {paused ? <Icon name="play" /> : <Icon name="pause" />}
          </button>
        ) : (
          <button className="icon primary" data-testid="run" onClick={() => void playLesson()} title="Play" aria-label="Play">
            <Icon name="play" />
          </button>
        )}
        <button className="icon" data-testid="replay" onClick={() => void playLesson()} title="Replay from the start" aria-label="Replay from the start">
          <Icon name="replay" />
        </button>
        <select aria-label="Speed" data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Speed of virtual time">
          {speedChoices(speed).map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
        <span className="time mono" data-testid="virtual-time" title="virtual time">t = {formatTime(now)}</span>
      </div>
      <div className="end">
        <CompilerStatus />
        <a className="button ghost" href={full.toString()} target="_blank" rel="noopener" title="Open this in the full playground, to edit and run it yourself">
          Open in playground <Icon name="external" />
        </a>
      </div>
    </header>
  );
}

export function Toolbar() {
  const embed = useApp((s) => s.embed);
  return embed ? <EmbedToolbar /> : <FullToolbar />;
}

function FullToolbar() {
  const title = useApp((s) => s.title);
  const running = useApp((s) => s.running);
  const paused = useApp((s) => s.paused || atLessonEnd(s));
  const speed = useApp((s) => s.speed);
  const theme = useApp((s) => s.theme);
  const ready = useApp(canRun);
  const actionsReady = ready || running;
  const readOnly = useApp((s) => s.readOnly);
  const recoverable = useApp((s) => s.recoverableDraft);
  const elixir = useApp((s) => canExportMix(s.files));
  const now = useVirtualNow();

  return (
    <header className="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>⇄</span>
        <span className="brand-name">hotswap</span>
        <ExamplesMenu />
        <span className="title" title={title}>{title}</span>
      </div>
      <div className="actions">
        <button className="primary" data-testid="run" disabled={!ready} onClick={() => void run()} title="Compile everything and start Main.start() at t = 0">
          <Icon name="play" /> Run
        </button>
        {!readOnly && (
          <>
            <button data-testid="recompile" disabled={!actionsReady} onClick={() => void recompile()} title="Load the changed modules; processes keep their state (Ctrl+S)">
              ⟳ Recompile <kbd>Ctrl S</kbd>
            </button>
            <button data-testid="upgrade" disabled={!actionsReady} onClick={() => void upgrade()} title="Release-style upgrade: suspend, load, code_change, resume">
              ⇪ Upgrade
            </button>
            <button data-testid="restart" disabled={!actionsReady} onClick={() => void restart()} title="Stop every process, load all files fresh, start main again">
              ⟲ Restart
            </button>
          </>
        )}
      </div>
      <div className="clock">
        <button className="icon" data-testid="pause" disabled={!running} onClick={togglePlay} title={paused ? "Resume (Space)" : "Pause (Space)"}>
          {paused ? <Icon name="play" /> : <Icon name="pause" />}
        </button>
        <button className="icon" data-testid="step" disabled={!running} onClick={() => void step()} title="Step to the next event (→)"><Icon name="step" /></button>
        <select aria-label="Speed" data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Speed of virtual time">
          {speedChoices(speed).map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
        <span className="time mono" data-testid="virtual-time" title="virtual time">t = {formatTime(now)}</span>
        <button className="icon" onClick={() => void stop()} title="Stop: pause, and restart the runtime if it does not answer"><Icon name="stop" /></button>
      </div>
      <div className="end">
        <CompilerStatus />
        {recoverable && <button className="ghost" onClick={restoreDraft} title="Bring back the draft you had before opening a link">↶ Restore draft</button>}
        <button className="ghost" data-testid="about-button" onClick={() => appStore.setState({ aboutOpen: true })} title="How this playground maps to the BEAM, and where it differs">About</button>
        {elixir && (
          <button className="ghost" data-testid="export-mix" aria-label="Export as a Mix project" onClick={() => void exportMix()} title="Export as a Mix project: a zip of these files with mix.exs, and the script's steps as IEx commands in its README, to rerun in iex -S mix">
            <Icon name="download" /> Mix
          </button>
        )}
        <button data-testid="share" onClick={() => void share()} title="Copy a link with these files and script">Share</button>
        <button className="icon" aria-label="Toggle theme" onClick={() => setTheme(theme === "dark" ? "light" : "dark")} title="Dark / light theme">
          {theme === "dark" ? <Icon name="sun" /> : <Icon name="moon" />}
        </button>
      </div>
    </header>
  );
}
