/**
 * One tab per file: select, add (+), rename (double-click), delete (×). TypeScript: a module's
 * name is its file name without `.ts` (SPEC §2), so names are checked as module names. Elixir
 * (SPEC §10): modules are named by `defmodule`, the file is named as Mix would (`App.Worker` →
 * `app/worker.ex`); a new file in an Elixir snippet is a `.ex` file with its `defmodule`.
 */
import { useState } from "react";
import { appStore, markUserEdit, notify, useApp } from "../store/appStore";
import { isElixirFiles } from "../language";

const MODULE_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const ELIXIR_ALIAS = /^[A-Z]\w*(\.[A-Z]\w*)*$/;
const ELIXIR_FILE = /^[a-z_][a-z0-9_]*(\/[a-z_][a-z0-9_]*)*\.exs?$/;


/** `App.Worker` → `app/worker` (Elixir's Macro.underscore, as Mix names lib/ files). */
export function underscore(alias: string): string {
  return alias
    .split(".")
    .map((part) => part.replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").replace(/([a-z\d])([A-Z])/g, "$1_$2").toLowerCase())
    .join("/");
}

type Named = { file: string; module: string | null };

function typescriptName(raw: string): Named | string {
  const name = raw.trim().replace(/\.ts$/, "");
  if (!MODULE_NAME.test(name)) return `"${raw}" is not a module name: use letters, digits and dots, like App.Worker`;
  return { file: `${name}.ts`, module: name };
}

function elixirName(raw: string): Named | string {
  const name = raw.trim();
  if (ELIXIR_ALIAS.test(name)) return { file: `${underscore(name)}.ex`, module: name };
  if (ELIXIR_FILE.test(name)) return { file: name, module: null };
  return `"${raw}" is neither a module name (App.Worker) nor an Elixir file name (app/worker.ex)`;
}

function validName(raw: string, files: Record<string, string>, except?: string): Named | null {
  const named = isElixirFiles(files) ? elixirName(raw) : typescriptName(raw);
  if (typeof named === "string") {
    notify("error", named);
    return null;
  }
  if (named.file !== except && named.file in files) {
    notify("error", `${named.file} already exists`);
    return null;
  }
  return named;
}

/** What a new file holds: a module that says hello, in the snippet's language. */
function newFileText(named: Named): string {
  if (named.file.endsWith(".ts")) return `import { log } from "otp";\n\nexport function hello() {\n  log("hello from", __MODULE__);\n}\n`;
  const module = named.module ?? named.file.replace(/\.exs?$/, "").split("/").map((p) => p.replace(/(^|_)(\w)/g, (_, _u, c: string) => c.toUpperCase())).join(".");
  return `defmodule ${module} do\n  def hello do\n    IO.puts("hello from #{inspect(__MODULE__)}")\n  end\nend\n`;
}

export function FileTabs({ readOnly }: { readOnly: boolean }) {
  const files = useApp((s) => s.files);
  const active = useApp((s) => s.activeFile);
  const [editing, setEditing] = useState<string | null>(null);
  const names = Object.keys(files);
  const elixir = isElixirFiles(files);
  const placeholder = elixir ? "App.Worker or app/worker.ex" : "Module.Name";

  const commit = (from: string | null, value: string) => {
    setEditing(null);
    const s = appStore.getState();
    if (!value.trim()) return;
    const named = validName(value, s.files, from ?? undefined);
    if (!named || named.file === from) return;
    const file = named.file;
    const next: Record<string, string> = {};
    if (from === null) {
      Object.assign(next, s.files, { [file]: newFileText(named) });
    } else {
      for (const [k, v] of Object.entries(s.files)) next[k === from ? file : k] = v;
    }
    appStore.setState({ files: next, activeFile: file, filesEpoch: s.filesEpoch + 1 });
    markUserEdit();
  };

  const remove = (file: string) => {
    const s = appStore.getState();
    if (names.length <= 1) return notify("error", "A snippet needs at least one module");
    if (!confirm(`Delete ${file}?`)) return;
    const next = { ...s.files };
    delete next[file];
    appStore.setState({ files: next, activeFile: s.activeFile === file ? Object.keys(next)[0] : s.activeFile, filesEpoch: s.filesEpoch + 1 });
    markUserEdit();
  };

  return (
    // A group of buttons, not an ARIA tablist: each file has its own close button beside it.
    <div className="tabs" role="group" aria-label="Modules">
      {names.map((file) =>
        editing === file ? (
          <TabInput key={file} initial={file} placeholder={placeholder} onDone={(v) => commit(file, v)} />
        ) : (
          <div
            key={file}
            className={`tab ${file === active ? "active" : ""}`}
            onClick={() => appStore.setState({ activeFile: file })}
            onDoubleClick={() => !readOnly && setEditing(file)}
            title={readOnly ? file : `${file} — double-click to rename`}
            data-testid="file-tab"
            data-file={file}
          >
            <button className="tab-name" aria-current={file === active ? "true" : undefined} tabIndex={0}>{file}</button>
            {!readOnly && names.length > 1 && (
              <button className="tab-close" aria-label={`Delete ${file}`} onClick={(e) => { e.stopPropagation(); remove(file); }}>×</button>
            )}
          </div>
        ),
      )}
      {editing === "" && <TabInput initial="" placeholder={placeholder} onDone={(v) => commit(null, v)} />}
      {!readOnly && editing === null && (
        <button className="tab-add" aria-label="Add a module" title={elixir ? "Add a .ex file with a defmodule" : "Add a module"} onClick={() => setEditing("")}>+</button>
      )}
    </div>
  );
}

function TabInput({ initial, placeholder, onDone }: { initial: string; placeholder: string; onDone: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="tab-input"
      autoFocus
      placeholder={placeholder}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => onDone(value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onDone(value);
        if (e.key === "Escape") onDone("");
      }}
    />
  );
}
