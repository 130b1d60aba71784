/**
 * A row's context menu (right click, the context-menu key or Shift+F10 on a row header): the
 * actions on that process, as Erlang's Observer offers them. Items that need a term typed
 * (a custom exit reason, a message, a new state) open the inspector's field for it.
 */
import { useEffect, useRef } from "react";
import { useModel } from "../store/timelineStore";
import { act, actionsFor, atom } from "../panels/processActions";
import { showPanelTab } from "../panels/BottomPanel";
import { laneTitle } from "./LaneHeader";

export type RowMenuAt = { pid: string; x: number; y: number };

/** Focus a field of the inspector's Act section once it is shown. */
export function focusActionField(id: "act-exit-term" | "act-send-term" | "act-replace-term"): void {
  showPanelTab("inspector");
  requestAnimationFrame(() => requestAnimationFrame(() => (document.getElementById(id) as HTMLInputElement | null)?.focus()));
}

export function RowMenu({ at, onClose }: { at: RowMenuAt; onClose: () => void }) {
  const model = useModel();
  const lane = model.lanes.get(at.pid);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) onClose();
    };
    addEventListener("pointerdown", away, true);
    return () => removeEventListener("pointerdown", away, true);
  }, []);
  if (!lane) return null;
  const can = actionsFor(lane);
  const item = (label: string, run: () => void, testid: string) => (
    <button role="menuitem" data-testid={testid} onClick={() => { onClose(); run(); }}>{label}</button>
  );
  return (
    <div
      ref={box}
      className="row-menu"
      role="menu"
      aria-label={`Actions on ${laneTitle(lane)} ${lane.pid}`}
      style={{ left: Math.min(at.x, innerWidth - 230), top: Math.min(at.y, innerHeight - 300) }}
      onKeyDown={(e) => {
        const items = [...(box.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === "Escape") onClose();
        else if (e.key === "ArrowDown") items[(i + 1) % items.length]?.focus();
        else if (e.key === "ArrowUp") items[(i - 1 + items.length) % items.length]?.focus();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <div className="row-menu-title mono">{laneTitle(lane)} {lane.pid.replace("#PID", "")}</div>
      {can.length === 0 && <div className="muted small row-menu-note">It has exited: nothing to act on.</div>}
      {can.includes("exit") && (
        <>
          {item(`Kill (exit ${atom("kill")})`, () => void act(lane, "exit", atom("kill")), "menu-kill")}
          {item(`Exit ${atom("shutdown")}`, () => void act(lane, "exit", atom("shutdown")), "menu-shutdown")}
          {item(`Exit ${atom("normal")}`, () => void act(lane, "exit", atom("normal")), "menu-normal")}
          {item("Exit with a reason…", () => focusActionField("act-exit-term"), "menu-exit-custom")}
        </>
      )}
      {can.includes("send") && item("Send a message…", () => focusActionField("act-send-term"), "menu-send")}
      {can.includes("suspend") && item("Suspend (sys.suspend)", () => void act(lane, "suspend"), "menu-suspend")}
      {can.includes("resume") && item("Resume (sys.resume)", () => void act(lane, "resume"), "menu-resume")}
      {can.includes("get_state") && item("Get state (sys.get_state) → Log", () => void act(lane, "get_state"), "menu-get-state")}
      {can.includes("replace_state") && item("Replace state…", () => focusActionField("act-replace-term"), "menu-replace")}
      {can.includes("crash_next") && item("Crash the next callback", () => void act(lane, "crash_next"), "menu-crash-next")}
      {item("Inspect", () => showPanelTab("inspector"), "menu-inspect")}
    </div>
  );
}
