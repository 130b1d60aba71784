/**
 * The page: toolbar, then editor + console on the left and caption + timeline + details on the
 * right (UI.md's layout; the caption sits right above the timeline it talks about). Embed mode
 * (a replay widget) keeps the caption, the timeline, a small read-only code view and the lesson's
 * checks. Keyboard: Ctrl/Cmd+S recompiles, Space pauses, → steps (outside text inputs).
 */
import { useEffect } from "react";
import { Toolbar } from "../controls/Toolbar";
import { CaptionBar } from "../controls/CaptionBar";
import { Notices, ShareDialog } from "../controls/Notices";
import { EditorPane } from "../editor/EditorPane";
import { Timeline } from "../timeline/Timeline";
import { BottomPanel } from "../panels/BottomPanel";
import { AboutDialog } from "../panels/AboutDialog";
import { CheckList } from "../panels/Checks";
import { ConsolePanel } from "../panels/ConsolePanel";
import { appStore, useApp } from "../store/appStore";
import { recompile, step, togglePlay } from "./controller";

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable || !!el.closest(".monaco-editor"));
}

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!appStore.getState().readOnly) void recompile();
        return;
      }
      if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = appStore.getState();
      if (e.key === " " && s.running) {
        e.preventDefault();
        togglePlay();
      } else if (e.key === "ArrowRight" && s.running) {
        e.preventDefault();
        void step();
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
}

export function App() {
  const embed = useApp((s) => s.embed);
  const readOnly = useApp((s) => s.readOnly);
  const collapsed = useApp((s) => s.panelCollapsed);
  const lesson = useApp((s) => !!s.demoId || !!s.checks?.length);
  useShortcuts();
  return (
    <div className={`app ${embed ? "embed" : ""} ${collapsed ? "panel-collapsed" : ""} ${lesson ? "has-lesson" : ""}`}>
      <Toolbar />
      <main className="workspace">
        <div className="left">
          <EditorPane readOnly={readOnly} embed={embed} />
          {embed ? <EmbedChecks /> : <ConsolePanel />}
        </div>
        <div className="right">
          <CaptionBar />
          <Timeline />
          {!embed && <BottomPanel />}
        </div>
      </main>
      <Notices />
      <ShareDialog />
      <AboutDialog />
    </div>
  );
}

function EmbedChecks() {
  const any = useApp((s) => !!s.checks?.length);
  if (!any) return null;
  return (
    <section className="embed-checks" aria-label="Lesson checks">
      <CheckList compact />
    </section>
  );
}
