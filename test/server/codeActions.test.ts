import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyWorkspaceEdit } from '../helpers/edits';
import { TestClient } from '../helpers/lsp';

describe('code actions: fixes and suppressions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function actionsFor(text: string, code: string): Promise<{ uri: string; actions: CodeAction[]; diagnostic: Diagnostic }> {
    const uri = await client.open(text);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code} finding`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return { uri, actions, diagnostic };
  }

  it('fixes a misspelt instruction and the finding is gone with nothing new', async () => {
    const text = 'FORM ubuntu:24.04\nRUN echo hi\n';
    const { uri, actions } = await actionsFor(text, 'UnknownInstruction');
    const fix = actions.find((a) => a.title.includes('FROM'));
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyWorkspaceEdit(text, uri, fix.edit);
    assert.equal(fixed, 'FROM ubuntu:24.04\nRUN echo hi\n');
    const before = (await client.diagnostics(await client.open(text))).map((d) => d.code);
    const after = (await client.diagnostics(await client.open(fixed))).map((d) => d.code);
    assert.ok(!after.includes('UnknownInstruction'));
    assert.deepEqual(after.filter((c) => !before.includes(c)), []);
  });

  it('writes a check=skip directive for the whole file at the top', async () => {
    const text = 'FROM alpine:3.20\nFORM x\n';
    const { uri, actions } = await actionsFor(text, 'UnknownInstruction');
    const ignore = actions.find((a) => a.title === 'Ignore UnknownInstruction in this file');
    assert.ok(ignore);
    assert.equal(applyWorkspaceEdit(text, uri, ignore.edit), '# check=skip=UnknownInstruction\nFROM alpine:3.20\nFORM x\n');
  });

  it('merges into an existing check directive instead of writing a second one', async () => {
    const text = '# syntax=docker/dockerfile:1\n# check=error=true\nFROM alpine:3.20\nFORM x\n';
    const { uri, actions } = await actionsFor(text, 'UnknownInstruction');
    const ignore = actions.find((a) => a.title === 'Ignore UnknownInstruction in this file')!;
    assert.equal(
      applyWorkspaceEdit(text, uri, ignore.edit),
      '# syntax=docker/dockerfile:1\n# check=skip=UnknownInstruction;error=true\nFROM alpine:3.20\nFORM x\n',
    );
    const text2 = '# check=skip=StageNameCasing\nFROM alpine:3.20\nFORM x\n';
    const r2 = await actionsFor(text2, 'UnknownInstruction');
    const ignore2 = r2.actions.find((a) => a.title === 'Ignore UnknownInstruction in this file')!;
    assert.equal(applyWorkspaceEdit(text2, r2.uri, ignore2.edit), '# check=skip=StageNameCasing,UnknownInstruction\nFROM alpine:3.20\nFORM x\n');
  });

  it('writes the per-instruction suppression above the instruction with its indentation', async () => {
    const text = 'FROM alpine:3.20\n  FORM x\n';
    const { uri, actions } = await actionsFor(text, 'UnknownInstruction');
    const ignore = actions.find((a) => a.title === 'Ignore UnknownInstruction for this instruction')!;
    assert.equal(applyWorkspaceEdit(text, uri, ignore.edit), 'FROM alpine:3.20\n  # check=skip=UnknownInstruction\n  FORM x\n');
  });
});
