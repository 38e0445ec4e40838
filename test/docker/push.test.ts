// Push for real: ask for a registry and bump the version, log in when the registry wants it,
// push from the Images list, pull base images back, tag and remove images.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BuildResult } from '../../client/src/dockerFlows/build';
import type { ActionResult } from '../../client/src/dockerFlows/lists';
import type { PullResult } from '../../client/src/dockerFlows/pull';
import type { PushResult } from '../../client/src/dockerFlows/push';
import { docker, dockerfile, env, imageExists, registryJson, runCommand, sleep, terminalNamed } from './dockerHelpers';
import { ACCEPT, ESCAPE, ScriptedPrompts } from './scriptedPrompts';

describe('docker level: push and pull', () => {
  const registry = env('DOCKER_REGISTRY');
  const authRegistry = env('DOCKER_AUTH_REGISTRY');
  const hello = () => dockerfile('hello/Dockerfile');

  before(async () => {
    const prompts = new ScriptedPrompts().input(/Image name and tag/, 'dfs-push:1.2.3').input(/GREETING/, 'pushed');
    const built = await runCommand<BuildResult>('dockerfileStudio.buildImage', prompts, hello());
    assert.equal(built.ok, true, built.output);
  });

  it('asks for a registry, offers a semver bump, tags and pushes; the catalog lists it', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Push Image \| Image to push/, ACCEPT)
      .pick(/names no registry/, /^Enter a registry…/)
      .input(/Registry \(host\[:port\]/, 'not a registry!', registry)
      .pick(/is a version/, /^Bump patch: 1\.2\.4/);
    const result = await runCommand<PushResult>('dockerfileStudio.pushImage', prompts, hello());
    assert.equal(prompts.prompt(/Image to push/).proposed, 'dfs-push:1.2.3');
    assert.deepEqual(prompts.prompt(/is a version/).items, ['Keep 1.2.3', 'Bump patch: 1.2.4', 'Bump minor: 1.3.0', 'Bump major: 2.0.0']);
    assert.equal(prompts.prompt(/Registry \(host/).rejected.length, 1);
    assert.equal(result.ok, true, result.output);
    assert.equal(result.pushed, `${registry}/dfs-push:1.2.4`);
    assert.deepEqual(prompts.messages('info'), [`Pushed ${registry}/dfs-push:1.2.4.`]);
    const catalog = (await registryJson(registry, '/v2/_catalog')) as { repositories: string[] };
    assert.ok(catalog.repositories.includes('dfs-push'), JSON.stringify(catalog));
    assert.deepEqual(await registryJson(registry, '/v2/dfs-push/tags/list'), { name: 'dfs-push', tags: ['1.2.4'] });

    // The next build proposes the bumped version, and the registry is offered again.
    const next = new ScriptedPrompts().input(/Image name and tag/, ESCAPE);
    await runCommand('dockerfileStudio.buildImage', next, hello());
    assert.equal(next.prompt(/Image name and tag/).proposed, 'dfs-push:1.2.4');
  });

  it('offers docker login when the registry refuses, then pushes', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Image to push/, 'dfs-push:1.2.3')
      .pick(/names no registry/, /^Enter a registry…/)
      .input(/Registry/, authRegistry)
      .pick(/is a version/, /^Keep 1\.2\.3/)
      .reply(/refused the push/, 'Log In');
    const pushing = runCommand<PushResult>('dockerfileStudio.pushImage', prompts, hello());
    const terminal = await terminalNamed(`docker login ${authRegistry}`, 120_000);
    await sleep(1500);
    terminal.sendText(env('DOCKER_AUTH_USER'));
    await sleep(1500);
    terminal.sendText(env('DOCKER_AUTH_PASSWORD'));
    const result = await pushing;
    const warning = prompts.shown.find((s) => s.level === 'warning');
    assert.equal(
      warning?.message,
      `${authRegistry} refused the push of ${authRegistry}/dfs-push:1.2.3: no basic auth credentials. Log in to ${authRegistry} and try again?`,
    );
    assert.equal(result.loggedIn, true);
    assert.equal(result.ok, true, result.output);
    const auth = { user: env('DOCKER_AUTH_USER'), password: env('DOCKER_AUTH_PASSWORD') };
    assert.deepEqual(await registryJson(authRegistry, '/v2/dfs-push/tags/list', auth), { name: 'dfs-push', tags: ['1.2.3'] });
  });

  it('pushes from the Images list, and Pull Base Images pulls it back', async () => {
    const prompts = new ScriptedPrompts()
      .pick(/^Images \| Pick an image/, /^localbase:1\.0 —/)
      .pick(/What to do with the image/, /Push/)
      .input(/Image to push/, ACCEPT)
      .pick(/names no registry/, new RegExp(`^${registry.replace(/\./g, '\\.')} — used before`));
    const pushed = await runCommand<PushResult>('dockerfileStudio.showImages', prompts);
    assert.equal(pushed.ok, true, pushed.output);
    assert.equal(pushed.pushed, `${registry}/localbase:1.0`);

    assert.equal((await docker('rmi', `${registry}/localbase:1.0`)).code, 0);
    assert.equal(await imageExists(`${registry}/localbase:1.0`), false);
    // From the palette with no Dockerfile open: the command asks which one.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const pull = new ScriptedPrompts().pick(/Pull Base Images \| Which Dockerfile\?/, /^Dockerfile — pull$/);
    const results = await runCommand<PullResult[]>('dockerfileStudio.pullBaseImages', pull);
    assert.deepEqual(pull.asked[0]!.items, [
      'Dockerfile — broken',
      'Dockerfile — hello',
      'Dockerfile — pull',
      'Dockerfile — server',
      'Dockerfile — shell',
      'Dockerfile — stages',
    ]);
    assert.deepEqual(
      results.map((r) => [r.image, r.exitCode]),
      [[`${registry}/localbase:1.0`, 0]],
      'FROM ${REGISTRY}/localbase:1.0 resolved from the ARG default; scratch skipped',
    );
    assert.ok(await imageExists(`${registry}/localbase:1.0`));
    assert.deepEqual(pull.messages(), [`Pulled ${registry}/localbase:1.0.`]);
  });

  it('tags an image (refusing a hostile name) and removes it from the Images list', async () => {
    const tag = new ScriptedPrompts()
      .input(/Tag Image \| Image to tag/, ACCEPT)
      .input(/New name and tag/, 'x; touch /tmp/pwned', 'dfs-tagged:2');
    const tagged = await runCommand<ActionResult>('dockerfileStudio.tagImage', tag, hello());
    assert.equal(tag.prompt(/Image to tag/).proposed, 'dfs-push:1.2.3');
    assert.deepEqual(tag.prompt(/New name and tag/).rejected, [
      { value: 'x; touch /tmp/pwned', message: '";" is not allowed in an image reference.' },
    ]);
    assert.deepEqual(tagged, { action: 'tag', target: 'dfs-tagged:2', exitCode: 0 });
    assert.ok(await imageExists('dfs-tagged:2'));
    assert.equal(existsSync('/tmp/pwned'), false);

    const remove = new ScriptedPrompts()
      .pick(/Pick an image/, /^dfs-tagged:2 —/)
      .pick(/What to do with the image/, /Remove/)
      .reply(/Remove the image dfs-tagged:2\?/, 'Remove');
    const removed = await runCommand<ActionResult>('dockerfileStudio.showImages', remove);
    assert.equal(removed.exitCode, 0, removed.output);
    assert.equal(await imageExists('dfs-tagged:2'), false);
    assert.ok(await imageExists('dfs-push:1.2.3'), 'only the tag went away');
  });
});
