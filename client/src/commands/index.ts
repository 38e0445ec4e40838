// One table: command id -> handler. extension.ts registers every entry.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../../server/src/protocol';
import { buildAndRun } from './buildAndRun';
import { buildImage } from './buildImage';
import { buildImageWithOptions } from './buildImageWithOptions';
import { pullBaseImages } from './pullBaseImages';
import { pushImage } from './pushImage';
import { restartServer } from './restartServer';
import { runContainer } from './runContainer';
import { runContainerInteractively } from './runContainerInteractively';
import { showContainers } from './showContainers';
import { showImages } from './showImages';
import { showOutput } from './showOutput';
import { tagImage } from './tagImage';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  client(): LanguageClient;
  outputChannel: vscode.LogOutputChannel;
}

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export const commandTable: Record<string, CommandHandler> = {
  [Commands.restartServer]: restartServer,
  [Commands.showOutput]: showOutput,
  [Commands.buildImage]: buildImage,
  [Commands.buildImageWithOptions]: buildImageWithOptions,
  [Commands.runContainer]: runContainer,
  [Commands.runContainerInteractively]: runContainerInteractively,
  [Commands.buildAndRun]: buildAndRun,
  [Commands.tagImage]: tagImage,
  [Commands.pushImage]: pushImage,
  [Commands.pullBaseImages]: pullBaseImages,
  [Commands.showContainers]: showContainers,
  [Commands.showImages]: showImages,
};
