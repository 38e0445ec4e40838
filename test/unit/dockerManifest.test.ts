// The Docker parts of package.json: every command in the palette category, disabled in untrusted
// workspaces, registered in the command table; menus only on Dockerfiles; settings with the scopes
// that keep a workspace from choosing what runs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands } from '../../server/src/protocol';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const protocolIds: string[] = Object.values(Commands);
const DOCKER_IDS = [
  'buildImage',
  'buildImageWithOptions',
  'runContainer',
  'runContainerInteractively',
  'buildAndRun',
  'tagImage',
  'pushImage',
  'pullBaseImages',
  'showContainers',
  'showImages',
].map((verb) => `dockerfileStudio.${verb}`);

describe('Docker commands in package.json', () => {
  const contributed = new Map<string, { title: string; category: string; enablement?: string }>(
    manifest.contributes.commands.map((c: { command: string }) => [c.command, c]),
  );

  it('contributes every Docker command, in the Dockerfile category, enabled only in trusted workspaces', () => {
    for (const id of DOCKER_IDS) {
      assert.ok(protocolIds.includes(id), `${id} is in Commands (protocol.ts)`);
      const command = contributed.get(id);
      assert.ok(command, `${id} is contributed`);
      assert.equal(command.category, 'Dockerfile');
      assert.equal(command.enablement, 'isWorkspaceTrusted', id);
    }
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('shows the menus on Dockerfiles only', () => {
    for (const [menu, key] of [
      ['editor/title', 'editorLangId'],
      ['editor/context', 'editorLangId'],
      ['explorer/context', 'resourceLangId'],
    ] as const) {
      const entries: { command: string; when: string }[] = manifest.contributes.menus[menu];
      assert.ok(entries.length > 0, menu);
      for (const entry of entries) {
        assert.ok(DOCKER_IDS.includes(entry.command), `${menu}: ${entry.command}`);
        assert.match(entry.when, new RegExp(`${key} == dockerfile`), `${menu}: ${entry.command}`);
      }
    }
  });

  it('declares the settings with scopes a workspace cannot abuse', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['dockerfileStudio.docker.path'].scope, 'machine');
    for (const name of ['docker.host', 'docker.context', 'build.extraArgs', 'build.buildKit', 'run.extraArgs', 'run.publishAddress']) {
      assert.ok(properties[`dockerfileStudio.${name}`], name);
    }
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const name of ['docker.path', 'docker.host', 'docker.context', 'build.extraArgs', 'run.extraArgs']) {
      assert.ok(restricted.includes(`dockerfileStudio.${name}`), `${name} is restricted in untrusted workspaces`);
    }
  });

  it('declares the task types and activates for them', () => {
    const types: [string, string[]][] = manifest.contributes.taskDefinitions.map((t: { type: string; required: string[] }) => [
      t.type,
      t.required,
    ]);
    assert.deepEqual(types, [
      ['dockerfile-build', ['dockerfile']],
      ['dockerfile-run', ['image']],
      ['dockerfile-docker', ['argv']],
    ]);
    for (const [type] of types) assert.ok(manifest.activationEvents.includes(`onTaskType:${type}`), type);
  });
});
