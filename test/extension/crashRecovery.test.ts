// The language server process dies (kill -9); the client starts a new one and an open document
// gets diagnostics again, including for an edit made after the crash, which only a live server
// could answer.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { crashRestarter } from '../../client/src/languageClient';
import { activeExtension, closeAllEditors, describe as describeDiagnostics, openEditableCopy, ours, waitForDiagnostics } from './helpers';

interface Api {
  languageClient(): { isRunning(): boolean; serverProcess?: { pid?: number } } | undefined;
}

/** Server processes this extension host started: children of this process running dist/server.js. */
function serverChildren(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in /proc/<pid>/stat is in parentheses and may hold spaces; the ppid follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && cmdline.some((a) => a.endsWith('dist/server.js'))) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('crash recovery', function () {
  this.timeout(120_000);
  let api: Api;

  before(async () => {
    api = (await activeExtension()).exports as Api;
  });
  after(closeAllEditors);

  it('restarts a killed server and diagnostics come back for an open document', async () => {
    const document = await openEditableCopy('typo/Dockerfile');
    const hasForm = (all: readonly vscode.Diagnostic[]) => ours(all).some((d) => document.getText(d.range) === 'FORM');
    await waitForDiagnostics(document.uri, hasForm);

    const client = api.languageClient();
    assert.ok(client && client.isRunning(), 'the language client runs');
    const pid = client.serverProcess?.pid;
    assert.ok(pid, 'the client knows its server process');
    // A server stopped just before (the restart command's test) may still be on its way out.
    await until(
      "the client's server to be the only dist/server.js under this extension host",
      () => {
        const children = serverChildren();
        return children.length === 1 && children[0] === pid;
      },
      15_000,
    );

    process.kill(pid, 'SIGKILL');
    // The editor keeps asking while the server dies (hover, symbols): writes to the dead process fail,
    // and the client must still restart rather than give up after a few failed writes.
    const asked = [];
    for (let i = 0; i < 8; i++) {
      asked.push(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1))).catch(
          () => undefined,
        ),
      );
      asked.push(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri)).catch(() => undefined),
      );
    }
    await until(`process ${pid} to end`, () => !alive(pid));
    void Promise.allSettled(asked); // answered by the new server or refused; either is fine

    const restarted = await until('a new server process', () => {
      const next = api.languageClient()?.serverProcess?.pid;
      return next !== undefined && next !== pid && alive(next) && api.languageClient()?.isRunning() ? next : undefined;
    });
    assert.deepEqual(serverChildren(), [restarted]);

    // An edit after the crash: only the new server can report the new typo.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), 'RUNN echo after the crash\n'));
    const after = await waitForDiagnostics(
      document.uri,
      (all) => hasForm(all) && ours(all).some((d) => document.getText(d.range) === 'RUNN'),
    );
    const runn = ours(after).find((d) => document.getText(d.range) === 'RUNN')!;
    assert.equal(runn.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics(after));
    assert.match(runn.message, /\bRUN\b/, 'suggests RUN');
    assert.equal(runn.range.start.line, document.lineCount - 2);
  });
});

describe('crash recovery policy', () => {
  it('restarts after every death up to 5 in 3 minutes, then stops with a message; failed writes never stop it', async () => {
    let t = 0;
    const handler = crashRestarter(() => t);
    for (let i = 0; i < 10; i++) {
      const r = await handler.error(new Error('write EPIPE'), undefined, i + 1);
      assert.equal(r.action, ErrorAction.Continue);
    }
    for (let i = 0; i < 5; i++) {
      t += 10_000;
      assert.equal((await handler.closed()).action, CloseAction.Restart, `death ${i + 1}`);
    }
    t += 10_000;
    const sixth = await handler.closed();
    assert.equal(sixth.action, CloseAction.DoNotRestart);
    assert.match(sixth.message ?? '', /Restart Language Server/);
    // Three minutes after the first deaths, the window has room again.
    t += 3 * 60 * 1000;
    assert.equal((await handler.closed()).action, CloseAction.Restart);
  });
});
