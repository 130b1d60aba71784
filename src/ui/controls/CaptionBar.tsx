/**
 * The guided demo's caption (the script's `say` steps), right above the timeline it talks about:
 * its number among the script's captions, a thin line for the script's progress, the lesson's
 * checks so far, and during a reading pause (app/pacer.ts) how long it lasts, with Continue.
 */
import { useApp } from "../store/appStore";
import { useModelAndClock } from "../store/timelineStore";
import { atLessonEnd, continuePastLesson, liftHold } from "../app/controller";
import { playLesson } from "../app/boot";
import { showPanelTab } from "../panels/BottomPanel";
import { useCheckSummary } from "../panels/Checks";
import { Icon } from "./Icon";
import { canPlayLesson } from "../app/precompiled";

export function CaptionBar() {
  const model = useModelAndClock();
  const script = useApp((s) => s.script);
  const running = useApp((s) => s.running);
  const ready = useApp(canPlayLesson);
  const embed = useApp((s) => s.embed);
  const hold = useApp((s) => s.hold);
  const holding = useApp((s) => s.holding);
  const ended = useApp(atLessonEnd);
  const checks = useCheckSummary();
  const caption = model.captions.at(-1);
  const says = script?.filter((s) => s.say !== undefined).length ?? 0;
  if (!caption && !script?.length && checks.total === 0) return null;
  const total = script?.length ?? 0;
  const done = script ? script.filter((s) => s.at <= model.now).length : 0;
  const n = model.captions.length;

  return (
    <div className="caption-bar" data-testid="caption" aria-live="polite">
      {caption ? (
        <>
          <span className="caption-num mono" data-testid="caption-num" title={`caption ${n} of ${says}`}>{n}/{Math.max(n, says)}</span>
          <span key={n} className="caption-text" data-testid="caption-text">{caption.text}</span>
        </>
      ) : running ? (
        <span className="caption-text muted">The lesson is starting…</span>
      ) : (
        <>
          <span className="caption-text muted">This {embed ? "replay" : "lesson"} plays a short script with captions{checks.total ? " and checks" : ""}.</span>
          <button className="primary small" disabled={!ready} onClick={() => void playLesson()} data-testid="caption-play">
            <Icon name="play" /> Play {embed ? "" : "lesson"}
          </button>
        </>
      )}
      {ended && (
        <button className="ghost small hold" data-testid="lesson-end" onClick={continuePastLesson} title="The lesson's story is over and time stands still on its last frame. The processes are still there: let them run on.">
          <span>End<span className="long"> of the lesson</span> · run on</span> <Icon name="play" />
        </button>
      )}
      {hold && holding && (
        <button className="ghost small hold" onClick={liftHold} title="The timeline waits so you can read this caption. Continue now.">
          <span className="hold-ring" style={{ animationDuration: `${hold.ms}ms`, animationDelay: `${-(performance.now() - hold.since)}ms` }} />
          Continue
        </button>
      )}
      {checks.total > 0 && (
        <button
          className={`checks-pill ${checks.failed ? "failed" : checks.passed === checks.total ? "ok" : ""}`}
          data-testid="checks-summary"
          onClick={() => !embed && showPanelTab("lesson")}
          title={embed ? "Lesson checks" : "Show the lesson's checks"}
          tabIndex={embed ? -1 : 0}
        >
          <Icon name={checks.failed ? "cross" : "check"} />
          {checks.passed}/{checks.total}
        </button>
      )}
      {total > 0 && <span className="script-progress" style={{ width: `${(done / total) * 100}%` }} aria-hidden />}
    </div>
  );
}
