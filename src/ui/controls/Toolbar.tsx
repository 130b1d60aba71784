/**
 * The toolbar: title, the four code actions (Run, Recompile, Upgrade, Restart), the clock
 * (pause, step, speed, virtual time), Stop, Share, theme. The compiler's status shows until
 * it is ready; actions wait for it.
 */
import { recompile, restart, run, setPaused, setSpeed, step, stop, upgrade } from "../app/controller";
import { restoreDraft, setTheme } from "../app/boot";
import { share } from "../app/share";
import { useApp } from "../store/appStore";
import { useModel } from "../store/timelineStore";
import { formatTime } from "../format";
import { Icon } from "./Icon";

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

function CompilerStatus() {
  const compiler = useApp((s) => s.compiler);
  if (compiler.phase === "ready") {
    return <span className="status ready" data-testid="compiler-status" data-phase="ready" title={`compiler ready in ${compiler.ms ?? "?"} ms`}>● ready</span>;
  }
  return (
    <span className={`status ${compiler.phase}`} data-testid="compiler-status" data-phase={compiler.phase} title={compiler.message}>
      {compiler.phase === "loading" ? <span className="spinner" /> : "✕"} {compiler.phase === "loading" ? "loading compiler…" : `compiler failed: ${compiler.message ?? ""}`}
    </span>
  );
}

export function Toolbar() {
  const title = useApp((s) => s.title);
  const running = useApp((s) => s.running);
  const paused = useApp((s) => s.paused);
  const speed = useApp((s) => s.speed);
  const theme = useApp((s) => s.theme);
  const embed = useApp((s) => s.embed);
  const ready = useApp((s) => s.compiler.phase === "ready");
  const recoverable = useApp((s) => s.recoverableDraft);
  const now = useModel().now;

  return (
    <header className="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>⇄</span>
        <span className="brand-name">hotswap</span>
        <span className="title" title={title}>{title}</span>
      </div>
      <div className="actions">
        <button className="primary" data-testid="run" disabled={!ready} onClick={() => void run()} title="Compile everything and start Main.start() at t = 0">
          <Icon name="play" /> Run
        </button>
        <button data-testid="recompile" disabled={!ready} onClick={() => void recompile()} title="Load the changed modules; processes keep their state (Ctrl+S)">
          ⟳ Recompile <kbd>Ctrl S</kbd>
        </button>
        {!embed && (
          <>
            <button data-testid="upgrade" disabled={!ready} onClick={() => void upgrade()} title="Release-style upgrade: suspend, load, code_change, resume">
              ⇪ Upgrade
            </button>
            <button data-testid="restart" disabled={!ready} onClick={() => void restart()} title="Stop every process, load all files fresh, start main again">
              ⟲ Restart
            </button>
          </>
        )}
      </div>
      <div className="clock">
        <button className="icon" data-testid="pause" disabled={!running} onClick={() => setPaused(!paused)} title={paused ? "Resume (Space)" : "Pause (Space)"}>
          {paused ? <Icon name="play" /> : <Icon name="pause" />}
        </button>
        <button className="icon" data-testid="step" disabled={!running} onClick={() => void step()} title="Step to the next event (→)"><Icon name="step" /></button>
        <select aria-label="Speed" data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} title="Speed of virtual time">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
        <span className="time mono" data-testid="virtual-time" title="virtual time">t = {formatTime(now)}</span>
        {!embed && <button className="icon" onClick={() => void stop()} title="Stop: pause, and restart the runtime if it does not answer"><Icon name="stop" /></button>}
      </div>
      <div className="end">
        <CompilerStatus />
        {recoverable && !embed && <button className="ghost" onClick={restoreDraft} title="Bring back the draft you had before opening a link">↶ Restore draft</button>}
        <button data-testid="share" onClick={() => void share()} title="Copy a link with these files and script">Share</button>
        <button className="icon" aria-label="Toggle theme" onClick={() => setTheme(theme === "dark" ? "light" : "dark")} title="Dark / light theme">
          {theme === "dark" ? <Icon name="sun" /> : <Icon name="moon" />}
        </button>
      </div>
    </header>
  );
}
