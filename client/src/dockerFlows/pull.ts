// Pull Base Images: the external images named in FROM lines (from the server, variables
// resolved), pulled one after the other with progress.
import * as vscode from 'vscode';
import { pullArgv } from '../docker/argv';
import { prompts } from '../prompts';
import { showFailure } from './errors';
import { folderOf } from './pickDockerfile';
import type { DockerServices } from './services';

export interface PullResult {
  readonly image: string;
  readonly exitCode: number;
  readonly output: string;
}

export async function pullBaseImages(services: DockerServices, dockerfile: vscode.Uri): Promise<PullResult[] | undefined> {
  const memory = services.memory.get(dockerfile);
  const info = await services.buildInfo(dockerfile, { buildArgs: Object.fromEntries(memory.buildArgs ?? []) });
  const unresolved = info.baseImages.filter((image) => image.value === null);
  const images = info.baseImages.map((image) => image.value).filter((image): image is string => image !== null);
  if (unresolved.length > 0) {
    const which = unresolved
      .map((image) => `FROM ${image.text} (line ${image.line + 1}: ${image.unresolved.map((n) => `$${n}`).join(', ')} unknown)`)
      .join('; ');
    void prompts().showWarningMessage(`Some base images depend on build arguments without a value and are skipped: ${which}.`, {});
  }
  if (images.length === 0) {
    if (unresolved.length === 0)
      void prompts().showInformationMessage('This Dockerfile names no base image to pull (only scratch or its own stages).');
    return [];
  }
  await services.runner.ensureAvailable(dockerfile);
  const results: PullResult[] = [];
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Pulling base images', cancellable: true },
    async (progress, token) => {
      for (const [index, image] of images.entries()) {
        if (token.isCancellationRequested) return true;
        progress.report({ message: `${image} (${index + 1}/${images.length})`, increment: index === 0 ? 0 : 100 / images.length });
        const run = await services.runner.runCaptured({
          title: `docker pull ${image}`,
          argv: pullArgv(image),
          scope: folderOf(dockerfile),
          token,
        });
        results.push({ image, exitCode: run.exitCode, output: run.output });
        if (run.cancelled) return true;
      }
      return false;
    },
  );
  const failed = results.filter((result) => result.exitCode !== 0);
  if (cancelled) void prompts().showInformationMessage('Pulling base images was cancelled.');
  else if (failed.length > 0) void showFailure(services, `Could not pull ${failed.map((f) => f.image).join(', ')}.`);
  else void prompts().showInformationMessage(`Pulled ${images.join(', ')}.`);
  return results;
}
