/**
 * The browser entry: the draft or share link is loaded, then the app renders. Monaco is not
 * part of it: the editor pane loads it as its own chunk after the first screen (EditorPane).
 */
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { boot } from "./app/boot";
import { followSnippetLanguage } from "./language";
import "./styles.css";
import "./observer.css";

followSnippetLanguage();
void boot().finally(() => {
  createRoot(document.getElementById("root")!).render(<App />);
});
