/**
 * A demo's lesson, under the timeline: what to watch, why it happens, what Elixir and Erlang do
 * (folded: a newcomer needs the first two), the official docs, and the checks that say whether
 * it happened. "Play lesson" plays the demo from the start. Every lesson has an Elixir version
 * (the default) and a TypeScript twin telling the same story: the switch opens the other one,
 * as its short link would (`#example/<id>` / `#example/<id>/ts`).
 */
import { findLesson, lessonKey, type LessonLanguage } from "../../examples";
import { openExample, playLesson } from "../app/boot";
import { useApp } from "../store/appStore";
import { Icon } from "../controls/Icon";
import { canPlayLesson } from "../app/precompiled";
import { CheckList, useCheckSummary } from "./Checks";
import { RichText } from "./richText";

export function LessonPanel() {
  const demoId = useApp((s) => s.demoId);
  const lesson = demoId ? findLesson(demoId) : undefined;
  const summary = useCheckSummary();
  return (
    <div className={`lesson ${lesson ? "" : "checks-only"}`} data-testid="explanation">
      {lesson && (
        <div className="lesson-text">
          <LanguageSwitch id={lesson.demo.id} language={lesson.language} />
          <section className="lesson-section">
            <h3>What to watch</h3>
            <p><RichText text={lesson.explanation.watch} /></p>
          </section>
          <section className="lesson-section">
            <h3>Why it happens</h3>
            <p><RichText text={lesson.explanation.why} /></p>
          </section>
          <details className="lesson-section">
            <summary><h3>On the BEAM: what Elixir and Erlang do</h3></summary>
            <p><RichText text={lesson.explanation.beam} /></p>
          </details>
          <nav className="lesson-docs" aria-label="Documentation">
            <span className="muted">Docs</span>
            {lesson.explanation.docs.map((d) => (
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

const LANGUAGE_NAMES: Record<LessonLanguage, string> = { elixir: "Elixir", typescript: "TypeScript" };

/** Elixir | TypeScript: opens the lesson's twin in the other language (the draft is kept recoverable). */
function LanguageSwitch({ id, language }: { id: string; language: LessonLanguage }) {
  return (
    <div className="lesson-language" role="group" aria-label="Lesson language" data-testid="lesson-language">
      <span className="muted small">This lesson in</span>
      {(["elixir", "typescript"] as const).map((l) => (
        <button
          key={l}
          className={`small ${l === language ? "on" : ""}`}
          data-testid={`lesson-language-${l}`}
          aria-pressed={l === language}
          disabled={l === language}
          onClick={() => void openExample(lessonKey(id, l))}
          title={l === language ? `This is the ${LANGUAGE_NAMES[l]} version` : `Open the same lesson written in ${LANGUAGE_NAMES[l]}`}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
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
