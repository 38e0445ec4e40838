import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, completionItems, label, openFixture } from './helpers';

describe('completion', () => {
  before(activeExtension);

  it('offers instruction keywords at the start of an empty line', async () => {
    const document = await openFixture('completion/Dockerfile');
    const emptyLine = document
      .getText()
      .split('\n')
      .findIndex((line, i) => i > 0 && line.trim() === '');
    assert.ok(emptyLine > 0, 'the fixture needs an empty line after FROM');
    const items = await completionItems(document, new vscode.Position(emptyLine, 0));
    const labels = items.map(label);
    // None of these words occur in the file, so they can only come from the server.
    for (const keyword of ['RUN', 'COPY', 'ENTRYPOINT', 'HEALTHCHECK', 'WORKDIR', 'USER']) {
      assert.ok(labels.includes(keyword), `${keyword} missing from completion: ${labels.join(', ')}`);
    }
    const entrypoint = items.find((item) => label(item) === 'ENTRYPOINT');
    assert.equal(entrypoint?.kind, vscode.CompletionItemKind.Keyword);
  });
});
