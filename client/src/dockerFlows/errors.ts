// How a Docker command fails in front of the user: one error message that says what to do, with
// buttons for the output and the settings. Untrusted workspaces get an explanation instead.
import * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from '../commands';
import { ArgvError } from '../docker/argv';
import { DockerCommandError, DockerUnavailableError } from '../docker/runner';
import { prompts } from '../prompts';
import { dockerServices, type DockerServices } from './services';

/** A problem the user can fix, said in their words; shown without "Show Output". */
export class UserError extends Error {}

export const UNTRUSTED_MESSAGE =
  'Dockerfile Studio runs Docker only in trusted workspaces, because a build runs the commands in the Dockerfile. Trust this workspace to build, run and push images.';

const SHOW_OUTPUT = 'Show Output';
const OPEN_SETTINGS = 'Open Settings';
const INSTALL_DOCKER = 'Install Docker';

export type DockerCommand = (services: DockerServices, ctx: CommandContext, ...args: unknown[]) => Promise<unknown>;

/** Wraps a Docker command: trust check first, every failure turned into a clear message. */
export function dockerCommand(run: DockerCommand): CommandHandler {
  return async (ctx, ...args) => {
    if (!vscode.workspace.isTrusted) {
      void prompts()
        .showWarningMessage(UNTRUSTED_MESSAGE, {}, 'Manage Workspace Trust')
        .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const services = dockerServices(ctx);
    try {
      return await run(services, ctx, ...args);
    } catch (error) {
      showError(services, error);
      return undefined;
    }
  };
}

export function showError(services: DockerServices, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DockerUnavailableError) {
    services.output.appendLine(`${message}\n${error.details}`);
    const buttons = error.reason === 'missing' ? [OPEN_SETTINGS, INSTALL_DOCKER] : [OPEN_SETTINGS, SHOW_OUTPUT];
    void prompts()
      .showErrorMessage(message, ...buttons)
      .then((choice) => act(services, choice));
    return;
  }
  if (error instanceof UserError || error instanceof ArgvError) {
    void prompts().showErrorMessage(message);
    return;
  }
  services.output.appendLine(error instanceof Error ? (error.stack ?? message) : message);
  const text = error instanceof DockerCommandError ? `Docker: ${message}` : `Dockerfile Studio: ${message}`;
  void prompts()
    .showErrorMessage(text, SHOW_OUTPUT)
    .then((choice) => act(services, choice));
}

/** An error with a "Show Output" button, for failures whose details are in the output. */
export function showFailure(services: DockerServices, message: string, ...extra: string[]): Thenable<string | undefined> {
  return prompts()
    .showErrorMessage(message, SHOW_OUTPUT, ...extra)
    .then((choice) => {
      act(services, choice);
      return choice;
    });
}

function act(services: DockerServices, choice: string | undefined): void {
  if (choice === SHOW_OUTPUT) services.output.show(true);
  else if (choice === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', 'dockerfileStudio.docker');
  else if (choice === INSTALL_DOCKER) void vscode.env.openExternal(vscode.Uri.parse('https://docs.docker.com/get-started/get-docker/'));
}
