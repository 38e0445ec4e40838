// What every Docker command shares: the runner, remembered answers, build diagnostics and the
// server's view of a Dockerfile. Created on first use, so activation does not pay for it.
import * as vscode from 'vscode';
import { BuildInfoRequest, type BuildInfo, type BuildInfoParams } from '../../../server/src/protocol';
import type { CommandContext } from '../commands';
import { DockerRunner } from '../docker/runner';
import { BuildDiagnostics } from './buildDiagnostics';
import { DockerMemory } from './memory';

export interface DockerServices {
  readonly runner: DockerRunner;
  readonly memory: DockerMemory;
  readonly diagnostics: BuildDiagnostics;
  readonly output: vscode.OutputChannel;
  /** Stages, ARGs, EXPOSE and base images of a Dockerfile, from the language server. */
  buildInfo(dockerfile: vscode.Uri, params?: Omit<BuildInfoParams, 'textDocument'>): Promise<BuildInfo>;
}

const SERVER_WAIT_MS = 10_000;

let services: DockerServices | undefined;

export function dockerServices(ctx: CommandContext): DockerServices {
  if (services) return services;
  const output = vscode.window.createOutputChannel('Dockerfile Studio: Docker');
  const runner = new DockerRunner(output);
  const diagnostics = new BuildDiagnostics();
  ctx.extension.subscriptions.push(output, runner, diagnostics, { dispose: () => (services = undefined) });
  services = {
    runner,
    memory: new DockerMemory(ctx.extension.workspaceState),
    diagnostics,
    output,
    buildInfo: (dockerfile, params = {}) => requestBuildInfo(ctx, dockerfile, params),
  };
  return services;
}

async function requestBuildInfo(
  ctx: CommandContext,
  dockerfile: vscode.Uri,
  params: Omit<BuildInfoParams, 'textDocument'>,
): Promise<BuildInfo> {
  // The server answers for open documents; opening one (without an editor) sends it there.
  await vscode.workspace.openTextDocument(dockerfile);
  const deadline = Date.now() + SERVER_WAIT_MS;
  for (;;) {
    const client = ctx.client();
    if (client.isRunning()) {
      const info = await client.sendRequest<BuildInfo | null>(BuildInfoRequest.method, {
        textDocument: { uri: dockerfile.toString() },
        ...params,
      });
      if (info) return info;
    }
    // Null means the server has not seen the document's didOpen yet, or is still starting.
    if (Date.now() > deadline)
      throw new Error(`The Dockerfile language server did not answer for ${vscode.workspace.asRelativePath(dockerfile)}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
