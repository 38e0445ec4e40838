// Build Image for real: the image exists afterwards, hostile input stays one argument, a failing
// build marks its line, and Build Image with Options honours target and build args.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildResult } from '../../client/src/dockerFlows/build';
import { docker, dockerfile, imageExists, removeImage, runCommand } from './dockerHelpers';
import { ACCEPT, ScriptedPrompts } from './scriptedPrompts';

const GREETING = 'line one\nline two; touch dfs-pwned $(touch dfs-pwned) `touch dfs-pwned`';

describe('docker level: build', () => {
  const hello = () => dockerfile('hello/Dockerfile');

  before(async () => {
    await removeImage('dfs-hello:1.0.0');
  });

  it('builds the image named in the prompt, after rejecting a hostile tag with a message', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Build Image \| Image name and tag/, 'x; touch /tmp/pwned', 'dfs-hello:1.0.0')
      .input(/Value for build argument GREETING/, GREETING);
    const result = await runCommand<BuildResult>('dockerfileStudio.buildImage', prompts, hello());

    const nameBox = prompts.prompt(/Image name and tag/);
    assert.equal(nameBox.proposed, 'hello:latest', 'the name is proposed from the folder');
    assert.deepEqual(nameBox.rejected, [{ value: 'x; touch /tmp/pwned', message: '";" is not allowed in an image reference.' }]);
    assert.equal(prompts.prompt(/GREETING/).password, false);

    assert.equal(result.ok, true, result.output);
    assert.equal(result.exitCode, 0);
    assert.match(result.output, /Successfully tagged dfs-hello:1\.0\.0/);
    assert.ok(await imageExists('dfs-hello:1.0.0'), 'docker image inspect dfs-hello:1.0.0');
    assert.deepEqual(prompts.messages('info'), ['Built dfs-hello:1.0.0.']);
    assert.equal(existsSync('/tmp/pwned'), false);
  });

  it('kept the multi-line build arg and the odd workspace path as single arguments', async () => {
    const folder = path.dirname(hello().fsPath);
    assert.match(folder, /my "app" 'dir' \$\(touch dfs-pwned\)/, 'the workspace path holds spaces, quotes and $(…)');
    const run = await docker('run', '--rm', '--network', 'none', 'dfs-hello:1.0.0', 'cat', '/greeting');
    assert.equal(run.stdout, `${GREETING}\n`);
    for (const where of [folder, path.dirname(folder), path.dirname(path.dirname(folder)), process.cwd()]) {
      assert.equal(existsSync(path.join(where, 'dfs-pwned')), false, `nothing ran "touch dfs-pwned" in ${where}`);
    }
  });

  it('remembers the name and the build arg for the next build', async () => {
    const prompts = new ScriptedPrompts().input(/Image name and tag/, ACCEPT).input(/GREETING/, ACCEPT);
    const result = await runCommand<BuildResult>('dockerfileStudio.buildImage', prompts, hello());
    assert.equal(prompts.prompt(/Image name and tag/).proposed, 'dfs-hello:1.0.0');
    assert.equal(prompts.prompt(/GREETING/).proposed, GREETING);
    assert.equal(result.ok, true);
    assert.match(result.output, /Using cache/);
  });

  it('shows a failing build as an error and a diagnostic on the failing line, until the next build', async () => {
    const broken = dockerfile('broken/Dockerfile');
    const prompts = new ScriptedPrompts().input(/Image name and tag/, 'dfs-broken:1');
    const result = await runCommand<BuildResult>('dockerfileStudio.buildImage', prompts, broken);
    assert.equal(result.ok, false);
    assert.equal(result.exitCode, 3, "the classic builder exits with the failing RUN's code");
    assert.deepEqual(result.diagnostic, {
      line: 2,
      message: 'The command \'/bin/sh -c echo "this one fails" && exit 3\' returned a non-zero code: 3',
    });

    const [error] = prompts.shown.filter((s) => s.level === 'error');
    assert.equal(error?.message, `The build of dfs-broken:1 failed at line 3: ${result.diagnostic!.message}`);
    assert.deepEqual(error?.buttons, ['Show Output', 'Go to Line']);

    const diagnostics = vscode.languages.getDiagnostics(broken).filter((d) => d.source === 'docker build');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character, diagnostics[0]!.range.end.line], [2, 0, 2]);
    assert.equal(diagnostics[0]!.message, result.diagnostic!.message);

    // Fix the file; the next build clears the diagnostic.
    const document = await vscode.workspace.openTextDocument(broken);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.replace(document.lineAt(2).range, 'RUN echo "fixed now"'));
    const retry = new ScriptedPrompts().input(/Image name and tag/, ACCEPT);
    const again = await runCommand<BuildResult | undefined>('dockerfileStudio.buildImage', retry, broken);
    assert.equal(again?.ok, true, again?.output ?? JSON.stringify(retry.shown));
    assert.equal(document.isDirty, false, 'the edit was saved before building');
    assert.deepEqual(
      vscode.languages.getDiagnostics(broken).filter((d) => d.source === 'docker build'),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('builds a chosen target with build args, masking and forgetting secret-looking ones', async () => {
    const stages = dockerfile('stages/Dockerfile');
    const prompts = new ScriptedPrompts()
      .input(/Build Image with Options \| Image name and tag/, 'dfs-stages:test')
      .pick(/Build context/, /the Dockerfile's folder/)
      .pick(/Target stage/, /^test —/)
      .input(/Platform/, '')
      .pick(/Build cache/, /Use the build cache/)
      .input(/build argument FLAVOUR/, 'vanilla')
      .input(/build argument NPM_TOKEN/, 's3cret');
    const result = await runCommand<BuildResult>('dockerfileStudio.buildImageWithOptions', prompts, stages);
    assert.equal(result.ok, true, result.output);
    assert.deepEqual(prompts.prompt(/Target stage/).items, [
      '$(layers) Last stage — release',
      'base — FROM localbase:1.0',
      'test — FROM base',
      'release — FROM base',
    ]);
    assert.equal(prompts.prompt(/NPM_TOKEN/).password, true);
    assert.equal(prompts.prompt(/FLAVOUR/).password, false);
    const run = await docker('run', '--rm', '--network', 'none', 'dfs-stages:test', 'cat', '/stage', '/flavour');
    assert.equal(run.stdout, 'test\nvanilla\n');

    const second = new ScriptedPrompts()
      .input(/Image name and tag/, ACCEPT)
      .pick(/Build context/, /current/)
      .pick(/Target stage/, /^release —/)
      .input(/Platform/, ACCEPT)
      .pick(/Build cache/, /without cache/)
      .input(/FLAVOUR/, ACCEPT)
      .input(/NPM_TOKEN/, 'another');
    const rebuilt = await runCommand<BuildResult>('dockerfileStudio.buildImageWithOptions', second, stages);
    assert.equal(second.prompt(/FLAVOUR/).proposed, 'vanilla', 'ordinary build args are remembered');
    assert.equal(second.prompt(/NPM_TOKEN/).proposed, '', 'secret-looking build args are not');
    assert.equal(rebuilt.ok, true, rebuilt.output);
    assert.doesNotMatch(rebuilt.output, /Using cache/, '--no-cache');
    assert.equal((await docker('run', '--rm', '--network', 'none', 'dfs-stages:test')).stdout, 'release\nvanilla\n');
  });
});
