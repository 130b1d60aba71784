/**
 * The browser entry. Monaco's setup is imported first (its workers and TypeScript defaults must
 * exist before any editor), then the draft or share link is loaded, then the app renders.
 */
import "./editor/monacoSetup";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { boot } from "./app/boot";
import "./styles.css";
import "./observer.css";

void boot().finally(() => {
  createRoot(document.getElementById("root")!).render(<App />);
});
