// A failed build's error, shown on the Dockerfile line it names until the next build of that file.
import * as vscode from 'vscode';
import type { BuildError } from '../docker/buildErrors';

export const BUILD_DIAGNOSTIC_SOURCE = 'docker build';

export class BuildDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dockerfile-studio-build');

  set(dockerfile: vscode.Uri, error: BuildError, lines: readonly string[]): vscode.Diagnostic {
    const endLine = Math.min(error.endLine, Math.max(0, lines.length - 1));
    const startLine = Math.min(error.startLine, endLine);
    const firstText = lines[startLine] ?? '';
    const range = new vscode.Range(startLine, firstText.length - firstText.trimStart().length, endLine, (lines[endLine] ?? '').length);
    const diagnostic = new vscode.Diagnostic(range, error.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = BUILD_DIAGNOSTIC_SOURCE;
    this.collection.set(dockerfile, [diagnostic]);
    return diagnostic;
  }

  clear(dockerfile: vscode.Uri): void {
    this.collection.delete(dockerfile);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
