// Docker missing or its daemon down is found before anything runs, with a message saying what to do.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docker, dockerfile, runCommand } from './dockerHelpers';
import { ScriptedPrompts } from './scriptedPrompts';

describe('docker level: Docker missing or down', () => {
  const settings = () => vscode.workspace.getConfiguration('dockerfileStudio');

  afterEach(async () => {
    await settings().update('docker.path', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('docker.host', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('docker.context', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('says Docker is not installed when docker.path names nothing, before asking anything', async () => {
    await settings().update('docker.path', '/nonexistent/bin/docker', vscode.ConfigurationTarget.Global);
    assert.equal(settings().get('docker.path'), '/nonexistent/bin/docker');
    const prompts = new ScriptedPrompts();
    const result = await runCommand('dockerfileStudio.buildImage', prompts, dockerfile('hello/Dockerfile'));
    assert.equal(result, undefined);
    assert.deepEqual(prompts.asked, [], 'no question before Docker is known to work');
    const [error] = prompts.shown;
    assert.equal(error?.level, 'error');
    assert.equal(
      error?.message,
      'Docker was not found: "/nonexistent/bin/docker" is not installed or not on the PATH. Install Docker (or Podman), or set "dockerfileStudio.docker.path" to the docker executable.',
    );
    assert.deepEqual(error?.buttons, ['Open Settings', 'Install Docker']);
  });

  it('says the daemon is not running when docker.host points nowhere', async () => {
    await settings().update('docker.host', 'unix:///nonexistent/docker.sock', vscode.ConfigurationTarget.Workspace);
    const prompts = new ScriptedPrompts();
    await runCommand('dockerfileStudio.showContainers', prompts);
    assert.equal(prompts.shown.length, 1, JSON.stringify(prompts.shown));
    assert.match(
      prompts.shown[0]!.message,
      /^Docker is installed but its daemon is not running at unix:\/\/\/nonexistent\/docker\.sock\. Start Docker/,
    );
  });

  it('uses the Docker context from settings over an inherited DOCKER_HOST', async () => {
    await docker('context', 'rm', '--force', 'dfs-nowhere');
    const created = await docker('context', 'create', 'dfs-nowhere', '--docker', 'host=unix:///nonexistent/context.sock');
    assert.equal(created.code, 0, created.stderr);
    assert.ok(process.env.DOCKER_HOST, 'the extension host inherited a working DOCKER_HOST');
    await settings().update('docker.context', 'dfs-nowhere', vscode.ConfigurationTarget.Workspace);
    const prompts = new ScriptedPrompts();
    await runCommand('dockerfileStudio.showImages', prompts);
    assert.equal(prompts.shown.length, 1, JSON.stringify(prompts.shown));
    assert.match(prompts.shown[0]!.message, /^Docker is installed but its daemon is not running at context "dfs-nowhere"\./);
    assert.match(prompts.shown[0]!.message, /dockerfileStudio\.docker\.context/);
  });
});
