// Which Dockerfile a command works on: the one clicked (explorer, editor title or context menu
// pass it), else the active editor's, else one picked from the workspace's Dockerfiles.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { prompts } from '../prompts';
import { UserError } from './errors';

const DOCKERFILE_GLOB =
  '**/{Dockerfile,Containerfile,dockerfile,containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile,*.Containerfile,*.containerfile}';
const LOCAL_SCHEMES = new Set(['file', 'vscode-remote']);

export async function pickDockerfile(arg: unknown, title: string): Promise<vscode.Uri | undefined> {
  const clicked = arg instanceof vscode.Uri ? arg : undefined;
  if (clicked) return usable(clicked);
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'dockerfile') return usable(editor.document.uri);
  const found = await findDockerfiles();
  if (found.length === 0) throw new UserError('There is no Dockerfile in this workspace. Open or create a Dockerfile first.');
  if (found.length === 1) return found[0];
  const items = found
    .map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri }))
    .sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri)));
  const picked = await prompts().showQuickPick(items, { title, placeHolder: 'Which Dockerfile?', matchOnDescription: true });
  return picked?.uri;
}

export function findDockerfiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', 500);
}

function usable(uri: vscode.Uri): vscode.Uri {
  if (!LOCAL_SCHEMES.has(uri.scheme)) {
    throw new UserError(`${uri.toString()} is not a file on disk; save it to a folder before running Docker on it.`);
  }
  return uri;
}

/** The workspace folder holding the Dockerfile, for task scope and settings. */
export function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri);
}

/** Builds read the file on disk, so unsaved edits are saved first. */
export async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (!document?.isDirty) return;
  // A save can lose a race with a slow save participant; one more try settles that case.
  if ((await document.save()) || (await document.save()) || !document.isDirty) return;
  throw new UserError(`${path.basename(uri.fsPath)} has unsaved changes that could not be saved; save it and build again.`);
}
