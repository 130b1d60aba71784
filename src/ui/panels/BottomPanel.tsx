/** The panel under the timeline: Inspector, Log and Supervision tree, as tabs. */
import { useEffect, useState } from "react";
import { Inspector } from "./Inspector";
import { LogView } from "./LogView";
import { SupervisionTree } from "./SupervisionTree";
import { useApp } from "../store/appStore";

type Tab = "inspector" | "log" | "tree";

export function BottomPanel() {
  const [tab, setTab] = useState<Tab>("log");
  const selected = useApp((s) => s.selectedPid);
  // Selecting a process (on the timeline, in the log) opens it here.
  useEffect(() => {
    if (selected) setTab("inspector");
  }, [selected]);
  const tabs: [Tab, string][] = [["log", "Log"], ["inspector", selected ? `Inspector · ${selected.replace("#PID", "")}` : "Inspector"], ["tree", "Supervision tree"]];
  return (
    <section className="bottom-panel">
      <div className="panel-bar tabs-bar" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={`panel-tab ${tab === id ? "active" : ""}`} onClick={() => setTab(id)} data-testid={`tab-${id}`}>
            {label}
          </button>
        ))}
      </div>
      <div className="panel-body">
        {tab === "inspector" && <Inspector />}
        {tab === "log" && <LogView />}
        {tab === "tree" && <SupervisionTree />}
      </div>
    </section>
  );
}
