// What activation cost inside a real VS Code, recorded for `npm run bench` (.bench/activation.json).
// No timing is asserted here (the bench reports it); the case checks that activate() only returned
// once the language client was running, so the recorded start-up is the real handshake.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeExtension } from './helpers';

interface Api {
  languageClient(): { isRunning(): boolean } | undefined;
  activationTimings(): { activateMs: number; clientStartMs: number };
}

describe('activation timings', () => {
  it('records what activate() spent before and on starting the client', async () => {
    const extension = await activeExtension();
    const api = extension.exports as Api;
    assert.equal(api.languageClient()?.isRunning(), true);
    const timings = api.activationTimings();
    for (const [name, ms] of Object.entries(timings)) assert.ok(Number.isFinite(ms) && ms >= 0, `${name} = ${ms}`);
    const dir = join(extension.extensionPath, '.bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'activation.json'),
      JSON.stringify(
        {
          ...timings,
          date: new Date().toISOString(),
          vscode: process.versions.electron ? 'electron' : 'code-server',
          node: process.version,
        },
        null,
        2,
      ),
    );
  });
});
