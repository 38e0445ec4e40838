// Run Container: propose the image just built, -p mappings from EXPOSE, environment, a name,
// --rm and the mode, then run it: attached (output in the terminal panel), detached, or with -it.
import * as vscode from 'vscode';
import { runArgv, validateContainerName, validatePortMapping, validateVariableName, type RunMode } from '../docker/argv';
import { validateImageOrId } from '../docker/imageRef';
import { proposePortMappings } from '../docker/ports';
import { looksSecret } from '../docker/secretNames';
import { prompts } from '../prompts';
import { showFailure } from './errors';
import { folderOf } from './pickDockerfile';
import type { DockerServices } from './services';

export interface RunRequest {
  readonly image: string;
  readonly ports: string[];
  readonly env: [string, string][];
  readonly name?: string;
  readonly rm: boolean;
  readonly mode: RunMode;
  /** The Dockerfile the image came from, whose answers are remembered. */
  readonly dockerfile?: vscode.Uri;
}

export interface RunResult {
  readonly image: string;
  readonly mode: RunMode;
  readonly exitCode: number | undefined;
  /** What an attached or detached run printed (a detached run prints the container id). */
  readonly output?: string;
  readonly commandLine?: string;
  readonly cancelled?: boolean;
}

export interface AskRunOptions {
  readonly dockerfile?: vscode.Uri;
  /** Preselected image (from Build and Run, or the Images list). */
  readonly image?: string;
  readonly interactive?: boolean;
  /** Build args used for the image, so EXPOSE $PORT resolves as the build did. */
  readonly buildArgs?: [string, string][];
  readonly title: string;
}

export async function askRun(services: DockerServices, options: AskRunOptions): Promise<RunRequest | undefined> {
  const { dockerfile, title } = options;
  const memory = dockerfile ? services.memory.get(dockerfile) : {};
  const remembered = memory.run ?? {};
  const image = await prompts().showInputBox({
    title,
    prompt: 'Image to run',
    value: options.image ?? memory.lastBuiltImage ?? memory.image ?? '',
    validateInput: (value) => validateImageOrId(value.trim()),
    ignoreFocusOut: true,
  });
  if (image === undefined) return undefined;

  let proposed: string[] = [];
  let problems: string[] = [];
  if (dockerfile) {
    const info = await services.buildInfo(dockerfile, {
      target: memory.target,
      buildArgs: Object.fromEntries(options.buildArgs ?? memory.buildArgs ?? []),
    });
    const hostAddress = vscode.workspace
      .getConfiguration('dockerfileStudio', dockerfile)
      .get<string>('run.publishAddress', '127.0.0.1')
      .trim();
    ({ mappings: proposed, problems } = proposePortMappings(info.exposedPorts, { hostAddress: hostAddress || undefined }));
  }
  const portsText = await prompts().showInputBox({
    title,
    prompt: `Published ports (-p), separated by spaces${problems.length > 0 ? `. ${problems.join(' ')}` : ''}`,
    placeHolder: 'e.g. 127.0.0.1:8080:80',
    value: (remembered.ports ?? proposed).join(' '),
    validateInput: (value) =>
      splitList(value)
        .map(validatePortMapping)
        .find((problem) => problem !== undefined),
    ignoreFocusOut: true,
  });
  if (portsText === undefined) return undefined;

  const env = await askEnvironment(title, remembered.env ?? []);
  if (env === undefined) return undefined;

  const name = await prompts().showInputBox({
    title,
    prompt: 'Container name (--name), or empty to let Docker choose',
    value: remembered.name ?? '',
    validateInput: (value) => validateContainerName(value.trim()),
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;

  let mode: RunMode = 'interactive';
  if (!options.interactive) {
    const picked = await prompts().showQuickPick(
      [
        {
          label: 'Attached',
          description: 'output in the terminal panel; cancel to stop',
          mode: 'attached' as const,
          picked: remembered.mode !== 'detached',
        },
        { label: 'Detached', description: '-d: runs in the background', mode: 'detached' as const, picked: remembered.mode === 'detached' },
      ],
      { title, placeHolder: 'How to run the container' },
    );
    if (!picked) return undefined;
    mode = picked.mode;
  }

  const rmDefault = remembered.rm ?? true;
  const rmItems = [
    { label: 'Remove the container when it exits', description: '--rm', rm: true },
    { label: 'Keep the container after it exits', description: 'for docker logs / docker start later', rm: false },
  ];
  const rmPicked = await prompts().showQuickPick(rmDefault ? rmItems : [...rmItems].reverse(), {
    title,
    placeHolder: 'After the container exits',
  });
  if (!rmPicked) return undefined;

  return {
    image: image.trim(),
    ports: splitList(portsText),
    env,
    name: name.trim() || undefined,
    rm: rmPicked.rm,
    mode,
    dockerfile,
  };
}

export async function runContainer(services: DockerServices, request: RunRequest): Promise<RunResult> {
  const scopeUri = request.dockerfile;
  const extraArgs = vscode.workspace.getConfiguration('dockerfileStudio', scopeUri).get<string[]>('run.extraArgs', []);
  const argv = runArgv({
    image: request.image,
    ports: request.ports,
    env: request.env,
    name: request.name,
    rm: request.rm,
    mode: request.mode,
    extraArgs,
  });
  await services.runner.ensureAvailable(scopeUri);
  if (request.dockerfile) {
    await services.memory.update(request.dockerfile, {
      run: {
        ports: request.ports,
        env: request.env,
        name: request.name,
        rm: request.rm,
        ...(request.mode !== 'interactive' ? { mode: request.mode } : {}),
      },
    });
  }
  const scope = scopeUri ? folderOf(scopeUri) : undefined;
  const definition = { type: 'dockerfile-run', image: request.image, ...(request.name ? { name: request.name } : {}), mode: request.mode };
  const title = `docker run ${request.image}`;

  if (request.mode === 'interactive') {
    const { exitCode } = await services.runner.runInTerminal({ title, argv, scope, definition });
    return { image: request.image, mode: request.mode, exitCode };
  }

  const run = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: request.mode === 'attached' ? `Running ${request.image} (cancel to stop it)` : `Starting ${request.image}`,
      cancellable: true,
    },
    (_progress, token) => services.runner.runCaptured({ title, argv, scope, definition, token }),
  );
  const result: RunResult = {
    image: request.image,
    mode: request.mode,
    exitCode: run.exitCode,
    output: run.output,
    commandLine: run.commandLine,
    cancelled: run.cancelled,
  };
  if (run.cancelled) return result;
  if (run.exitCode !== 0 && (request.mode === 'detached' || run.exitCode === 125)) {
    // 125 is docker's own failure (bad option, port in use), not the container's exit code.
    void showFailure(services, `docker run ${request.image} failed: ${lastLine(run.output) || `exit code ${run.exitCode}`}`);
  } else if (request.mode === 'detached') {
    const id = lastLine(run.output).slice(0, 12);
    void prompts().showInformationMessage(`Started container ${request.name ?? id} from ${request.image}.`);
  } else if (run.exitCode !== 0) {
    void prompts().showWarningMessage(`The container from ${request.image} exited with code ${run.exitCode}.`, {});
  }
  return result;
}

async function askEnvironment(title: string, remembered: readonly [string, string][]): Promise<[string, string][] | undefined> {
  const env: [string, string][] = [];
  const queue = [...remembered];
  for (;;) {
    const next = queue.shift();
    const entry = await prompts().showInputBox({
      title,
      prompt: `Environment variable NAME=value (-e)${env.length > 0 ? `, ${env.length} so far` : ''}; leave empty to continue`,
      placeHolder: 'NAME=value',
      value: next ? `${next[0]}=${next[1]}` : '',
      password: next ? looksSecret(next[0]) : false,
      validateInput: (value) => {
        if (value === '') return undefined;
        const equals = value.indexOf('=');
        if (equals < 0) return 'Write NAME=value.';
        return validateVariableName(value.slice(0, equals));
      },
      ignoreFocusOut: true,
    });
    if (entry === undefined) return undefined;
    if (entry === '') return env;
    const equals = entry.indexOf('=');
    env.push([entry.slice(0, equals), entry.slice(equals + 1)]);
  }
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((item) => item !== '');
}

function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return lines[lines.length - 1]?.trim() ?? '';
}
