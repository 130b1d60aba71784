/**
 * The examples menu: the default counter and every built-in demo, each with its one-line summary.
 * Choosing one opens it as its short link `#example/<id>` would (the draft is kept recoverable):
 * in Elixir, or in the language of the lesson on screen when that is the TypeScript twin (the
 * lesson panel's switch changes it). Below them, a new snippet in Elixir or in TypeScript,
 * started from that language's counter.
 */
import { useEffect, useRef, useState } from "react";
import { demos, findLesson, lessonKey } from "../../examples";
import { seedSnippet } from "../../examples/seed";
import { newSnippet, openExample } from "../app/boot";
import { useApp } from "../store/appStore";
import { Icon } from "./Icon";

const ITEMS = [
  { id: "seed", title: seedSnippet.title ?? "Counter", summary: "The default: a counter under a supervisor. Change its step and press Recompile yourself." },
  ...demos.map((d) => ({ id: d.id, title: d.title, summary: d.summary })),
];

const NEW_SNIPPETS = [
  { language: "elixir", title: "New Elixir snippet", summary: "defmodule … use GenServer: .ex files, an IEx console, terms as inspect prints them." },
  { language: "typescript", title: "New TypeScript snippet", summary: "The same engine in the TypeScript dialect: .ts modules that import from \"otp\"." },
] as const;

export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const demoId = useApp((s) => s.demoId);
  const pristine = useApp((s) => s.pristine);
  const title = useApp((s) => s.title);
  const root = useRef<HTMLDivElement>(null);
  const lesson = demoId ? findLesson(demoId) : undefined;
  const current = lesson?.demo.id ?? (pristine && title === seedSnippet.title ? "seed" : null);
  const language = lesson?.language ?? "elixir";

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    addEventListener("mousedown", onDown);
    addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLButtonElement>(".menu-item.current, .menu-item")?.focus();
    return () => {
      removeEventListener("mousedown", onDown);
      removeEventListener("keydown", onKey);
    };
  }, [open]);

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>(".menu-item") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <div className="menu" ref={root}>
      <button className={`menu-button ${open ? "on" : ""}`} data-testid="examples-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Open an example or a guided lesson">
        Examples <Icon name="chevronDown" />
      </button>
      {open && (
        <div className="menu-pop" role="menu" data-testid="examples-list" onKeyDown={onListKey}>
          {ITEMS.map((item, i) => [
            i === 0 && <div key="h0" className="menu-heading">Start here</div>,
            i === 1 && <div key="h1" className="menu-heading">Guided lessons <span className="muted">· each plays a short story with captions and checks</span></div>,
            <button
              key={item.id}
              role="menuitem"
              className={`menu-item ${item.id === current ? "current" : ""}`}
              data-testid="example-item"
              data-id={item.id}
              onClick={() => {
                setOpen(false);
                void openExample(item.id === "seed" ? "seed" : lessonKey(item.id, language));
              }}
            >
              <span className="menu-num mono">{i === 0 ? "•" : i}</span>
              <span className="menu-text">
                <span className="menu-title">{item.title}</span>
                <span className="menu-summary">{item.summary}</span>
              </span>
            </button>,
          ])}
          <div className="menu-heading">New snippet <span className="muted">· your own code, from the counter in that language</span></div>
          {NEW_SNIPPETS.map((n) => (
            <button
              key={n.language}
              role="menuitem"
              className="menu-item"
              data-testid="new-snippet"
              data-language={n.language}
              onClick={() => {
                setOpen(false);
                newSnippet(n.language);
              }}
            >
              <span className="menu-num mono">+</span>
              <span className="menu-text">
                <span className="menu-title">{n.title}</span>
                <span className="menu-summary">{n.summary}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
