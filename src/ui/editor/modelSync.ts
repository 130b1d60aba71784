/**
 * Keeps one Monaco model per editor file, in step with the app store's files. Edits in Monaco
 * flow into the store (and so into the draft); files replaced from outside (a share link, a
 * script edit) flow into the models without losing undo history where the file stays.
 */
import { fileUri, monaco } from "./monacoSetup";
import { languageFor } from "./editorLanguages";

export class ModelSync {
  private models = new Map<string, monaco.editor.ITextModel>();
  private applying = false;

  constructor(private readonly onEdit: (file: string, text: string) => void) {}

  model(file: string): monaco.editor.ITextModel | undefined {
    return this.models.get(file);
  }

  all(): monaco.editor.ITextModel[] {
    return [...this.models.values()];
  }

  /** Makes the models exactly `files`: creates, updates (as an undoable edit), disposes. */
  sync(files: Record<string, string>): void {
    this.applying = true;
    try {
      for (const [file, text] of Object.entries(files)) {
        const existing = this.models.get(file);
        if (!existing) this.models.set(file, this.create(file, text));
        else if (existing.getValue() !== text) {
          existing.pushEditOperations([], [{ range: existing.getFullModelRange(), text }], () => null);
        }
      }
      for (const [file, model] of this.models) {
        if (!(file in files)) {
          model.dispose();
          this.models.delete(file);
        }
      }
    } finally {
      this.applying = false;
    }
  }

  private create(file: string, text: string): monaco.editor.ITextModel {
    const uri = fileUri(file);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(text, languageFor(file), uri);
    model.onDidChangeContent(() => {
      if (!this.applying) this.onEdit(file, model.getValue());
    });
    return model;
  }
}
