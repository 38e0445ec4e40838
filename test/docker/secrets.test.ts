// A build arg whose name looks secret, end to end with the real runner and daemon: the build gets the
// value (the Dockerfile fails without it), but the command line the build reports, the Docker output
// channel's log file on disk and the remembered answers never hold it.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildResult } from '../../client/src/dockerFlows/build';
import { dockerfile, runCommand, sleep } from './dockerHelpers';
import { ACCEPT, ScriptedPrompts } from './scriptedPrompts';

/** The --user-data-dir of the code-server running this extension host, found up the process tree. */
function userDataDir(): string {
  for (let pid = process.pid; pid > 1;) {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const at = args.indexOf('--user-data-dir');
    if (at >= 0 && args[at + 1]) return args[at + 1];
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  throw new Error('no --user-data-dir on any parent process');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('docker level: secret-looking build args stay out of logs and memory', () => {
  const secret = `dfs-secret-${process.pid}-${Date.now()}`;
  let result: BuildResult;

  before(async () => {
    const prompts = new ScriptedPrompts()
      .input(/Build Image with Options \| Image name and tag/, 'dfs-secrets:1')
      .pick(/Build context/, /the Dockerfile's folder/)
      .pick(/Target stage/, /^test —/)
      .input(/Platform/, '')
      .pick(/Build cache/, /without cache/)
      .input(/build argument FLAVOUR/, 'plain-value')
      .input(/build argument NPM_TOKEN/, secret);
    result = await runCommand<BuildResult>('dockerfileStudio.buildImageWithOptions', prompts, dockerfile('stages/Dockerfile'));
  });

  it('passes the value to the build', () => {
    // The stage runs `test -n "$NPM_TOKEN"`: it only succeeds if docker got the value.
    assert.equal(result.ok, true, result.output);
  });

  it('masks it in the command line the build reports, and keeps ordinary values', () => {
    assert.match(result.commandLine, /--build-arg '?NPM_TOKEN=\*\*\*'?/);
    assert.match(result.commandLine, /--build-arg FLAVOUR=plain-value/);
    assert.ok(!result.commandLine.includes(secret));
    assert.ok(!result.output.includes(secret), 'docker printed the value');
  });

  it('never writes it to a log file on disk, where the masked command line is', async () => {
    const logs = join(userDataDir(), 'logs');
    // Output channels are written to files a little after the text is appended.
    let withCommand: string[] = [];
    for (let i = 0; i < 100 && withCommand.length === 0; i++) {
      withCommand = filesUnder(logs).filter((f) => readFileSync(f, 'utf8').includes('--build-arg FLAVOUR=plain-value'));
      if (withCommand.length === 0) await sleep(200);
    }
    assert.ok(withCommand.length > 0, `no log file under ${logs} holds the build's command line`);
    assert.ok(withCommand.some((f) => /NPM_TOKEN='?\*\*\*/.test(readFileSync(f, 'utf8'))));
    const leaking = filesUnder(logs).filter((f) => statSync(f).size < 50_000_000 && readFileSync(f).includes(secret));
    assert.deepEqual(leaking, []);
  });

  it('does not remember it for the next build, while remembering the ordinary one', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Image name and tag/, ACCEPT)
      .pick(/Build context/, /current/)
      .pick(/Target stage/, /^test —/)
      .input(/Platform/, ACCEPT)
      .pick(/Build cache/, /Use the build cache/)
      .input(/FLAVOUR/, ACCEPT)
      .input(/NPM_TOKEN/, 'another');
    const again = await runCommand<BuildResult>('dockerfileStudio.buildImageWithOptions', prompts, dockerfile('stages/Dockerfile'));
    assert.equal(again.ok, true, again.output);
    assert.equal(prompts.prompt(/FLAVOUR/).proposed, 'plain-value');
    assert.equal(prompts.prompt(/NPM_TOKEN/).proposed, '');
    assert.equal(prompts.prompt(/NPM_TOKEN/).password, true);
  });
});
