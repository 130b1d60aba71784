/**
 * The panel under the timeline: the Lesson (for a demo or a snippet with checks), Inspector, Log
 * and Supervision tree, as tabs. It folds down to its tab bar to give the timeline the room.
 */
import { useEffect, useState } from "react";
import { Inspector } from "./Inspector";
import { LogView } from "./LogView";
import { SupervisionTree } from "./SupervisionTree";
import { LessonPanel, PlayLessonButton } from "./LessonPanel";
import { appStore, useApp } from "../store/appStore";
import { Icon } from "../controls/Icon";

type Tab = "lesson" | "inspector" | "log" | "tree";

/** Other parts of the page (the caption bar's check summary) open a tab here. */
let openTab: ((tab: Tab) => void) | null = null;
export function showPanelTab(tab: Tab): void {
  appStore.setState({ panelCollapsed: false });
  openTab?.(tab);
}

export function BottomPanel() {
  const demoId = useApp((s) => s.demoId);
  const hasChecks = useApp((s) => !!s.checks?.length);
  const hasLesson = !!demoId || hasChecks;
  const [tab, setTab] = useState<Tab>(hasLesson ? "lesson" : "log");
  const selected = useApp((s) => s.selectedPid);
  const collapsed = useApp((s) => s.panelCollapsed);
  const shown: Tab = tab === "lesson" && !hasLesson ? "log" : tab;
  // Selecting a process (on the timeline, in the log) opens it here.
  useEffect(() => {
    if (selected) setTab("inspector");
  }, [selected]);
  // A demo loaded (from the menu, a link, Restore): its lesson comes first.
  useEffect(() => {
    if (hasLesson) setTab("lesson");
  }, [demoId, hasLesson]);
  useEffect(() => {
    openTab = setTab;
    return () => {
      openTab = null;
    };
  }, []);
  const tabs: [Tab, string][] = [
    ...(hasLesson ? ([["lesson", "Lesson"]] as [Tab, string][]) : []),
    ["log", "Log"],
    ["inspector", selected ? `Inspector · ${selected.replace("#PID", "")}` : "Inspector"],
    ["tree", "Supervision tree"],
  ];
  const pick = (id: Tab) => {
    setTab(id);
    if (collapsed) appStore.setState({ panelCollapsed: false });
  };
  return (
    <section className={`bottom-panel ${collapsed ? "collapsed" : ""}`}>
      <div className="panel-bar tabs-bar">
        <div className="tab-list" role="tablist" aria-label="Details">
          {tabs.map(([id, label]) => (
            <button key={id} role="tab" aria-selected={shown === id && !collapsed} className={`panel-tab ${shown === id && !collapsed ? "active" : ""}`} onClick={() => pick(id)} data-testid={`tab-${id}`}>
              {label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {hasLesson && <PlayLessonButton />}
        <button
          className="ghost small icon-only"
          data-testid="panel-toggle"
          aria-expanded={!collapsed}
          title={collapsed ? "Show the panel" : "Fold the panel away: more room for the timeline"}
          onClick={() => appStore.setState({ panelCollapsed: !collapsed })}
        >
          <Icon name={collapsed ? "chevronUp" : "chevronDown"} />
        </button>
      </div>
      {!collapsed && (
        <div className="panel-body">
          {shown === "lesson" && <LessonPanel />}
          {shown === "inspector" && <Inspector />}
          {shown === "log" && <LogView />}
          {shown === "tree" && <SupervisionTree />}
        </div>
      )}
    </section>
  );
}
