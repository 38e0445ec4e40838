// Push Image: make sure the tag names a registry (ask once, remember), offer a semver bump, tag,
// push; when the registry says "denied" or "unauthorized", offer `docker login` and retry.
import * as vscode from 'vscode';
import { loginArgv, pushArgv, tagArgv } from '../docker/argv';
import {
  bumpSemverTag,
  formatImageRef,
  isSemverTag,
  parseImageRef,
  validateImageRef,
  validateRegistry,
  withRegistry,
  type ImageRef,
  type SemverPart,
} from '../docker/imageRef';
import type { CapturedRun } from '../docker/runner';
import { prompts } from '../prompts';
import { showFailure, UserError } from './errors';
import { folderOf } from './pickDockerfile';
import type { DockerServices } from './services';

export interface PushResult {
  readonly ok: boolean;
  /** The reference that was pushed, registry included. */
  readonly pushed: string;
  readonly exitCode: number;
  readonly output: string;
  readonly loggedIn: boolean;
}

const DOCKER_HUB = 'docker.io';
const AUTH_FAILURE = /\b(denied|unauthorized|authentication required|no basic auth credentials|access to the resource is denied)\b/i;

export async function askImageToPush(
  services: DockerServices,
  dockerfile: vscode.Uri | undefined,
  preset: string | undefined,
  title: string,
): Promise<string | undefined> {
  const memory = dockerfile ? services.memory.get(dockerfile) : {};
  const image = await prompts().showInputBox({
    title,
    prompt: 'Image to push (name:tag)',
    value: preset ?? memory.lastBuiltImage ?? memory.image ?? '',
    validateInput: (value) => validateImageRef(value),
    ignoreFocusOut: true,
  });
  return image?.trim();
}

export async function pushImage(
  services: DockerServices,
  image: string,
  dockerfile: vscode.Uri | undefined,
  title: string,
): Promise<PushResult | undefined> {
  const parsed = parseImageRef(image);
  if (!parsed.ok) throw new UserError(`Image "${image}": ${parsed.message}`);
  let target: ImageRef = parsed.ref;
  if (target.domain === undefined) {
    const registry = await askRegistry(services, title);
    if (registry === undefined) return undefined;
    target = withRegistry(target, registry);
  }
  let bumped: string | undefined;
  if (isSemverTag(target.tag)) {
    const part = await askBump(target.tag!, title);
    if (part === undefined) return undefined;
    if (part !== 'keep') {
      bumped = bumpSemverTag(target.tag!, part);
      target = { ...target, tag: bumped };
    }
  }
  const reference = formatImageRef(target);
  const scope = dockerfile ? folderOf(dockerfile) : undefined;
  await services.runner.ensureAvailable(dockerfile);
  if (reference !== image) {
    await services.runner.query(tagArgv(image, reference), dockerfile);
    services.output.appendLine(`Tagged ${image} as ${reference}.`);
  }

  let loggedIn = false;
  let run = await pushOnce(services, reference, scope);
  if (!run.cancelled && run.exitCode !== 0 && AUTH_FAILURE.test(run.output)) {
    const registry = target.domain ?? DOCKER_HUB;
    const choice = await prompts().showWarningMessage(
      `${registry} refused the push of ${reference}: ${authLine(run.output)}. Log in to ${registry} and try again?`,
      {},
      'Log In',
    );
    if (choice === 'Log In') {
      const login = await services.runner.runInTerminal({
        title: `docker login ${registry}`,
        argv: loginArgv(registry === DOCKER_HUB ? undefined : registry),
        scope,
      });
      loggedIn = login.exitCode === 0;
      if (loggedIn) run = await pushOnce(services, reference, scope);
      else
        void showFailure(
          services,
          `docker login ${registry} did not succeed (exit code ${login.exitCode ?? 'unknown'}), so ${reference} was not pushed.`,
        );
    }
  }

  const result: PushResult = {
    ok: run.exitCode === 0 && !run.cancelled,
    pushed: reference,
    exitCode: run.exitCode,
    output: run.output,
    loggedIn,
  };
  if (result.ok) {
    if (target.domain) await services.memory.rememberRegistry(registryOf(target));
    if (dockerfile && bumped) {
      // The next build produces the new version under the local name.
      await services.memory.update(dockerfile, { image: formatImageRef({ ...parsed.ref, tag: bumped }) });
    }
    void prompts().showInformationMessage(`Pushed ${reference}.`);
  } else if (run.cancelled) {
    void prompts().showInformationMessage(`The push of ${reference} was cancelled.`);
  } else if (!AUTH_FAILURE.test(run.output) || loggedIn) {
    void showFailure(services, `The push of ${reference} failed: ${lastLine(run.output) || `exit code ${run.exitCode}`}`);
  }
  return result;
}

function pushOnce(services: DockerServices, reference: string, scope: vscode.WorkspaceFolder | undefined): Thenable<CapturedRun> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Pushing ${reference}`, cancellable: true },
    (_progress, token) => services.runner.runCaptured({ title: `docker push ${reference}`, argv: pushArgv(reference), scope, token }),
  );
}

async function askRegistry(services: DockerServices, title: string): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { registry?: string })[] = [
    ...services.memory.registries().map((registry) => ({ label: registry, description: 'used before', registry })),
    { label: 'Docker Hub', description: 'docker.io/<your user name>' },
    { label: 'Enter a registry…', description: 'host[:port][/namespace], e.g. ghcr.io/team or 127.0.0.1:5000' },
  ];
  const picked = await prompts().showQuickPick(items, { title, placeHolder: 'The tag names no registry. Push to which registry?' });
  if (!picked) return undefined;
  if (picked.registry) return picked.registry;
  if (picked.label === 'Docker Hub') {
    const user = await prompts().showInputBox({
      title,
      prompt: 'Docker Hub user or organisation name',
      validateInput: (value) => validateRegistry(`${DOCKER_HUB}/${value.trim()}`),
      ignoreFocusOut: true,
    });
    return user === undefined ? undefined : `${DOCKER_HUB}/${user.trim()}`;
  }
  const entered = await prompts().showInputBox({
    title,
    prompt: 'Registry (host[:port][/namespace])',
    placeHolder: 'ghcr.io/team',
    validateInput: (value) => validateRegistry(value),
    ignoreFocusOut: true,
  });
  return entered
    ?.trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '');
}

async function askBump(tag: string, title: string): Promise<SemverPart | 'keep' | undefined> {
  const items: (vscode.QuickPickItem & { part: SemverPart | 'keep' })[] = [
    { label: `Keep ${tag}`, part: 'keep' },
    ...(['patch', 'minor', 'major'] as const).map((part) => ({ label: `Bump ${part}: ${bumpSemverTag(tag, part)}`, part })),
  ];
  const picked = await prompts().showQuickPick(items, { title, placeHolder: `The tag ${tag} is a version. Push it as is, or bump it?` });
  return picked?.part;
}

function registryOf(ref: ImageRef): string {
  const namespace = ref.path.split('/').slice(0, -1).join('/');
  return ref.domain === DOCKER_HUB && namespace ? `${ref.domain}/${namespace}` : ref.domain!;
}

function authLine(output: string): string {
  return (
    output
      .split(/\r?\n/)
      .reverse()
      .find((line) => AUTH_FAILURE.test(line))
      ?.trim() ?? 'access denied'
  );
}

function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return lines[lines.length - 1]?.trim() ?? '';
}
