/**
 * The page: toolbar, caption bar, then editor + console on the left and timeline + details on
 * the right (UI.md's layout). Embed mode keeps the timeline, captions and a small read-only
 * code view. Keyboard: Ctrl/Cmd+S recompiles, Space pauses, → steps (outside text inputs).
 */
import { useEffect } from "react";
import { Toolbar } from "../controls/Toolbar";
import { CaptionBar } from "../controls/CaptionBar";
import { Notices, ShareDialog } from "../controls/Notices";
import { EditorPane } from "../editor/EditorPane";
import { Timeline } from "../timeline/Timeline";
import { BottomPanel } from "../panels/BottomPanel";
import { ConsolePanel } from "../panels/ConsolePanel";
import { appStore, useApp } from "../store/appStore";
import { recompile, setPaused, step } from "./controller";

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable || !!el.closest(".monaco-editor"));
}

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void recompile();
        return;
      }
      if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = appStore.getState();
      if (e.key === " " && s.running) {
        e.preventDefault();
        setPaused(!s.paused);
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
  useShortcuts();
  return (
    <div className={`app ${embed ? "embed" : ""}`}>
      <Toolbar />
      <CaptionBar />
      <main className="workspace">
        <div className="left">
          <EditorPane readOnly={embed} />
          {!embed && <ConsolePanel />}
        </div>
        <div className="right">
          <Timeline />
          {!embed && <BottomPanel />}
        </div>
      </main>
      <Notices />
      <ShareDialog />
    </div>
  );
}
