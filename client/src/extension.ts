// activate(): start the language client and register the commands. Nothing else runs here, so
// activation stays cheap.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_NAME } from '../../server/src/protocol';
import { commandTable, type CommandContext } from './commands';
import { registerDocker } from './dockerFlows/setup';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  /** For tests: the running language client. */
  languageClient(): LanguageClient | undefined;
  /** For the bench: ms spent in activate() before starting the client, and starting it (server handshake). */
  activationTimings(): { activateMs: number; clientStartMs: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const started = performance.now();
  const outputChannel = vscode.window.createOutputChannel(SERVER_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
  const ctx: CommandContext = {
    extension: context,
    client: () => client!,
    outputChannel,
  };
  for (const [id, handler] of Object.entries(commandTable)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
  }
  context.subscriptions.push(registerDocker(ctx));
  context.subscriptions.push({ dispose: () => void client?.stop() });
  const clientStarting = performance.now();
  await client.start();
  const timings = { activateMs: clientStarting - started, clientStartMs: performance.now() - clientStarting };
  return { languageClient: () => client, activationTimings: () => timings };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
