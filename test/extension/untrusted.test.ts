// The untrusted-workspace pass (scripts/runExtensionTests.mjs --trust=untrusted, part of the default
// run): workspace trust is on and the fixture workspace is not trusted. Language features still work;
// every Docker command refuses with an explanation, asks nothing and starts nothing; and settings
// that name a program or reach the Docker daemon come from user or machine settings only, whatever
// the workspace's .vscode/settings.json says. The trusted pass registers none of this.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { readDockerConfig } from '../../client/src/docker/runner';
import { UNTRUSTED_MESSAGE } from '../../client/src/dockerFlows/errors';
import { ScriptedPrompts } from '../docker/scriptedPrompts';
import {
  activeExtension,
  closeAllEditors,
  fixtureUri,
  hoverText,
  openFixture,
  ours,
  positionOf,
  waitForDiagnostics,
  workspaceRoot,
} from './helpers';

const SET_PROMPTS = 'dockerfileStudio.test.setPrompts';

if (process.env.DOCKERFILE_STUDIO_WORKSPACE_TRUST === 'untrusted') {
  describe('untrusted workspace', function () {
    this.timeout(120_000);
    const userDockerPath = process.env.DOCKERFILE_STUDIO_USER_DOCKER_PATH ?? '';
    const workspaceDockerPath = join(dirname(userDockerPath), 'docker-from-workspace-settings');
    const marker = join(dirname(userDockerPath), 'a-docker-process-ran');
    const settingsDir = () => join(workspaceRoot().fsPath, '.vscode');

    before(async () => {
      assert.ok(userDockerPath, 'DOCKERFILE_STUDIO_USER_DOCKER_PATH is set by the runner');
      // Both candidate "docker" programs leave a marker if anything ever starts them.
      mkdirSync(dirname(userDockerPath), { recursive: true });
      rmSync(marker, { force: true });
      for (const program of [userDockerPath, workspaceDockerPath]) {
        writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`);
        chmodSync(program, 0o755);
      }
      rmSync(settingsDir(), { recursive: true, force: true });
      await activeExtension();
    });

    after(async () => {
      rmSync(settingsDir(), { recursive: true, force: true });
      await vscode.commands.executeCommand(SET_PROMPTS, undefined);
      await closeAllEditors();
    });

    it('opens the fixture workspace in Restricted Mode', () => {
      assert.equal(vscode.workspace.isTrusted, false);
    });

    it('still lints and answers hovers', async () => {
      const document = await openFixture('typo/Dockerfile');
      const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => document.getText(d.range) === 'FORM'));
      assert.match(ours(diagnostics).find((d) => document.getText(d.range) === 'FORM')!.message, /\bFROM\b/);
      assert.match(await hoverText(document, positionOf(document, 'ENTRYPOINT', 3)), /\bCMD\b/);
    });

    it('refuses every Docker command with the trust explanation, asking nothing and starting nothing', async () => {
      const extension = await activeExtension();
      const dockerCommands = (extension.packageJSON.contributes.commands as { command: string; enablement?: string }[])
        .filter((c) => c.enablement === 'isWorkspaceTrusted')
        .map((c) => c.command);
      assert.ok(dockerCommands.length >= 10, dockerCommands.join());
      const prompts = new ScriptedPrompts();
      await vscode.commands.executeCommand(SET_PROMPTS, prompts);
      const dockerfile = fixtureUri('typo/Dockerfile');
      for (const command of dockerCommands) {
        assert.equal(await vscode.commands.executeCommand(command, dockerfile), undefined, command);
      }
      await vscode.commands.executeCommand(SET_PROMPTS, undefined);
      assert.deepEqual(prompts.asked, [], 'no question was asked');
      assert.deepEqual(
        prompts.shown.map((s) => [s.level, s.message]),
        dockerCommands.map(() => ['warning', UNTRUSTED_MESSAGE]),
      );
      assert.deepEqual(prompts.shown[0].buttons, ['Manage Workspace Trust']);
      assert.equal(existsSync(marker), false, 'a docker program was started');
    });

    it('reads docker.path, docker.host, docker.context and the extra arguments from user settings only', async () => {
      mkdirSync(settingsDir(), { recursive: true });
      writeFileSync(
        join(settingsDir(), 'settings.json'),
        JSON.stringify({
          'dockerfileStudio.docker.path': workspaceDockerPath,
          'dockerfileStudio.docker.host': 'tcp://203.0.113.7:2375',
          'dockerfileStudio.docker.context': 'someone-elses',
          'dockerfileStudio.build.extraArgs': ['--output', 'type=local,dest=/'],
          'dockerfileStudio.run.extraArgs': ['--privileged'],
          // Not restricted: shows the file has been read before the restricted values are checked.
          'dockerfileStudio.format.keywordCase': 'lower',
        }),
      );
      const settings = () => vscode.workspace.getConfiguration('dockerfileStudio', fixtureUri('typo/Dockerfile'));
      const deadline = Date.now() + 30_000;
      while (settings().get('format.keywordCase') !== 'lower' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.equal(settings().get('format.keywordCase'), 'lower', 'the workspace settings file was read');

      assert.equal(settings().get('docker.path'), userDockerPath);
      assert.equal(settings().get('docker.host'), '');
      assert.equal(settings().get('docker.context'), '');
      assert.deepEqual(settings().get('build.extraArgs'), []);
      assert.deepEqual(settings().get('run.extraArgs'), []);
      const config = readDockerConfig(fixtureUri('typo/Dockerfile'));
      assert.equal(config.command, userDockerPath);
      assert.equal(config.envOverrides.DOCKER_HOST, undefined);
      assert.equal(config.envOverrides.DOCKER_CONTEXT, undefined);

      // Still refused, and still nothing started, with the workspace asking for another program.
      const prompts = new ScriptedPrompts();
      await vscode.commands.executeCommand(SET_PROMPTS, prompts);
      await vscode.commands.executeCommand('dockerfileStudio.buildImage', fixtureUri('typo/Dockerfile'));
      await vscode.commands.executeCommand(SET_PROMPTS, undefined);
      assert.deepEqual(prompts.messages('warning'), [UNTRUSTED_MESSAGE]);
      assert.equal(existsSync(marker), false, 'a docker program was started');
    });
  });
}
