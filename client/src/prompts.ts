// Every question the Docker commands ask goes through this seam. The default calls vscode.window;
// the extension tests install scripted answers (through a command that exists only when the
// extension runs under test), so every prompt is answered and checked rather than skipped.
import * as vscode from 'vscode';

export interface Prompts {
  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
}

const windowPrompts: Prompts = {
  showInputBox: (options, token) => vscode.window.showInputBox(options, token),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showErrorMessage: (message, ...items) => vscode.window.showErrorMessage(message, ...items),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
};

let current: Prompts = windowPrompts;

export function prompts(): Prompts {
  return current;
}

/** Replaces the prompts (tests); undefined restores the real ones. */
export function setPrompts(replacement: Prompts | undefined): void {
  current = replacement ?? windowPrompts;
}
