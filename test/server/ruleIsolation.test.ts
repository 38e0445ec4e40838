// One rule that throws is turned off for that document only, logged once with its id, and every
// other rule and feature goes on answering. The rule is real (DL3007); its check is swapped for one
// that throws for the length of this file.
import * as assert from 'node:assert/strict';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-types';
import { rules } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';
import { TestClient } from '../helpers/lsp';

const TEXT = 'FROM alpine:latest\nRUN sudo apt-get install -y curl\nFORM x\n';

describe('a rule that throws', () => {
  const rule = rules.find((r) => r.id === 'DL3007') as Rule & { check: Rule['check'] };
  const original = rule.check;
  let throwing = true;
  const calls = new Map<string, number>();
  let client: TestClient;

  before(async () => {
    rule.check = (model, ctx) => {
      calls.set(model.uri, (calls.get(model.uri) ?? 0) + 1);
      if (throwing) throw new TypeError('boom from the isolation test');
      return original.call(rule, model, ctx);
    };
    client = await TestClient.start();
  });
  after(async () => {
    rule.check = original;
    await client.stop();
  });

  const codes = async (uri: string): Promise<string[]> => (await client.diagnostics(uri)).map((d) => String(d.code)).sort();
  const failureLines = (uri: string): string[] => client.logs.filter((l) => l.includes(`failed on ${uri}`));

  let a: string;

  it('is left out of that document while the other rules still report', async () => {
    a = await client.open(TEXT, 'file:///isolation/a/Dockerfile');
    const found = await codes(a);
    assert.ok(!found.includes('DL3007'), found.join());
    assert.ok(found.includes('DL3004'), `sudo is still reported: ${found.join()}`);
    assert.ok(found.includes('UnknownInstruction'), `FORM is still reported: ${found.join()}`);
  });

  it('is logged once, with the rule id, the document and the error', async () => {
    const lines = failureLines(a);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0],
      /^Rule DL3007 failed on file:\/\/\/isolation\/a\/Dockerfile and is turned off for this document: TypeError: boom from the isolation test/,
    );
  });

  it('is not run again on that document after edits, and is not logged again', async () => {
    const before = calls.get(a);
    await client.change(a, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: 'echo hi && ' }]);
    const found = await codes(a);
    assert.ok(found.includes('DL3004') && found.includes('UnknownInstruction') && !found.includes('DL3007'), found.join());
    assert.equal(calls.get(a), before, 'the disabled rule ran again');
    assert.equal(failureLines(a).length, 1);
  });

  it('leaves every other feature working on that document', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: a },
      position: { line: 0, character: 1 },
    });
    assert.match(JSON.stringify(hover?.contents), /base image/i);
    const items = await client.completion(a, { line: 3, character: 0 });
    assert.ok(items.some((i) => i.label === 'RUN'));
    const diags = await client.diagnostics(a);
    const sudo = diags.find((d) => d.code === 'DL3004')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: a },
      range: sudo.range,
      context: { diagnostics: [sudo] },
    });
    assert.ok(
      actions.some((x) => /DL3004/.test(x.title)),
      JSON.stringify(actions.map((x) => x.title)),
    );
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: a },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(Array.isArray(edits));
    assert.deepEqual(
      client.logs.filter((l) => /failed for/.test(l)),
      [],
      'no feature failed',
    );
  });

  it('still runs on other documents: once it stops throwing, another document gets its finding', async () => {
    throwing = false;
    const b = await client.open(TEXT, 'file:///isolation/b/Dockerfile');
    assert.ok((await codes(b)).includes('DL3007'));
    assert.deepEqual(failureLines(b), []);
    // The first document keeps it off until it is closed.
    await client.change(a, [{ text: TEXT }]);
    assert.ok(!(await codes(a)).includes('DL3007'));
  });

  it('is tried again when the document is opened again', async () => {
    await client.close(a);
    await client.open(TEXT, a);
    assert.ok((await codes(a)).includes('DL3007'));
  });
});
