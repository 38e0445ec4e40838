import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, openFixture } from './helpers';

describe('activation', () => {
  it('activates when a Dockerfile is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    await openFixture('app/Dockerfile');
    // onLanguage:dockerfile starts activation; wait for it rather than forcing it with activate().
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(extension.isActive, true, 'opening a Dockerfile did not activate the extension');
  });

  it('runs the bundled client from dist/', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
    assert.equal(extension.packageJSON.name, 'dockerfile-studio');
  });
});
