// Shared steps for the extension-level cases: open a fixture, find a position by its text, wait for
// what the language server pushes or answers. Cases stay short and assert on real values.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'dockerfile-studio.dockerfile-studio';
export const diagnosticSource = 'dockerfile-studio';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the extension tests need the fixture workspace open (test/extension/workspace)');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture in an editor (pull diagnostics are only requested for visible documents). */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(document.languageId, 'dockerfile', `${relativePath} should open as a Dockerfile`);
  return document;
}

/**
 * Opens an unsaved copy of a fixture, for cases that edit: VS Code may save files changed by a
 * workspace edit (files.refactoring.autoSave), and an untitled document never reaches the disk.
 */
export async function openEditableCopy(relativePath: string): Promise<vscode.TextDocument> {
  const bytes = await vscode.workspace.fs.readFile(fixtureUri(relativePath));
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: Buffer.from(bytes).toString('utf8') });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Closes the active editor without saving (the counterpart of openEditableCopy). */
export async function discardActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Activates the extension (as opening a Dockerfile does) and returns it. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  await extension.activate();
  return extension;
}

/**
 * The position of the `occurrence`-th match of `text` in the document, plus `offset` characters,
 * so a case names what it points at ("the ENTRYPOINT keyword") instead of a line number.
 */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, occurrence = 1): vscode.Position {
  const content = document.getText();
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = content.indexOf(text, index + 1);
    assert.ok(index >= 0, `"${text}" (occurrence ${n + 1}) not found in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

/** Resolves once `predicate` holds for the document's diagnostics; fails with what was seen. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  if (predicate(current())) return current();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics for ${uri.path} never matched; last seen: ${describe(current())}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      if (!predicate(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

export function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === diagnosticSource);
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `${d.source}:${String(d.code && typeof d.code === 'object' ? d.code.value : d.code)} ` +
        `L${d.range.start.line + 1} ${vscode.DiagnosticSeverity[d.severity]} "${d.message}"`,
    )
    .join('; ');
}

/** The Markdown/plain text of every hover the providers return at a position. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export async function completionItems(
  document: vscode.TextDocument,
  position: vscode.Position,
  triggerCharacter?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    triggerCharacter,
  );
  return list?.items ?? [];
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/*
 * Ready for the features still to come; a case that uses one asserts on the edits/symbols it gets.
 */

export async function codeActions(
  document: vscode.TextDocument,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    kind?.value,
  );
  // A bare Command has a string `command`; a CodeAction's `command` is optional and an object.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

export async function formattingEdits(
  document: vscode.TextDocument,
  options: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true },
): Promise<vscode.TextEdit[]> {
  const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, options);
  return edits ?? [];
}

/** Applies edits to the document's text without touching the file on disk. */
export function applyEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  let text = document.getText();
  for (const edit of sorted) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

export async function documentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
  return symbols ?? [];
}

/** Closes every editor so one case's open documents do not leak into the next. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/*
 * Scratch files: cases that save, or that need a file of their own, write it under the fixture
 * workspace's `.scratch/` folder (git-ignored) and remove the folder afterwards.
 */

export function scratchUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), '.scratch', name);
}

/** Writes `content` to `.scratch/<name>` and opens it in an editor as a Dockerfile. */
export async function openScratchFile(name: string, content: string): Promise<vscode.TextDocument> {
  const uri = scratchUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(document.languageId, 'dockerfile', `${name} should open as a Dockerfile`);
  return document;
}

/** Closes every editor, dropping unsaved changes to scratch files, and deletes `.scratch/`. */
export async function removeScratchFiles(): Promise<void> {
  const scratch = vscode.Uri.joinPath(workspaceRoot(), '.scratch').toString() + '/';
  // closeAllEditors would ask whether to save a dirty file; revert those first.
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || !document.uri.toString().startsWith(scratch)) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.scratch'), { recursive: true, useTrash: false }).then(
    () => undefined,
    (error: unknown) => {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
    },
  );
}

/** The value of a diagnostic's code, whether or not it carries a documentation link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return code !== undefined && typeof code === 'object' ? code.value : code;
}
