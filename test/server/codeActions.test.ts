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
    assert.deepEqual(
      after.filter((c) => !before.includes(c)),
      [],
    );
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
    assert.equal(
      applyWorkspaceEdit(text2, r2.uri, ignore2.edit),
      '# check=skip=StageNameCasing,UnknownInstruction\nFROM alpine:3.20\nFORM x\n',
    );
  });

  it('writes the per-instruction suppression above the instruction with its indentation', async () => {
    const text = 'FROM alpine:3.20\n  FORM x\n';
    const { uri, actions } = await actionsFor(text, 'UnknownInstruction');
    const ignore = actions.find((a) => a.title === 'Ignore UnknownInstruction for this instruction')!;
    assert.equal(applyWorkspaceEdit(text, uri, ignore.edit), 'FROM alpine:3.20\n  # check=skip=UnknownInstruction\n  FORM x\n');
  });
});

describe('code actions: fix-all', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function fixAll(text: string): Promise<string | null> {
    const uri = await client.open(text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.dockerfileStudio'] },
    });
    if (actions.length === 0) return null;
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.dockerfileStudio');
    return applyWorkspaceEdit(text, uri, actions[0].edit);
  }

  const messy =
    [
      'FROM debian:bookworm',
      'RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5',
      'RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1',
      'FROM alpine:3.20 AS tools',
      'RUN apk add jq=1.7.1-r0',
      'COPY a b c /dest',
    ].join('\n') + '\n';

  it('applies every safe fix in one action and a second run has nothing left to do', async () => {
    const fixed = await fixAll(messy);
    assert.ok(fixed, 'no fix-all action for a file with safe fixes');
    assert.notEqual(fixed, messy);
    assert.match(fixed, /apt-get install -y --no-install-recommends curl/);
    assert.match(fixed, /apk add --no-cache jq/);
    assert.match(fixed, /COPY a b c \/dest\//);
    assert.equal(await fixAll(fixed), null);
  });

  it('leaves the findings of the fixed rules gone and adds none', async () => {
    const before = await client.diagnostics(await client.open(messy));
    const fixed = (await fixAll(messy))!;
    const after = await client.diagnostics(await client.open(fixed));
    const key = (d: Diagnostic): string => `${d.code}`;
    const newCodes = after.map(key).filter((c) => !before.map(key).includes(c));
    assert.deepEqual(newCodes, []);
    assert.ok(after.length < before.length, `${before.length} -> ${after.length}`);
  });

  it('is idempotent on every fixture Dockerfile', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(__dirname, '..', 'fixtures', 'dockerfiles');
    for (const f of readdirSync(dir)) {
      const once = (await fixAll(readFileSync(join(dir, f), 'utf8'))) ?? readFileSync(join(dir, f), 'utf8');
      assert.equal(await fixAll(once), null, f);
    }
  });

  it('merges a per-instruction hadolint suppression into the pragma above', async () => {
    const text = 'FROM debian:bookworm\n# hadolint ignore=DL3009\nRUN apt-get update && apt-get install -y curl\n';
    const uri = await client.open(text);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'DL3008')!;
    assert.ok(diagnostic);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const ignore = actions.find((a) => a.title === 'Ignore DL3008 for this instruction')!;
    const out = applyWorkspaceEdit(text, uri, ignore.edit);
    assert.equal(out, 'FROM debian:bookworm\n# hadolint ignore=DL3009,DL3008\nRUN apt-get update && apt-get install -y curl\n');
    const after = await client.diagnostics(await client.open(out));
    assert.ok(!after.some((d) => d.code === 'DL3008'));
    const global = actions.find((a) => a.title === 'Ignore DL3008 in this file')!;
    assert.equal(applyWorkspaceEdit(text, uri, global.edit), '# hadolint global ignore=DL3008\n' + text);
  });
});
