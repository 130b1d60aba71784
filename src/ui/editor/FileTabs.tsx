/**
 * One tab per module file: select, add (+), rename (double-click), delete (×). A module's name is
 * its file name without `.ts` (SPEC §2), so names are checked as module names.
 */
import { useState } from "react";
import { appStore, markUserEdit, notify, useApp } from "../store/appStore";

const MODULE_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function validName(raw: string, files: Record<string, string>, except?: string): string | null {
  const name = raw.trim().replace(/\.ts$/, "");
  if (!MODULE_NAME.test(name)) {
    notify("error", `"${raw}" is not a module name: use letters, digits and dots, like App.Worker`);
    return null;
  }
  const file = `${name}.ts`;
  if (file !== except && file in files) {
    notify("error", `${file} already exists`);
    return null;
  }
  return file;
}

export function FileTabs({ readOnly }: { readOnly: boolean }) {
  const files = useApp((s) => s.files);
  const active = useApp((s) => s.activeFile);
  const [editing, setEditing] = useState<string | null>(null);
  const names = Object.keys(files);

  const commit = (from: string | null, value: string) => {
    setEditing(null);
    const s = appStore.getState();
    if (!value.trim()) return;
    const file = validName(value, s.files, from ?? undefined);
    if (!file || file === from) return;
    const next: Record<string, string> = {};
    if (from === null) {
      Object.assign(next, s.files, { [file]: `import { log } from "otp";\n\nexport function hello() {\n  log("hello from", __MODULE__);\n}\n` });
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
          <TabInput key={file} initial={file} onDone={(v) => commit(file, v)} />
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
      {editing === "" && <TabInput initial="" onDone={(v) => commit(null, v)} />}
      {!readOnly && editing === null && (
        <button className="tab-add" aria-label="Add a module" title="Add a module" onClick={() => setEditing("")}>+</button>
      )}
    </div>
  );
}

function TabInput({ initial, onDone }: { initial: string; onDone: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="tab-input"
      autoFocus
      placeholder="Module.Name"
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
