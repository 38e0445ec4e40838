// What the Docker commands register besides the command table: the task provider and, only when
// the extension runs under test, the command that installs scripted prompt answers.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands';
import { setPrompts, type Prompts } from '../prompts';
import { dockerServices } from './services';
import { registerDockerTasks } from './tasks';

export const SET_PROMPTS_COMMAND = 'dockerfileStudio.test.setPrompts';

export function registerDocker(ctx: CommandContext): vscode.Disposable {
  const disposables = [registerDockerTasks(() => dockerServices(ctx))];
  if (ctx.extension.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(vscode.commands.registerCommand(SET_PROMPTS_COMMAND, (replacement?: Prompts) => setPrompts(replacement)));
  }
  return vscode.Disposable.from(...disposables);
}
