// The Containers and Images quick picks: `docker ps -a` / `docker images`, then an action on
// the picked row.
import * as vscode from 'vscode';
import {
  execShellArgv,
  imagesArgv,
  logsArgv,
  psArgv,
  removeContainerArgv,
  removeImageArgv,
  restartArgv,
  stopArgv,
  tagArgv,
} from '../docker/argv';
import { validateImageRef } from '../docker/imageRef';
import { prompts } from '../prompts';
import { showFailure } from './errors';
import type { DockerServices } from './services';

export interface ContainerRow {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly running: boolean;
  readonly status: string;
  readonly ports: string;
}

export interface ImageRow {
  readonly id: string;
  /** `repository:tag`, or the id for an untagged image. */
  readonly reference: string;
  readonly created: string;
  readonly size: string;
}

export interface ActionResult {
  readonly action: string;
  readonly target: string;
  readonly exitCode?: number;
  readonly output?: string;
}

export async function listContainers(services: DockerServices): Promise<ContainerRow[]> {
  await services.runner.ensureAvailable();
  return jsonLines(await services.runner.query(psArgv())).map((row) => {
    const state = String(row.State ?? '').toLowerCase();
    const status = String(row.Status ?? '');
    return {
      id: String(row.ID ?? ''),
      name: String(row.Names ?? '').split(',')[0] ?? '',
      image: String(row.Image ?? ''),
      running: state ? state === 'running' : /^Up\b/.test(status),
      status,
      ports: String(row.Ports ?? ''),
    };
  });
}

export async function listImages(services: DockerServices): Promise<ImageRow[]> {
  await services.runner.ensureAvailable();
  return jsonLines(await services.runner.query(imagesArgv())).map((row) => {
    const repository = String(row.Repository ?? '<none>');
    const tag = String(row.Tag ?? '<none>');
    const id = String(row.ID ?? '').replace(/^sha256:/, '');
    return {
      id,
      reference: repository === '<none>' ? id : tag === '<none>' ? repository : `${repository}:${tag}`,
      created: String(row.CreatedSince ?? ''),
      size: String(row.Size ?? ''),
    };
  });
}

export async function containersQuickPick(services: DockerServices): Promise<ActionResult | undefined> {
  const title = 'Containers';
  const containers = await listContainers(services);
  if (containers.length === 0) {
    void prompts().showInformationMessage('There are no containers, running or stopped.');
    return undefined;
  }
  const picked = await prompts().showQuickPick(
    containers.map((c) => ({
      label: `${c.running ? '$(vm-running)' : '$(vm-outline)'} ${c.name}`,
      description: c.image,
      detail: [c.status, c.ports].filter(Boolean).join(' · '),
      container: c,
    })),
    { title, placeHolder: 'Pick a container', matchOnDescription: true },
  );
  if (!picked) return undefined;
  const c = picked.container;
  type Action = 'logs' | 'follow' | 'exec' | 'stop' | 'restart' | 'remove';
  const actions: (vscode.QuickPickItem & { action: Action })[] = [
    { label: '$(output) Logs', description: 'the last 1000 lines', action: 'logs' },
    ...(c.running ? [{ label: '$(output) Follow Logs', description: 'in a terminal until you close it', action: 'follow' as const }] : []),
    ...(c.running ? [{ label: '$(terminal) Exec Shell', description: 'sh inside the container', action: 'exec' as const }] : []),
    ...(c.running ? [{ label: '$(debug-stop) Stop', action: 'stop' as const }] : []),
    {
      label: c.running ? '$(debug-restart) Restart' : '$(debug-start) Restart',
      description: c.running ? '' : 'starts it again',
      action: 'restart',
    },
    { label: '$(trash) Remove', action: 'remove' },
  ];
  const action = await prompts().showQuickPick(actions, { title: `${title}: ${c.name}`, placeHolder: 'What to do with the container' });
  if (!action) return undefined;
  const target = c.name || c.id;
  switch (action.action) {
    case 'logs':
      return captured(services, 'logs', target, logsArgv(target, { tail: 1000 }), `Logs of ${target}`);
    case 'follow':
      // Following never ends by itself, so the command does not wait for it.
      void services.runner.runInTerminal({ title: `logs of ${target}`, argv: logsArgv(target, { follow: true, tail: 100 }) });
      return { action: 'follow', target };
    case 'exec': {
      const { exitCode } = await services.runner.runInTerminal({ title: `shell in ${target}`, argv: execShellArgv(target) });
      return { action: 'exec', target, exitCode };
    }
    case 'stop':
      return captured(services, 'stop', target, stopArgv(target), `Stopping ${target}`);
    case 'restart':
      return captured(services, 'restart', target, restartArgv(target), `Restarting ${target}`);
    case 'remove': {
      if (c.running) {
        const choice = await prompts().showWarningMessage(`${target} is running. Stop and remove it?`, { modal: true }, 'Remove');
        if (choice !== 'Remove') return undefined;
      }
      return captured(services, 'remove', target, removeContainerArgv(target, c.running), `Removing ${target}`);
    }
  }
}

export async function imagesQuickPick(
  services: DockerServices,
  run: (image: string) => Promise<unknown>,
  push: (image: string) => Promise<unknown>,
): Promise<ActionResult | unknown> {
  const title = 'Images';
  const images = await listImages(services);
  if (images.length === 0) {
    void prompts().showInformationMessage('There are no images.');
    return undefined;
  }
  const picked = await prompts().showQuickPick(
    images.map((image) => ({
      label: image.reference,
      description: image.id.slice(0, 12),
      detail: [image.created, image.size].filter(Boolean).join(' · '),
      image,
    })),
    { title, placeHolder: 'Pick an image', matchOnDescription: true },
  );
  if (!picked) return undefined;
  const image = picked.image;
  const action = await prompts().showQuickPick(
    [
      { label: '$(play) Run', action: 'run' as const },
      { label: '$(tag) Tag', action: 'tag' as const },
      { label: '$(cloud-upload) Push', action: 'push' as const },
      { label: '$(trash) Remove', action: 'remove' as const },
    ],
    { title: `${title}: ${image.reference}`, placeHolder: 'What to do with the image' },
  );
  if (!action) return undefined;
  switch (action.action) {
    case 'run':
      return run(image.reference);
    case 'push':
      return push(image.reference);
    case 'tag':
      return tagImage(services, image.reference, undefined);
    case 'remove': {
      const choice = await prompts().showWarningMessage(`Remove the image ${image.reference}?`, { modal: true }, 'Remove');
      if (choice !== 'Remove') return undefined;
      return captured(services, 'remove', image.reference, removeImageArgv(image.reference), `Removing ${image.reference}`);
    }
  }
}

/** Tags `source` with a name the user types; returns the new reference. */
export async function tagImage(services: DockerServices, source: string, scope: vscode.Uri | undefined): Promise<ActionResult | undefined> {
  const target = await prompts().showInputBox({
    title: `Tag ${source}`,
    prompt: 'New name and tag, e.g. registry.example.com/team/app:1.0',
    value: source.includes(':') || source.includes('/') ? source : '',
    validateInput: (value) => validateImageRef(value),
    ignoreFocusOut: true,
  });
  if (target === undefined) return undefined;
  await services.runner.ensureAvailable(scope);
  await services.runner.query(tagArgv(source, target.trim()), scope);
  services.output.appendLine(`Tagged ${source} as ${target.trim()}.`);
  void prompts().showInformationMessage(`Tagged ${source} as ${target.trim()}.`);
  return { action: 'tag', target: target.trim(), exitCode: 0 };
}

async function captured(services: DockerServices, action: string, target: string, argv: string[], title: string): Promise<ActionResult> {
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (_progress, token) => services.runner.runCaptured({ title: `docker ${argv[0]} ${target}`, argv, token }),
  );
  if (run.exitCode !== 0 && !run.cancelled)
    void showFailure(services, `docker ${argv[0]} ${target} failed: ${run.output.trim().split('\n').pop() ?? ''}`);
  return { action, target, exitCode: run.exitCode, output: run.output };
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
