/**
 * A demo's lesson, under the timeline: what to watch, why it happens, what Elixir and Erlang do
 * (folded: a newcomer needs the first two), the official docs, and the checks that say whether
 * it happened. "Play lesson" plays the demo from the start.
 */
import { findDemo } from "../../examples";
import { playLesson } from "../app/boot";
import { useApp } from "../store/appStore";
import { Icon } from "../controls/Icon";
import { canPlayLesson } from "../app/precompiled";
import { CheckList, useCheckSummary } from "./Checks";
import { RichText } from "./richText";

export function LessonPanel() {
  const demoId = useApp((s) => s.demoId);
  const demo = demoId ? findDemo(demoId) : undefined;
  const summary = useCheckSummary();
  return (
    <div className={`lesson ${demo ? "" : "checks-only"}`} data-testid="explanation">
      {demo && (
        <div className="lesson-text">
          <section className="lesson-section">
            <h3>What to watch</h3>
            <p><RichText text={demo.explanation.watch} /></p>
          </section>
          <section className="lesson-section">
            <h3>Why it happens</h3>
            <p><RichText text={demo.explanation.why} /></p>
          </section>
          <details className="lesson-section">
            <summary><h3>On the BEAM: what Elixir and Erlang do</h3></summary>
            <p><RichText text={demo.explanation.beam} /></p>
          </details>
          <nav className="lesson-docs" aria-label="Documentation">
            <span className="muted">Docs</span>
            {demo.explanation.docs.map((d) => (
              <a key={d.url} href={d.url} target="_blank" rel="noopener noreferrer">
                {d.label}
                <Icon name="external" />
              </a>
            ))}
          </nav>
        </div>
      )}
      {summary.total > 0 && (
        <div className="lesson-checks" tabIndex={0} role="region" aria-label="Lesson checks">
          <div className="lesson-checks-head">
            <h3>Checks</h3>
            <span className={`muted mono ${summary.failed ? "crash" : ""}`}>
              {summary.passed}/{summary.total} passed{summary.failed ? ` · ${summary.failed} failed` : ""}
            </span>
          </div>
          <CheckList />
          {summary.passed + summary.failed === 0 && <p className="muted small lesson-hint">Each check runs at its time in the lesson and turns green when the code did what the lesson says.</p>}
        </div>
      )}
    </div>
  );
}

/** Plays the lesson from the start (in the panel's tab bar, so it is there whichever tab is open). */
export function PlayLessonButton() {
  const ready = useApp(canPlayLesson);
  const running = useApp((s) => s.running);
  return (
    <button className="small" data-testid="play-lesson" disabled={!ready} onClick={() => void playLesson()} title="Play this lesson from the start, with its captions and checks">
      <Icon name={running ? "replay" : "play"} /> {running ? "Replay lesson" : "Play lesson"}
    </button>
  );
}
