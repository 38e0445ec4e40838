// One table: command id -> handler. extension.ts registers every entry.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../../server/src/protocol';
import { restartServer } from './restartServer';
import { showOutput } from './showOutput';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  client(): LanguageClient;
  outputChannel: vscode.LogOutputChannel;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export const commandTable: Record<string, CommandHandler> = {
  [Commands.restartServer]: restartServer,
  [Commands.showOutput]: showOutput,
};
