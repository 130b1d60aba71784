/**
 * The page: toolbar, then editor + console on the left and caption + timeline + details on the
 * right (UI.md's layout; the caption sits right above the timeline it talks about). Embed mode
 * (a replay widget) keeps the caption, the timeline, a small read-only code view and the lesson's
 * checks. Keyboard (outside text inputs): Ctrl/Cmd+S recompiles, Space pauses, → steps; ← travels
 * back to the moment a row last changed, ←/→ then step between such moments, Home goes to t = 0,
 * End or Esc back to the present.
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
import { backToPresent, travelHome, travelStep } from "./travel";
import { timelineStore } from "../store/timelineStore";

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
      } else if (e.key === "ArrowRight" && s.travelT !== null) {
        e.preventDefault();
        travelStep(1);
      } else if (e.key === "ArrowRight" && s.running) {
        e.preventDefault();
        void step();
      } else if (e.key === "ArrowLeft" && timelineStore.getState().model.lanes.size) {
        e.preventDefault();
        travelStep(-1);
      } else if (e.key === "Home" && timelineStore.getState().model.lanes.size) {
        e.preventDefault();
        travelHome();
      } else if ((e.key === "End" || e.key === "Escape") && s.travelT !== null) {
        e.preventDefault();
        backToPresent();
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
  const narrowTab = useApp((s) => s.narrowTab);
  useShortcuts();
  return (
    <div className={`app ${embed ? "embed" : ""} ${collapsed ? "panel-collapsed" : ""} ${lesson ? "has-lesson" : ""} narrow-${narrowTab}`}>
      <Toolbar />
      <NarrowTabs />
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

/** On a phone the workspace shows one half at a time: the timeline (with the lesson) or the code. */
function NarrowTabs() {
  const tab = useApp((s) => s.narrowTab);
  const embed = useApp((s) => s.embed);
  const pick = (narrowTab: "timeline" | "code") => appStore.setState({ narrowTab });
  return (
    <nav className="narrow-tabs" role="tablist" aria-label="Show">
      <button role="tab" aria-selected={tab === "timeline"} className={tab === "timeline" ? "active" : ""} data-testid="narrow-timeline" onClick={() => pick("timeline")}>Timeline</button>
      <button role="tab" aria-selected={tab === "code"} className={tab === "code" ? "active" : ""} data-testid="narrow-code" onClick={() => pick("code")}>{embed ? "Code" : "Code & console"}</button>
    </nav>
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
