// The task provider: tasks.json entries of type dockerfile-build / dockerfile-run run for real,
// with ${...} variables resolved, and a failing task build marks the Dockerfile line.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { docker, dockerfile, imageExists, removeImage } from './dockerHelpers';
import { activeExtension } from '../extension/helpers';

async function runTask(label: string): Promise<void> {
  const tasks = await vscode.tasks.fetchTasks();
  const task = tasks.find((t) => t.name === label);
  assert.ok(task, `task "${label}" not found among ${JSON.stringify(tasks.map((t) => t.name))}`);
  const ended = new Promise<void>((resolve) => {
    const subscription = vscode.tasks.onDidEndTask((event) => {
      if (event.execution.task.name !== label) return;
      subscription.dispose();
      resolve();
    });
  });
  await vscode.tasks.executeTask(task);
  await ended;
}

describe('docker level: tasks', () => {
  before(async () => {
    await activeExtension();
    await removeImage('dfs-task:1');
    await docker('rm', '--force', 'dfs-task-run');
  });

  after(async () => {
    await docker('rm', '--force', 'dfs-task-run');
  });

  it('provides a build task per Dockerfile in the workspace', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'dockerfile-build' });
    const provided = tasks
      .filter((t) => t.source === 'Dockerfile')
      .map((t) => String(t.definition.dockerfile))
      .sort();
    assert.deepEqual(provided, [
      'broken/Dockerfile',
      'hello/Dockerfile',
      'pull/Dockerfile',
      'server/Dockerfile',
      'shell/Dockerfile',
      'stages/Dockerfile',
    ]);
  });

  it('runs a dockerfile-build task from tasks.json, then a dockerfile-run task', async () => {
    await runTask('build hello from tasks.json');
    assert.ok(await imageExists('dfs-task:1'));
    const folderName = vscode.workspace.workspaceFolders![0]!.name;
    assert.equal(
      (await docker('run', '--rm', '--network', 'none', 'dfs-task:1', 'cat', '/greeting')).stdout,
      `built by a task in ${folderName}\n`,
    );

    await runTask('run hello from tasks.json');
    const logs = await docker('logs', 'dfs-task-run');
    assert.equal(logs.stdout, `built by a task in ${folderName}\nMODE=task\n`);
  });

  it('marks the failing line when a task build fails', async () => {
    const broken = dockerfile('broken/Dockerfile');
    writeFileSync(broken.fsPath, 'FROM localbase:1.0\nRUN echo "step two works"\nRUN echo "this one fails" && exit 3\nCMD ["true"]\n');
    const marked = new Promise<vscode.Diagnostic[]>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        const found = vscode.languages.getDiagnostics(broken).filter((d) => d.source === 'docker build');
        if (found.length === 0) return;
        subscription.dispose();
        resolve(found);
      });
    });
    await runTask('broken build from tasks.json');
    const [diagnostic] = await marked;
    assert.equal(diagnostic!.range.start.line, 2);
    assert.match(diagnostic!.message, /returned a non-zero code: 3/);
  });
});
