// Server options and document selector; the client itself is vscode-languageclient's.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SERVER_NAME, SETTINGS_SECTION } from '../../server/src/protocol';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.hadolint.{yaml,yml}'),
    vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      { scheme: 'vscode-remote', language: LANGUAGE_ID },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // Lint configuration lives in files too; the server re-lints open Dockerfiles when they change.
      fileEvents: watchers,
    },
    outputChannel,
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes).
  };
  return new LanguageClient('dockerfileStudio', SERVER_NAME, serverOptions, clientOptions);
}
