// One model per document version. Features ask the cache; only a new version builds a new model.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileModel } from './document';

/**
 * Closed documents kept for a reopen. A model with everything derived from it weighs some 100 times
 * its text (a 50,000-line file: 1.7 MB of text, 185 MB of model), so only the last two, and only
 * while their text is under 1 MB together.
 */
const CLOSED_LIMIT_MODELS = 2;
const CLOSED_LIMIT_CHARS = 1_000_000;

export class ModelCache {
  private readonly entries = new Map<string, DockerfileModel>();
  /**
   * Recently closed models, newest last. Editors close and reopen documents all the time (preview
   * tabs, reloads); a reopen with the same text then reuses every instruction and what the rules
   * derived from it, instead of starting cold.
   */
  private readonly closed: DockerfileModel[] = [];

  get(doc: TextDocument): DockerfileModel {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const model = new DockerfileModel(doc.uri, doc.version, text, cached ?? this.takeClosed(text));
    this.entries.set(doc.uri, model);
    return model;
  }

  delete(uri: string): void {
    const model = this.entries.get(uri);
    this.entries.delete(uri);
    if (!model) return;
    this.closed.push(model);
    let size = this.closed.reduce((n, m) => n + m.text.length, 0);
    while (this.closed.length > 0 && (size > CLOSED_LIMIT_CHARS || this.closed.length > CLOSED_LIMIT_MODELS))
      size -= this.closed.shift()!.text.length;
  }

  /** A closed model with exactly this text, handed over once (its instructions then belong to the new model). */
  private takeClosed(text: string): DockerfileModel | undefined {
    for (let i = this.closed.length - 1; i >= 0; i--) {
      if (this.closed[i].text === text) return this.closed.splice(i, 1)[0];
    }
    return undefined;
  }
}
