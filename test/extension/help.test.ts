// Help while typing, seen through VS Code: hover, completion and signature help from the language
// server, on the fixture in workspace/help (its .dockerignore leaves out secrets/ and *.log).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, completionItems, hoverText, label, openFixture, positionOf } from './helpers';

describe('help while typing', () => {
  before(activeExtension);
  after(closeAllEditors);

  it('hover on a variable in RUN says its value, where it is declared and that it is gone at run time', async () => {
    const document = await openFixture('help/Dockerfile');
    const text = await hoverText(document, positionOf(document, '$NODE_VERSION"', 3));
    assert.match(text, /build argument \(ARG\)/, text);
    assert.match(text, /Value here:\*\* `22`/, text);
    assert.match(text, /Declared\*\* on line 4/, text);
    assert.match(text, /In the running container:\*\* no/, text);
  });

  it('hover on sharing=locked explains that cache mount key and value', async () => {
    const document = await openFixture('help/Dockerfile');
    const text = await hoverText(document, positionOf(document, 'sharing=locked', 10));
    assert.match(text, /`sharing=locked` — A second writer waits until the first releases it/, text);
  });

  it('hover on a stage name in COPY --from shows the FROM that defines it', async () => {
    const document = await openFixture('help/Dockerfile');
    const text = await hoverText(document, positionOf(document, '--from=build', 9));
    assert.match(text, /Build stage `build` \(stage 0\)\*\*, defined on line 3/, text);
  });

  it('completes image tags offline after FROM nginx:', async () => {
    const document = await openFixture('help/Dockerfile');
    const items = await completionItems(document, positionOf(document, 'nginx:', 6), ':');
    const labels = items.map(label);
    for (const tag of ['stable-alpine', 'mainline', '1.28-alpine']) assert.ok(labels.includes(tag), `${tag} missing: ${labels.join(', ')}`);
  });

  it('completes the cache mount keys and their values', async () => {
    const document = await openFixture('help/Dockerfile');
    const values = (await completionItems(document, positionOf(document, 'sharing=locked', 8), '=')).map(label);
    assert.deepEqual(values.filter((v) => ['shared', 'private', 'locked'].includes(v)).sort(), ['locked', 'private', 'shared']);
  });

  it("completes COPY sources from the build context without .dockerignore'd files", async () => {
    const document = await openFixture('help/Dockerfile');
    const end = new vscode.Position(document.lineCount - 1, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, 'COPY ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const labels = (await completionItems(document, new vscode.Position(end.line, 5), ' ')).map(label);
      for (const expected of ['src/', 'package.json', '.dockerignore'])
        assert.ok(labels.includes(expected), `${expected} missing: ${labels.join(', ')}`);
      for (const ignored of ['secrets/', 'debug.log']) assert.ok(!labels.includes(ignored), `${ignored} is .dockerignore'd but offered`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows the signature of the cache mount with the key being written', async () => {
    const document = await openFixture('help/Dockerfile');
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>(
      'vscode.executeSignatureHelpProvider',
      document.uri,
      positionOf(document, 'sharing=locked', 10),
      ',',
    );
    assert.ok(help && help.signatures.length > 0, 'no signature help');
    const signature = help.signatures[help.activeSignature];
    assert.match(signature.label, /^--mount=type=cache/);
    const parameter = signature.parameters[help.activeParameter];
    const text = Array.isArray(parameter.label) ? signature.label.slice(parameter.label[0], parameter.label[1]) : parameter.label;
    assert.equal(text, 'sharing=<shared|private|locked>');
  });
});
