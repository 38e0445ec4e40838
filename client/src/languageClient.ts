// Server options and document selector; the client itself is vscode-languageclient's.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
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
    errorHandler: crashRestarter(),
  };
  return new LanguageClient('dockerfileStudio', SERVER_NAME, serverOptions, clientOptions);
}

const RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that died, up to 5 times in 3 minutes. The library's default handler also shuts
 * the client down for good after 3 failed writes, which is what happens when the editor sends a few
 * requests just as the server dies: the client then never came back (seen in the crash test). A
 * failed write is not a reason to give up; the close that follows decides.
 */
export function crashRestarter(now: () => number = Date.now): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const t = now();
      while (restarts.length && t - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length >= RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: `The Dockerfile language server stopped ${RESTARTS + 1} times in 3 minutes, so it was not started again. "Dockerfile: Show Language Server Output" shows why; "Dockerfile: Restart Language Server" starts it.`,
        };
      }
      restarts.push(t);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
