/**
 * An Elixir snippet as a minimal Mix project, to rerun in real `iex -S mix`: `mix.exs`, the
 * snippet's files under `lib/`, every version of a file its script edits under `steps/`, an
 * `.iex.exs` with the one helper IEx lacks (the Upgrade button's release-style upgrade), and a
 * README listing the script's steps as the IEx commands that do them, at their times (and, for
 * the seed, its one-line hint).
 *
 * `iexSteps` is the single source of those commands: the README prints them and the test that
 * replays an export on the real BEAM types them, so what the learner reads is what was checked.
 */
import { applyStepEdits } from "../share/snippet";
import type { Snippet } from "../share/snippetTypes";
import type { ZipEntry } from "./zip";

/** One moment of the session: what the playground does then, as IEx lines and comments. */
export type IexStep = {
  /** Virtual ms after `Main.start()`. */
  at: number;
  /** Comment lines (captions, what a check expects), without the `# `. */
  notes: string[];
  /** Lines to type in IEx, in order. */
  commands: IexCommand[];
};

export type IexCommand = {
  line: string;
  /** What the line is for: the lesson's own code (`eval`, `check`) or getting there (`plumbing`). */
  kind: "start" | "eval" | "check" | "copy" | "recompile" | "upgrade" | "restart";
};

const STEPS_DIR = "steps";

/** A folder name for the project: the lesson's id, or the title in lowercase words. */
export function projectSlug(snippet: Snippet, id?: string | null): string {
  const base = id ?? snippet.title ?? "snippet";
  const slug = base.toLowerCase().replace(/\/ts$/, "").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `lesson_${slug || "snippet"}`;
}

/** Where a step's version of a file is kept: `steps/4500ms/counter.ex`. */
export function stepFile(at: number, file: string): string {
  return `${STEPS_DIR}/${at}ms/${file}`;
}

/** The modules a file defines (`defmodule Name`), for an upgrade's list. */
function modulesOf(source: string): string[] {
  return [...source.matchAll(/^\s*defmodule\s+([A-Z][\w.]*)\s+do\b/gm)].map((m) => m[1]);
}

/** A JSON value as an Elixir literal, as the engine hands a step's `extra` to Elixir code. */
export function elixirLiteral(value: unknown): string {
  if (value === undefined) return ":undefined";
  if (value === null) return "nil";
  if (typeof value === "string") return JSON.stringify(value).replace(/#\{/g, "\\#{");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(elixirLiteral).join(", ")}]`;
  return `%{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${elixirLiteral(k)} => ${elixirLiteral(v)}`).join(", ")}}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : ms % 100 === 0 ? 1 : 2)} s`;

/** The script and the checks as IEx steps, in time order (at one time: script steps, then checks). */
export function iexSteps(snippet: Snippet): IexStep[] {
  const steps: IexStep[] = [{ at: 0, notes: [], commands: [{ line: `${snippet.main}.start()`, kind: "start" }] }];
  let files = { ...snippet.files };
  const timeline = [
    ...(snippet.script ?? []).map((step, i) => ({ at: step.at, order: i, step, check: undefined })),
    ...(snippet.checks ?? []).map((check, i) => ({ at: check.at, order: 10_000 + i, step: undefined, check })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { at, step, check } of timeline) {
    const notes: string[] = [];
    const commands: IexCommand[] = [];
    if (check) {
      notes.push(`check: ${check.say}`);
      commands.push({ line: check.eval, kind: "check" });
    }
    if (step) {
      if (step.say) notes.push(step.say);
      const changed: string[] = [];
      if (step.edit || step.patch) {
        const edited = applyStepEdits(files, step);
        if (!edited.ok) throw new Error(`script step at ${step.at} ms: ${edited.error}`);
        for (const file of Object.keys(edited.files).filter((f) => edited.files[f] !== files[f])) {
          changed.push(file);
          const how = step.patch?.filter((p) => p.file === file).map((p) => `${p.find} → ${p.replace}`).join(", ");
          notes.push(how ? `in lib/${file}: ${how}` : `lib/${file} becomes ${stepFile(step.at, file)}`);
          commands.push({ line: `File.cp!(${JSON.stringify(stepFile(step.at, file))}, ${JSON.stringify(`lib/${file}`)})`, kind: "copy" });
        }
        files = edited.files;
      }
      if (step.action === "recompile") commands.push({ line: "recompile()", kind: "recompile" });
      if (step.action === "upgrade") {
        const modules = changed.flatMap((f) => modulesOf(files[f]));
        commands.push({ line: `Playground.upgrade([${modules.join(", ")}], ${elixirLiteral(step.extra)})`, kind: "upgrade" });
      }
      if (step.action === "restart") {
        notes.push("Restart: quit IEx (Ctrl+C twice), run `iex -S mix` again, and start over:");
        commands.push({ line: `${snippet.main}.start()`, kind: "restart" });
      }
      if (step.eval !== undefined) commands.push({ line: step.eval, kind: "eval" });
      if (step.poke) notes.push(`(the playground's inspector does: ${step.poke.do} on ${step.poke.process}${step.poke.term ? ` with ${step.poke.term}` : ""})`);
    }
    const last = steps[steps.length - 1];
    if (last.at === at) {
      last.notes.push(...notes);
      last.commands.push(...commands);
    } else steps.push({ at, notes, commands });
  }
  return steps;
}

/** The files every edit or patch of the script makes, as they read after that step. */
function stepFiles(snippet: Snippet): ZipEntry[] {
  const out: ZipEntry[] = [];
  let files = { ...snippet.files };
  for (const step of snippet.script ?? []) {
    if (!step.edit && !step.patch) continue;
    const edited = applyStepEdits(files, step);
    if (!edited.ok) throw new Error(`script step at ${step.at} ms: ${edited.error}`);
    for (const file of Object.keys(edited.files).filter((f) => edited.files[f] !== files[f])) out.push({ path: stepFile(step.at, file), text: edited.files[file] });
    files = edited.files;
  }
  return out;
}

function mixExs(app: string): string {
  const module = app.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return `defmodule ${module}.MixProject do
  use Mix.Project

  def project do
    [
      app: :${app},
      version: "0.1.0",
      elixir: "~> 1.14",
      deps: []
    ]
  end

  def application do
    [extra_applications: [:logger]]
  end
end
`;
}

const IEX_EXS = `# Loaded by \`iex -S mix\` in this folder. IEx has recompile() for the playground's Recompile
# button; this is its Upgrade button, done by hand as a release upgrade does it.
defmodule Playground do
  @doc """
  Suspends every process whose callback module is one of \`modules\` (:sys.suspend/1), loads
  the new code (recompile/0), calls :sys.change_code(pid, module, old_vsn, extra), which calls
  the module's code_change/3 with the old state, and resumes them (:sys.resume/1).
  """
  def upgrade(modules, extra \\\\ :undefined) do
    procs = for m <- modules, pid <- callback_processes(m), do: {m, pid}
    old_vsns = Map.new(modules, fn m -> {m, vsn(m)} end)
    Enum.each(procs, fn {_, pid} -> :sys.suspend(pid) end)
    loaded = IEx.Helpers.recompile()
    changed = for {m, pid} <- procs, do: {pid, :sys.change_code(pid, m, old_vsns[m], extra)}
    Enum.each(procs, fn {_, pid} -> :sys.resume(pid) end)
    {loaded, changed}
  end

  # A GenServer's callback module: the one its init/1 belongs to.
  defp callback_processes(module) do
    for pid <- Process.list(),
        {:dictionary, d} <- [Process.info(pid, :dictionary)],
        d[:"$initial_call"] == {module, :init, 1},
        do: pid
  end

  defp vsn(module) do
    case module.module_info(:attributes)[:vsn] do
      [v] -> v
      other -> other
    end
  end
end
`;

function readme(snippet: Snippet, folder: string, steps: IexStep[], hint?: string | null): string {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(`# at ${seconds(step.at)}`);
    for (const note of step.notes) lines.push(`#   ${note}`);
    for (const c of step.commands) lines.push(c.line);
    lines.push("");
  }
  const files = Object.keys(snippet.files).map((f) => `- \`lib/${f}\``).join("\n");
  const copies = steps.some((s) => s.commands.some((c) => c.kind === "copy"));
  return `# ${snippet.title ?? folder}

Exported from the hot-swap playground, to rerun in real Elixir (1.14 or later, Erlang/OTP 24 or
later):

\`\`\`sh
cd ${folder}
iex -S mix
\`\`\`

Then type the lines below in IEx, each at about its time (seconds after \`${snippet.main}.start()\`;
the playground runs on virtual time, IEx on the wall clock, so a few ms either way are normal).
The comments are the playground's captions and what its checks expect. Pids are numbered
differently on a real node (\`#PID<0.151.0>\` for the playground's \`#PID<0.102.0>\`); the same
process keeps the same pid all the same.

The files:
${files}
${copies ? `- \`${STEPS_DIR}/\`: each file as the script changes it, at its time (the \`File.cp!\` lines put it in \`lib/\`)\n` : ""}- \`.iex.exs\`: \`Playground.upgrade/2\`, the Upgrade button by hand (\`:sys.suspend/1\`,
  \`recompile()\`, \`:sys.change_code/4\`, \`:sys.resume/1\`)

\`\`\`elixir
${lines.join("\n").trimEnd()}
\`\`\`

${hint ? `Try it, as the playground's hint says: ${hint} In IEx that is: edit \`lib/\`, save, then \`recompile()\`.\n\n` : ""}One difference you may meet: when a file does not compile, \`recompile()\` in IEx has already
unloaded the module it changed (its GenServers then crash at their next callback); the
playground loads nothing and keeps the old code running.
`;
}

/** The project's files, under one folder named after the lesson. */
export function mixProject(snippet: Snippet, id?: string | null, hint?: string | null): { folder: string; entries: ZipEntry[] } {
  const folder = projectSlug(snippet, id);
  const within = (path: string) => `${folder}/${path}`;
  const entries: ZipEntry[] = [
    { path: within("README.md"), text: readme(snippet, folder, iexSteps(snippet), hint) },
    { path: within("mix.exs"), text: mixExs(folder) },
    { path: within(".iex.exs"), text: IEX_EXS },
    { path: within(".formatter.exs"), text: `[inputs: ["{mix,.formatter}.exs", "{lib,steps}/**/*.{ex,exs}"]]\n` },
    ...Object.entries(snippet.files).map(([file, text]) => ({ path: within(`lib/${file}`), text })),
    ...stepFiles(snippet).map((e) => ({ path: within(e.path), text: e.text })),
  ];
  return { folder, entries };
}
