import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeActions, describe as describeDiagnostics, discardActiveEditor, openEditableCopy, ours, waitForDiagnostics } from './helpers';

describe('code actions', () => {
  before(activeExtension);

  it('offers a quick fix for FORM that carries its edit, and applying it clears the error', async () => {
    const document = await openEditableCopy('typo/Dockerfile');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => /\bFROM\b/.test(d.message)));
    const problem = ours(diagnostics).find((d) => /\bFROM\b/.test(d.message));
    assert.ok(problem, describeDiagnostics(diagnostics));

    const actions = await codeActions(document, problem.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => /\bFROM\b/.test(a.title));
    assert.ok(fix, `no quick fix for the FORM problem; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, `"${fix.title}" has no edit: ${JSON.stringify(fix)}`);
    // vscode.executeCodeActionProvider drops `diagnostics` when it converts actions back to the API;
    // the server level checks that link. Here: the edit itself, applied in a real editor.
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.command, undefined, 'a quick fix carries its edit, not a command round trip');

    const line = problem.range.start.line;
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit did not apply');
      assert.equal(document.lineAt(line).text, 'FROM ubuntu:22.04');
      await waitForDiagnostics(document.uri, (all) => !ours(all).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await discardActiveEditor();
    }
  });
});
