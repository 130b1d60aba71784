/**
 * The console: a prompt evaluated in the shell process (`eval`); results come back as the
 * shell's log lines, shown here between the lines typed. Up/Down walk the history.
 *
 * In an Elixir snippet it is IEx (SPEC §10): the prompt is `iex(N)>`, numbered as IEx numbers
 * it (the worker says the next number once a line has run); an unfinished expression goes on
 * to the next line as `...(N)>`, and the whole is evaluated once it is complete; `recompile()`,
 * `r(Mod)`, `v()`, `flush()`, `pid(…)` are IEx's helpers. In a TypeScript snippet every `otp`
 * name and every module is in scope, and `const x = …` keeps `x` for the next lines.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { evaluate } from "../app/controller";
import { useModel } from "../store/timelineStore";
import { useSnippetLanguage } from "../language";
import { consoleHint } from "./consoleHint";
import { isIncompleteElixir } from "./elixirInput";

const SHOWN = 300;
type Entry = { kind: "in" | "out"; text: string; key: string; prompt?: string };

const promptText = (elixir: boolean, n: number, continued: boolean) => (!elixir ? (continued ? "...>" : "iex>") : continued ? `...(${n})>` : `iex(${n})>`);

/** The prompt after the transcript's last `iex(N)>` line: N + 1, or N if what it printed was an error. */
function nextPromptAfter(entries: Entry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const m = entries[i].kind === "in" ? /^iex\((\d+)\)>$/.exec(entries[i].prompt ?? "") : null;
    if (!m) continue;
    const failed = entries.slice(i + 1).some((e) => e.kind === "out" && e.text.startsWith("** ("));
    return Number(m[1]) + (failed ? 0 : 1);
  }
  return 1;
}

/** `iex(3)>` → `...(3)>`: the prompt of an echoed line's later lines. */
const continuation = (prompt: string) => prompt.replace(/^iex/, "...");

export function ConsolePanel() {
  const model = useModel();
  const language = useSnippetLanguage();
  const elixir = language === "elixir";
  const [value, setValue] = useState("");
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  /** The lines of an unfinished Elixir expression typed so far. */
  const [pending, setPending] = useState<string[]>([]);
  /** The number of the next IEx prompt (a new run starts at 1). */
  const [prompt, setPrompt] = useState(1);
  const out = useRef<HTMLDivElement>(null);
  const shownModel = useRef(model);
  const hint = consoleHint(model.lanes.values(), language);

  // A new run (a new model) is a new IEx session: the prompt starts again at 1.
  useEffect(() => {
    if (shownModel.current === model) return;
    shownModel.current = model;
    setPrompt(1);
    setPending([]);
  }, [model]);

  const shells = new Set<string>();
  for (const lane of model.lanes.values()) if (lane.kind === "shell") shells.add(lane.pid);
  // The shell's log is the transcript: the lines typed (echoed with their prompt as the shell
  // starts on them) and what it printed, in the order it happened.
  const entries: Entry[] = [];
  for (let i = model.logs.length - 1; i >= 0 && entries.length < SHOWN; i--) {
    const l = model.logs[i];
    if (!shells.has(l.pid) && l.prompt === undefined) continue;
    if (l.prompt === undefined) {
      entries.push({ kind: "out", text: l.text, key: `o${l.seq}` });
      continue;
    }
    const lines = l.text.split("\n");
    for (let j = lines.length - 1; j >= 0; j--) entries.push({ kind: "in", text: lines[j], key: `i${l.seq}.${j}`, prompt: j === 0 ? l.prompt : continuation(l.prompt) });
  }
  entries.reverse();
  // A lesson's script evals are echoed at their prompts too: the next prompt follows the last one
  // shown (one more, unless its line failed: IEx numbers only the lines that succeed).
  const shownNext = nextPromptAfter(entries);
  const nextPrompt = Math.max(prompt, shownNext);

  useLayoutEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [entries.length, pending.length]);

  const submit = () => {
    const line = value.replace(/\s+$/, "");
    if (!line.trim() && pending.length === 0) return;
    setHistory((h) => (!line.trim() || h[h.length - 1] === line ? h : [...h, line]));
    setCursor(null);
    setValue("");
    const lines = [...pending, line];
    const expr = lines.join("\n");
    if (elixir && isIncompleteElixir(expr)) {
      setPending(lines);
      return;
    }
    setPending([]);
    // A line typed while the one before still runs waits its turn (the worker runs them in order).
    void evaluate(expr.trim()).then((r) => {
      if (r) setPrompt(r.next);
    });
  };

  const walk = (dir: -1 | 1) => {
    if (history.length === 0) return;
    const next = cursor === null ? (dir === -1 ? history.length - 1 : null) : cursor + dir;
    if (next === null || next >= history.length) {
      setCursor(null);
      setValue("");
    } else {
      const i = Math.max(0, next);
      setCursor(i);
      setValue(history[i]);
    }
  };

  const current = promptText(elixir, nextPrompt, pending.length > 0);
  return (
    <section className="console" aria-label="Console">
      <div className="panel-bar">
        <span className="panel-title">{elixir ? "IEx" : "Console"}</span>
        <span className="muted">
          {elixir ? (
            <>in the shell · <span className="mono">recompile() r(Mod) v() flush() pid(…)</span></>
          ) : (
            <>evaluates in the shell · try <span className="mono">{hint}</span></>
          )}
        </span>
      </div>
      <div className="console-out mono" ref={out} data-testid="console-out">
        {entries.map((e) => (
          <div key={e.key} className={`console-line ${e.kind}`} data-testid={e.kind === "out" ? "console-result" : "console-echo"}>
            {e.kind === "in" ? <span className="prompt">{e.prompt} </span> : null}
            {e.text}
          </div>
        ))}
        {pending.map((text, i) => (
          <div key={`p${i}`} className="console-line in pending" data-testid="console-pending">
            <span className="prompt">{promptText(elixir, nextPrompt, i > 0)} </span>
            {text}
          </div>
        ))}
      </div>
      <div className="console-input-row">
        <span className="prompt mono" data-testid="console-prompt">{current}</span>
        <input
          className="console-input mono"
          aria-label={
            elixir
              ? "IEx: an Elixir expression to evaluate in the shell (Enter runs it, an unfinished one goes on to the next line; Escape drops it; ↑/↓ history)"
              : "Console: an expression to evaluate in the shell (Enter runs it, ↑/↓ history)"
          }
          data-testid="console-input"
          placeholder={pending.length ? "" : hint}
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") submit();
            else if (e.key === "Escape" && pending.length) {
              // IEx's #iex:break: drop the unfinished expression.
              setPending([]);
              setValue("");
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              walk(-1);
            } else if (e.key === "ArrowDown") {
              e.preventDefault();
              walk(1);
            }
          }}
        />
      </div>
    </section>
  );
}
