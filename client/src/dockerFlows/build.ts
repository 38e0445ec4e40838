// Build Image: ask (or recall) the image name, context, target and build args, run `docker build`
// as a task with progress, and on failure put the error on the Dockerfile line it names.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildInfo } from '../../../server/src/protocol';
import { buildArgv, validatePlatform } from '../docker/argv';
import { findBuildError } from '../docker/buildErrors';
import { suggestRepositoryName, validateImageRef } from '../docker/imageRef';
import type { CapturedRun } from '../docker/runner';
import { looksSecret } from '../docker/secretNames';
import { prompts } from '../prompts';
import { showFailure } from './errors';
import { folderOf, saveIfDirty } from './pickDockerfile';
import type { DockerServices } from './services';

export interface BuildRequest {
  readonly dockerfile: vscode.Uri;
  readonly image: string;
  readonly context: string;
  readonly target?: string;
  readonly buildArgs: [string, string][];
  readonly platform?: string;
  readonly noCache?: boolean;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly image: string;
  readonly exitCode: number;
  readonly cancelled: boolean;
  readonly output: string;
  readonly commandLine: string;
  /** The diagnostic put on the failing line, if the output named one. */
  readonly diagnostic?: { line: number; message: string };
}

/** Asks what to build. `withOptions` adds context, target, platform and cache questions. */
export async function askBuild(services: DockerServices, dockerfile: vscode.Uri, withOptions: boolean): Promise<BuildRequest | undefined> {
  const memory = services.memory.get(dockerfile);
  const title = withOptions ? 'Build Image with Options' : 'Build Image';
  const image = await prompts().showInputBox({
    title,
    prompt: 'Image name and tag (name:tag)',
    value: memory.image ?? defaultImageName(dockerfile),
    validateInput: (value) => validateImageRef(value),
    ignoreFocusOut: true,
  });
  if (image === undefined) return undefined;

  let context = memory.context ?? path.dirname(dockerfile.fsPath);
  let target = memory.target;
  let platform = memory.platform;
  let noCache = memory.noCache;
  if (withOptions) {
    const pickedContext = await askContext(dockerfile, context, title);
    if (pickedContext === undefined) return undefined;
    context = pickedContext;
    const info = await services.buildInfo(dockerfile);
    const pickedTarget = await askTarget(info, target, title);
    if (pickedTarget === undefined) return undefined;
    target = pickedTarget || undefined;
    const pickedPlatform = await prompts().showInputBox({
      title,
      prompt: "Platform (os/arch), or empty for the daemon's own",
      placeHolder: 'linux/amd64',
      value: platform ?? '',
      validateInput: (value) => (value.trim() === '' ? undefined : validatePlatform(value.trim())),
      ignoreFocusOut: true,
    });
    if (pickedPlatform === undefined) return undefined;
    platform = pickedPlatform.trim() || undefined;
    const cache = await prompts().showQuickPick(
      [
        { label: 'Use the build cache', noCache: false, picked: !noCache },
        { label: 'Build without cache', description: '--no-cache', noCache: true, picked: !!noCache },
      ],
      { title, placeHolder: 'Build cache' },
    );
    if (cache === undefined) return undefined;
    noCache = cache.noCache;
  }

  const buildArgs = await askBuildArgs(services, dockerfile, target, title);
  if (buildArgs === undefined) return undefined;
  return { dockerfile, image: image.trim(), context, target, buildArgs, platform, noCache };
}

/** Runs the build; remembers the answers when it succeeds. */
export async function runBuild(services: DockerServices, request: BuildRequest): Promise<BuildResult> {
  const { dockerfile } = request;
  services.diagnostics.clear(dockerfile);
  await saveIfDirty(dockerfile);
  const extraArgs = vscode.workspace.getConfiguration('dockerfileStudio', dockerfile).get<string[]>('build.extraArgs', []);
  const argv = buildArgv({
    dockerfile: dockerfile.fsPath,
    context: request.context,
    tags: [request.image],
    target: request.target,
    buildArgs: request.buildArgs,
    platform: request.platform,
    noCache: request.noCache,
    extraArgs,
  });
  await services.runner.ensureAvailable(dockerfile);
  // The step numbers in the output refer to the file as it is now.
  const info = await services.buildInfo(dockerfile, { target: request.target });
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Building ${request.image}`, cancellable: true },
    (progress, token) => {
      let reported = 0;
      return services.runner.runCaptured({
        title: `docker build ${request.image}`,
        argv,
        scope: folderOf(dockerfile),
        cwd: request.context,
        definition: {
          type: 'dockerfile-build',
          dockerfile: dockerfile.fsPath,
          context: request.context,
          tag: request.image,
          ...(request.target ? { target: request.target } : {}),
        },
        token,
        onLine: (line) => {
          const step = /^Step (\d+)\/(\d+) : (.*)$/.exec(line);
          if (!step) return;
          const percent = (100 * (Number(step[1]) - 1)) / Number(step[2]);
          progress.report({ message: `Step ${step[1]}/${step[2]}: ${step[3]}`, increment: percent - reported });
          reported = percent;
        },
      });
    },
  );
  return finishBuild(services, request, info, run);
}

async function finishBuild(services: DockerServices, request: BuildRequest, info: BuildInfo, run: CapturedRun): Promise<BuildResult> {
  const result = {
    image: request.image,
    exitCode: run.exitCode,
    cancelled: run.cancelled,
    output: run.output,
    commandLine: run.commandLine,
  };
  if (run.cancelled) {
    void prompts().showInformationMessage(`The build of ${request.image} was cancelled.`);
    return { ...result, ok: false };
  }
  if (run.exitCode === 0) {
    await services.memory.update(request.dockerfile, {
      image: request.image,
      lastBuiltImage: request.image,
      context: request.context,
      target: request.target,
      platform: request.platform,
      noCache: request.noCache,
      buildArgs: request.buildArgs,
    });
    void prompts().showInformationMessage(`Built ${request.image}.`);
    return { ...result, ok: true };
  }
  const error = findBuildError(run.output, info.instructions, path.basename(request.dockerfile.fsPath));
  if (!error) {
    void showFailure(services, `The build of ${request.image} failed (exit code ${run.exitCode}). The output says why.`);
    return { ...result, ok: false };
  }
  const document = await vscode.workspace.openTextDocument(request.dockerfile);
  const lines = document.getText().split(/\r?\n/);
  const diagnostic = services.diagnostics.set(request.dockerfile, error, lines);
  const line = diagnostic.range.start.line;
  void showFailure(services, `The build of ${request.image} failed at line ${line + 1}: ${error.message}`, 'Go to Line').then(
    async (choice) => {
      if (choice !== 'Go to Line') return;
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
      editor.revealRange(diagnostic.range);
    },
  );
  return { ...result, ok: false, diagnostic: { line, message: error.message } };
}

export function defaultImageName(dockerfile: vscode.Uri): string {
  const folder = path.dirname(dockerfile.fsPath);
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(dockerfile);
  const name = folder === workspaceFolder?.uri.fsPath ? workspaceFolder.name : path.basename(folder);
  return `${suggestRepositoryName(name)}:latest`;
}

async function askContext(dockerfile: vscode.Uri, current: string, title: string): Promise<string | undefined> {
  const dockerfileFolder = path.dirname(dockerfile.fsPath);
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri.fsPath;
  const choices = [current, dockerfileFolder, workspaceFolder].filter((p, i, all): p is string => !!p && all.indexOf(p) === i);
  const items: (vscode.QuickPickItem & { folder?: string })[] = choices.map((folder) => ({
    label: vscode.workspace.asRelativePath(folder, true) || folder,
    description: [
      folder === dockerfileFolder ? "the Dockerfile's folder" : folder === workspaceFolder ? 'the workspace folder' : 'chosen before',
      folder === current ? 'current' : '',
    ]
      .filter(Boolean)
      .join(', '),
    detail: folder,
    folder,
  }));
  items.push({ label: 'Choose a folder…' });
  const picked = await prompts().showQuickPick(items, { title, placeHolder: 'Build context (the files COPY and ADD can see)' });
  if (!picked) return undefined;
  if (picked.folder) return picked.folder;
  const chosen = await prompts().showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.Uri.file(current),
    openLabel: 'Use as build context',
  });
  return chosen?.[0]?.fsPath;
}

/** Resolves to the stage name, '' for the last stage, undefined when cancelled. */
async function askTarget(info: BuildInfo, current: string | undefined, title: string): Promise<string | undefined> {
  const named = info.stages.filter((stage) => stage.name !== null);
  if (named.length === 0) return '';
  const last = info.stages[info.stages.length - 1];
  const items: (vscode.QuickPickItem & { target: string })[] = [
    { label: '$(layers) Last stage', description: last?.name ?? last?.image ?? '', target: '' },
    ...named.map((stage) => ({
      label: stage.name!,
      description: `FROM ${stage.image}`,
      detail: `line ${stage.line + 1}`,
      target: stage.name!,
      picked: stage.name === current,
    })),
  ];
  const picked = await prompts().showQuickPick(items, { title, placeHolder: 'Target stage (--target)' });
  return picked?.target;
}

/** Asks a value for each ARG without a default; secret-looking ones are masked and never remembered. */
async function askBuildArgs(
  services: DockerServices,
  dockerfile: vscode.Uri,
  target: string | undefined,
  title: string,
): Promise<[string, string][] | undefined> {
  const info = await services.buildInfo(dockerfile, { target });
  const remembered = new Map(services.memory.get(dockerfile).buildArgs ?? []);
  const values: [string, string][] = [];
  for (const arg of info.argsWithoutDefault) {
    const secret = looksSecret(arg.name);
    const value = await prompts().showInputBox({
      title,
      prompt: `Value for build argument ${arg.name} (line ${arg.line + 1} has no default; leave empty to leave it unset)`,
      value: secret ? '' : (remembered.get(arg.name) ?? ''),
      password: secret,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    if (value !== '') values.push([arg.name, value]);
  }
  return values;
}
