// One model per document version. Features ask the cache; only a new version builds a new model.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileModel } from './document';

export class ModelCache {
  private readonly entries = new Map<string, DockerfileModel>();

  get(doc: TextDocument): DockerfileModel {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const model = new DockerfileModel(doc.uri, doc.version, doc.getText(), cached);
    this.entries.set(doc.uri, model);
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
