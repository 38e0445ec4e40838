import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeExtension,
  codeActions,
  codeOf,
  describe as describeDiagnostics,
  discardActiveEditor,
  openEditableCopy,
  openScratchFile,
  ours,
  removeScratchFiles,
  waitForDiagnostics,
} from './helpers';

const FIX_ALL = 'source.fixAll.dockerfileStudio';

describe('code actions', () => {
  before(activeExtension);
  after(removeScratchFiles);

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
      await waitForDiagnostics(
        document.uri,
        (all) => !ours(all).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error),
      );
    } finally {
      await discardActiveEditor();
    }
  });

  it('adds -y to apt-get install through the DL3014 quick fix, and the warning goes', async () => {
    const document = await openScratchFile(
      'apt-yes.Dockerfile',
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n',
    );
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => codeOf(d) === 'DL3014'));
    const problem = ours(diagnostics).find((d) => codeOf(d) === 'DL3014')!;
    assert.deepEqual([problem.range.start.line, document.getText(problem.range)], [1, 'apt-get install']);

    const actions = await codeActions(document, problem.range, vscode.CodeActionKind.QuickFix);
    const titles = actions.map((a) => a.title);
    for (const title of ['Add -y to apt-get install', 'Ignore DL3014 for this instruction', 'Ignore DL3014 in this file']) {
      assert.ok(titles.includes(title), `"${title}" not offered; offered: ${titles.join(' | ')}`);
    }
    const fix = actions.find((a) => a.title === 'Add -y to apt-get install')!;
    assert.equal(fix.isPreferred, true, 'a safe fix is the preferred action (Ctrl+. then Enter, or "auto fix")');
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit did not apply');
    assert.equal(
      document.lineAt(1).text,
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*',
    );
    await waitForDiagnostics(document.uri, (all) => !ours(all).some((d) => codeOf(d) === 'DL3014'));
  });

  it(`applies every safe fix on save when editor.codeActionsOnSave asks for ${FIX_ALL}`, async () => {
    const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    const previous = editorConfig().inspect('codeActionsOnSave')?.globalLanguageValue;
    // User settings of the test profile, for Dockerfiles only: nothing in the repository is written.
    await editorConfig().update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      assert.deepEqual(editorConfig().get('codeActionsOnSave'), { [FIX_ALL]: 'explicit' });
      const document = await openScratchFile(
        'fix-on-save.Dockerfile',
        [
          'FROM debian:12',
          'MAINTAINER Jane Doe <jane@example.com>',
          'ENV APP_HOME /srv/app',
          'run apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*',
          '',
        ].join('\n'),
      );
      const expectedCodes = ['ConsistentInstructionCasing', 'DL3014', 'DL4000', 'LegacyKeyValueFormat'];
      const found = await waitForDiagnostics(document.uri, (all) =>
        expectedCodes.every((code) => ours(all).some((d) => codeOf(d) === code)),
      );
      const fixed = [
        'FROM debian:12',
        'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
        'ENV APP_HOME=/srv/app',
        'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*',
        '# edited before saving',
        '',
      ].join('\n');

      // What the save participant will ask for: one whole-file action of the fix-all kind.
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const fixAll = await codeActions(document, whole, vscode.CodeActionKind.SourceFixAll.append('dockerfileStudio'));
      assert.deepEqual(
        fixAll.map((a) => [a.title, a.kind?.value]),
        [['Fix all safe Dockerfile problems', FIX_ALL]],
        describeDiagnostics(found),
      );

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document === document, 'the scratch file is not the active editor');
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), '# edited before saving\n')));
      assert.equal(document.isDirty, true);
      assert.ok(await document.save(), 'saving the file failed');

      assert.equal(document.getText(), fixed, 'the editor text after save');
      assert.equal(document.isDirty, false, 'the fixes were applied after the save, leaving the file dirty');
      const onDisk = Buffer.from(await vscode.workspace.fs.readFile(document.uri)).toString('utf8');
      assert.equal(onDisk, fixed, 'the saved file');
      await waitForDiagnostics(document.uri, (all) => !ours(all).some((d) => expectedCodes.includes(String(codeOf(d)))));
    } finally {
      await editorConfig().update('codeActionsOnSave', previous, vscode.ConfigurationTarget.Global, true);
    }
  });
});
