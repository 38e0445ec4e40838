// Run Container for real: attached with its output in the terminal panel, interactively with -it,
// Build and Run end to end, and the Containers quick pick's actions on a running container.
import * as assert from 'node:assert/strict';
import type { BuildResult } from '../../client/src/dockerFlows/build';
import type { ActionResult } from '../../client/src/dockerFlows/lists';
import type { RunResult } from '../../client/src/dockerFlows/run';
import { docker, dockerfile, runCommand, sleep, terminalNamed } from './dockerHelpers';
import { ACCEPT, ScriptedPrompts } from './scriptedPrompts';

async function build(relative: string, image: string, ...args: string[]): Promise<void> {
  const prompts = new ScriptedPrompts().input(/Image name and tag/, image);
  for (const value of args) prompts.input(/Value for build argument/, value);
  const result = await runCommand<BuildResult>('dockerfileStudio.buildImage', prompts, dockerfile(relative));
  assert.equal(result.ok, true, result.output);
}

async function containerState(name: string): Promise<{ Running: boolean; ExitCode: number } | undefined> {
  const result = await docker('inspect', '--format', '{{json .State}}', name);
  return result.code === 0 ? JSON.parse(result.stdout) : undefined;
}

function containers(...steps: [RegExp, RegExp][]): ScriptedPrompts {
  const prompts = new ScriptedPrompts();
  for (const [container, action] of steps)
    prompts.pick(/^Containers \| Pick a container/, container).pick(/What to do with the container/, action);
  return prompts;
}

describe('docker level: run', () => {
  before(async () => {
    await docker('rm', '--force', 'dfs-hello-run', 'dfs-server');
    await build('hello/Dockerfile', 'dfs-run-hello:1', 'hello from the run suite');
  });

  after(async () => {
    await docker('rm', '--force', 'dfs-hello-run', 'dfs-server');
  });

  it('runs the image just built, attached, with its output in a task terminal', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Run Container \| Image to run/, ACCEPT)
      .input(/Published ports/, ACCEPT)
      .input(/Environment variable/, 'MODE=from the test; $(touch dfs-pwned)')
      .input(/Environment variable/, '')
      .input(/Container name/, 'dfs-hello-run')
      .pick(/How to run the container/, /^Attached/)
      .pick(/After the container exits/, /^Remove/);
    const result = await runCommand<RunResult>('dockerfileStudio.runContainer', prompts, dockerfile('hello/Dockerfile'));
    assert.equal(prompts.prompt(/Image to run/).proposed, 'dfs-run-hello:1');
    assert.equal(prompts.prompt(/Published ports/).proposed, '127.0.0.1:8080:8080 127.0.0.1:53:53/udp', 'proposed from EXPOSE 8080 53/udp');
    assert.equal(result.exitCode, 0, result.output);
    assert.equal(
      result.commandLine,
      "docker run --rm --name dfs-hello-run -p 127.0.0.1:8080:8080 -p 127.0.0.1:53:53/udp -e 'MODE=from the test; $(touch dfs-pwned)' --network none dfs-run-hello:1",
    );
    assert.match(result.output ?? '', /^hello from the run suite\r?\nMODE=from the test; \$\(touch dfs-pwned\)\r?$/m);
    await terminalNamed('docker run dfs-run-hello:1');
    assert.equal(await containerState('dfs-hello-run'), undefined, '--rm removed the container');
  });

  it('runs interactively with -it in a terminal the user types into', async () => {
    await build('shell/Dockerfile', 'dfs-shell:1');
    const prompts = new ScriptedPrompts()
      .input(/Run Container Interactively \| Image to run/, ACCEPT)
      .input(/Published ports/, ACCEPT)
      .input(/Environment variable/, 'WHO=tester')
      .input(/Environment variable/, '')
      .input(/Container name/, '')
      .pick(/After the container exits/, /^Remove/);
    const running = runCommand<RunResult>('dockerfileStudio.runContainerInteractively', prompts, dockerfile('shell/Dockerfile'));
    const terminal = await terminalNamed('docker run dfs-shell:1');
    await sleep(1500);
    terminal.sendText('exit $((${#WHO} + 1))');
    const result = await running;
    assert.equal(prompts.prompt(/Published ports/).proposed, '', 'no EXPOSE, no proposal');
    assert.equal(result.mode, 'interactive');
    assert.equal(result.exitCode, 7, 'the shell read what was typed and saw WHO=tester');
  });

  it('builds and runs end to end, detached, then manages the container from the Containers list', async () => {
    const prompts = new ScriptedPrompts()
      .input(/Build Image \| Image name and tag/, 'dfs-server:1')
      .input(/Build and Run \| Image to run/, ACCEPT)
      .input(/Published ports/, ACCEPT)
      .input(/Environment variable/, '')
      .input(/Container name/, 'dfs-server')
      .pick(/How to run the container/, /^Detached/)
      .pick(/After the container exits/, /^Keep/);
    const result = await runCommand<{ build: BuildResult; run: RunResult }>(
      'dockerfileStudio.buildAndRun',
      prompts,
      dockerfile('server/Dockerfile'),
    );
    assert.equal(result.build.ok, true, result.build.output);
    assert.equal(prompts.prompt(/Build and Run \| Image to run/).proposed, 'dfs-server:1');
    assert.equal(prompts.prompt(/Published ports/).proposed, '127.0.0.1:8000-8002:8000-8002');
    assert.equal(result.run.exitCode, 0, result.run.output);
    assert.match(result.run.output ?? '', /^[0-9a-f]{64}\r?$/m, 'docker run -d prints the container id');
    assert.deepEqual(prompts.messages('info'), ['Built dfs-server:1.', 'Started container dfs-server from dfs-server:1.']);
    assert.equal((await containerState('dfs-server'))?.Running, true);

    for (let i = 0; i < 50 && !(await docker('logs', 'dfs-server')).stdout.includes('server started'); i++) await sleep(200);
    const logs = await runCommand<ActionResult>(
      'dockerfileStudio.showContainers',
      containers([/dfs-server — dfs-server:1/, /^\$\(output\) Logs/]),
    );
    assert.equal(logs.exitCode, 0);
    assert.match(logs.output ?? '', /^server started\r?$/m);
  });

  it('opens a shell in the running container', async () => {
    const prompts = containers([/dfs-server/, /Exec Shell/]);
    const running = runCommand<ActionResult>('dockerfileStudio.showContainers', prompts);
    const terminal = await terminalNamed('shell in dfs-server');
    await sleep(1500);
    terminal.sendText('test -f /bin/busybox && exit 4');
    assert.deepEqual(await running, { action: 'exec', target: 'dfs-server', exitCode: 4 });
    assert.deepEqual(prompts.asked[1]!.items, [
      '$(output) Logs — the last 1000 lines',
      '$(output) Follow Logs — in a terminal until you close it',
      '$(terminal) Exec Shell — sh inside the container',
      '$(debug-stop) Stop',
      '$(debug-restart) Restart',
      '$(trash) Remove',
    ]);
  });

  it('stops an attached run when its terminal is closed', async () => {
    await docker('rm', '--force', 'dfs-attached');
    const prompts = new ScriptedPrompts()
      .input(/Run Container \| Image to run/, 'dfs-server:1')
      .input(/Published ports/, '')
      .input(/Environment variable/, '')
      .input(/Container name/, 'dfs-attached')
      .pick(/How to run the container/, /^Attached/)
      .pick(/After the container exits/, /^Remove/);
    const running = runCommand<RunResult>('dockerfileStudio.runContainer', prompts, dockerfile('server/Dockerfile'));
    for (let i = 0; i < 100 && !(await containerState('dfs-attached'))?.Running; i++) await sleep(200);
    assert.equal((await containerState('dfs-attached'))?.Running, true);
    (await terminalNamed('docker run dfs-server:1')).dispose();
    const result = await running;
    assert.equal(result.cancelled, true);
    for (let i = 0; i < 100 && (await containerState('dfs-attached')) !== undefined; i++) await sleep(200);
    assert.equal(await containerState('dfs-attached'), undefined, 'the container got the signal, exited and was removed');
  });

  it('stops, restarts and removes the container', async () => {
    const stopped = await runCommand<ActionResult>('dockerfileStudio.showContainers', containers([/dfs-server/, /Stop/]));
    assert.equal(stopped.exitCode, 0, stopped.output);
    assert.deepEqual(await containerState('dfs-server').then((s) => s && [s.Running, s.ExitCode]), [false, 0]);

    const restarted = await runCommand<ActionResult>(
      'dockerfileStudio.showContainers',
      containers([/dfs-server/, /Restart — starts it again/]),
    );
    assert.equal(restarted.exitCode, 0, restarted.output);
    assert.equal((await containerState('dfs-server'))?.Running, true);

    const prompts = containers([/dfs-server/, /Remove/]).reply(/dfs-server is running\. Stop and remove it\?/, 'Remove');
    const removed = await runCommand<ActionResult>('dockerfileStudio.showContainers', prompts);
    assert.equal(removed.exitCode, 0, removed.output);
    assert.equal(prompts.shown.find((s) => s.modal)?.message, 'dfs-server is running. Stop and remove it?');
    assert.equal(await containerState('dfs-server'), undefined);
  });
});
