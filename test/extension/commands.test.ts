import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openFixture, ours, positionOf, waitForDiagnostics } from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

describe('commands', () => {
  let contributed: ContributedCommand[] = [];

  before(async () => {
    const extension = await activeExtension();
    contributed = extension.packageJSON.contributes?.commands ?? [];
  });

  it('registers every command contributed in package.json', async () => {
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('names commands dockerfileStudio.<verb> in the Dockerfile category', () => {
    for (const { command, category } of contributed) {
      assert.match(command, /^dockerfileStudio\.[a-z][A-Za-z]*$/, command);
      assert.equal(category, 'Dockerfile', `${command} should be in the "Dockerfile" palette category`);
    }
  });

  it('restarts the server: its diagnostics are withdrawn, then published again', async () => {
    const document = await openFixture('typo/Dockerfile');
    const hasTypo = (all: readonly vscode.Diagnostic[]) => ours(all).some((d) => /\bFROM\b/.test(d.message));
    await waitForDiagnostics(document.uri, hasTypo);
    // Stopping the client clears what the old server reported; only a new server reports it again.
    const seen: boolean[] = [];
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === document.uri.toString())) {
        seen.push(hasTypo(vscode.languages.getDiagnostics(document.uri)));
      }
    });
    try {
      await vscode.commands.executeCommand('dockerfileStudio.restartServer');
      const deadline = Date.now() + 20_000;
      while (!(seen.includes(false) && seen.lastIndexOf(true) > seen.indexOf(false)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      subscription.dispose();
    }
    assert.ok(seen.includes(false), `the restart never withdrew the old diagnostics (events: ${seen.join(', ')})`);
    assert.ok(seen.lastIndexOf(true) > seen.indexOf(false), `no diagnostics after the restart (events: ${seen.join(', ')})`);
    const text = await hoverText(document, positionOf(document, 'ENTRYPOINT', 3));
    assert.match(text, /\bCMD\b/, `hover after restart: ${text}`);
  });

  // dockerfileStudio.showOutput has no API-visible effect (output channels are not text documents
  // any more); the screenshot step runs it from the palette and checks the Output panel instead.
});
