import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeExtension,
  describe as describeDiagnostics,
  discardActiveEditor,
  openEditableCopy,
  openFixture,
  ours,
  waitForDiagnostics,
} from './helpers';

describe('diagnostics', () => {
  before(activeExtension);

  it('reports a misspelled instruction as an error on its line, suggesting FROM', async () => {
    const document = await openFixture('typo/Dockerfile');
    const formLine = document
      .getText()
      .split('\n')
      .findIndex((line) => line.startsWith('FORM'));
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => d.range.start.line === formLine));
    const problem = ours(diagnostics).find((d) => d.range.start.line === formLine);
    assert.ok(problem, describeDiagnostics(diagnostics));
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics([problem]));
    assert.match(problem.message, /\bFROM\b/, 'the message should suggest FROM');
    assert.equal(problem.range.start.character, 0);
    assert.equal(document.getText(problem.range), 'FORM', 'the range should cover the misspelled keyword');
  });

  it('finds no error in a correct multi-stage Dockerfile', async () => {
    const document = await openFixture('app/Dockerfile');
    // Wait until the server has answered for this document (an empty result also counts), then
    // check that nothing it said is an error.
    await waitForDiagnostics(document.uri, () => true);
    await new Promise((r) => setTimeout(r, 1500));
    const errors = ours(vscode.languages.getDiagnostics(document.uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
      describeDiagnostics(errors),
    );
  });

  it('updates diagnostics after an edit fixes the mistake', async () => {
    const document = await openEditableCopy('typo/Dockerfile');
    await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => /\bFROM\b/.test(d.message)));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    const start = document.getText().indexOf('FORM');
    const range = new vscode.Range(document.positionAt(start), document.positionAt(start + 4));
    const line = range.start.line;
    try {
      assert.ok(await editor.edit((edit) => edit.replace(range, 'FROM')));
      const after = await waitForDiagnostics(
        document.uri,
        (all) => !ours(all).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error),
      );
      assert.ok(!ours(after).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await discardActiveEditor();
    }
  });
});
