/**
 * Completions in `.ex` files (loaded the first time someone edits one, editorLanguages.ts):
 * after `Mod.` the functions of that module (the snippet's own, else the stdlib's), otherwise
 * the snippet's modules, the stdlib's modules, Kernel's functions and the enclosing module's
 * own functions; each as `name/arity`, inserting the name. The stdlib comes from the runtime's
 * Elixir tables themselves (a scratch runtime built once here), never from a list kept by hand.
 */
import { createOtpApi } from "../../runtime/api";
import { installElixir } from "../../runtime/elixir/dialect";
import { Runtime } from "../../runtime/runtime";
import { appStore } from "../store/appStore";
import { type FunctionInfo, type ModuleOutline, functionsOf, outlineElixir, stdlibModuleName } from "./elixirOutline";
import { monaco } from "./monacoSetup";

let stdlib: Map<string, FunctionInfo[]> | null = null;

/** The supported stdlib: module name as written (`Enum`, `:sys`) → its functions. */
export function stdlibFunctions(): Map<string, FunctionInfo[]> {
  if (stdlib) return stdlib;
  const rt = new Runtime({ sink: null });
  const { stdlib: tables } = installElixir(rt, createOtpApi(rt));
  stdlib = new Map([...tables].map(([atom, ns]) => [stdlibModuleName(atom), functionsOf(Object.keys(ns))]));
  return stdlib;
}

function snippetModules(): ModuleOutline[] {
  const files = appStore.getState().files;
  return Object.entries(files)
    .filter(([f]) => f.endsWith(".ex") || f.endsWith(".exs"))
    .flatMap(([, text]) => outlineElixir(text));
}

export type ElixirSuggestion = { label: string; insert: string; kind: "function" | "module"; detail: string };

/** What to suggest after `before` (the line up to the cursor) in a file whose text is `source`. */
export function elixirSuggestions(before: string, source: string): ElixirSuggestion[] {
  const lib = stdlibFunctions();
  const mine = snippetModules();
  const qualified = /(:?[A-Za-z_][\w.]*)\.(\w*[?!]?)$/.exec(before);
  if (qualified && /^(:[a-z_]\w*|[A-Z][\w.]*)$/.test(qualified[1])) {
    const module = qualified[1];
    const own = mine.find((m) => m.module === module);
    const fns = own ? own.functions : lib.get(module) ?? [];
    return fns.map((f) => ({ label: `${f.name}/${f.arity}`, insert: f.name, kind: "function", detail: `${module}.${f.name}/${f.arity}` }));
  }
  const modules = [...new Set([...mine.map((m) => m.module), ...[...lib.keys()].filter((m) => m !== "Kernel")])];
  const enclosing = enclosingModule(source, before);
  const local = enclosing ? [...enclosing.functions, ...enclosing.privates] : [];
  return [
    ...modules.map((m) => ({ label: m, insert: m, kind: "module" as const, detail: mine.some((x) => x.module === m) ? "module in this snippet" : "module" })),
    ...local.map((f) => ({ label: `${f.name}/${f.arity}`, insert: f.name, kind: "function" as const, detail: `${enclosing!.module}.${f.name}/${f.arity}` })),
    ...(lib.get("Kernel") ?? []).map((f) => ({ label: `${f.name}/${f.arity}`, insert: f.name, kind: "function" as const, detail: `Kernel.${f.name}/${f.arity}` })),
  ];
}

/** The module whose body the cursor is in: the last one opened above it. */
function enclosingModule(source: string, before: string): ModuleOutline | undefined {
  const outline = outlineElixir(source);
  const at = source.indexOf(before);
  const above = at >= 0 ? source.slice(0, at) : source;
  const names = [...above.matchAll(/defmodule\s+([A-Z][\w.]*)/g)].map((m) => m[1]);
  const last = names[names.length - 1];
  return outline.find((m) => m.module === last || m.module.endsWith(`.${last}`));
}

let registered = false;

/** Registers the provider for the `elixir` language (once). */
export function registerElixirCompletions(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider("elixir", {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const source = model.getValue();
      const lineStart = model.getOffsetAt({ lineNumber: position.lineNumber, column: 1 });
      const suggestions = elixirSuggestions(before, source.slice(0, lineStart) + before).map((s, i) => ({
        label: s.label,
        insertText: s.insert,
        kind: s.kind === "module" ? monaco.languages.CompletionItemKind.Module : monaco.languages.CompletionItemKind.Function,
        detail: s.detail,
        sortText: String(i).padStart(5, "0"),
        range,
      }));
      return { suggestions };
    },
  });
}
