/**
 * "Mix project": downloads the Elixir snippet on screen as a zip of a minimal Mix project
 * (export/mixProject.ts), made in the page: nothing is sent anywhere. The project is named
 * after the lesson when the editor holds one, else after the title.
 */
import { mixProject } from "../../export/mixProject";
import { zip } from "../../export/zip";
import { findLesson } from "../../examples";
import { seedHintFor } from "../../examples/seed";
import { appStore, currentSnippet, notify } from "../store/appStore";
import { isElixirFiles } from "../language";

/** Only an Elixir snippet has a Mix project to export. */
export const canExportMix = isElixirFiles;

export async function exportMix(): Promise<void> {
  try {
    const snippet = currentSnippet();
    const s = appStore.getState();
    const lesson = s.demoId ? findLesson(s.demoId) : undefined;
    const { folder, entries } = mixProject(snippet, lesson ? lesson.demo.id : null, lesson ? null : seedHintFor(snippet.title));
    const bytes = await zip(entries);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${folder}.zip`;
    a.dataset.testid = "mix-download";
    document.body.append(a);
    a.click();
    a.remove();
    // The download has its own copy; the URL can go once the click was handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify("info", `Saved ${folder}.zip: unzip it, then \`cd ${folder}\` and \`iex -S mix\`; its README lists the lesson's steps as IEx commands.`);
  } catch (err) {
    notify("error", `Could not export the Mix project: ${err instanceof Error ? err.message : String(err)}`);
  }
}
