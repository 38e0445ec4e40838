// What `npm run fuzz` found, written down as plain cases with the answer each should give.
import * as assert from 'node:assert/strict';
import type { DocumentLink, SelectionRange, SemanticTokens, TextEdit } from 'vscode-languageserver-types';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../helpers/lsp';

describe('fuzz findings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('checks a ${…} substitution nested 10,000 deep without a rule overflowing the stack', async () => {
    let deep = 'x';
    for (let i = 0; i < 10_000; i++) deep = `\${v${i}:-${deep}}`;
    const uri = await client.open(`FROM alpine\nENV X=${deep}\nENV Y=\${A:x}\nRUN echo "open\n`);
    const diags = await client.diagnostics(uri);
    assert.deepEqual(
      client.logs.filter((l) => /failed on|failed for/.test(l)),
      [],
    );
    // The rules that scan substitutions still run, and still find what is wrong in the rest of the file.
    const found = diags.map((d) => `${d.range.start.line} ${String(d.code)}`);
    assert.ok(found.includes('2 InvalidVariableSubstitution'), JSON.stringify(found));
    assert.ok(found.includes('3 UnterminatedQuote'), JSON.stringify(found));
  });

  it('gives selection ranges that contain the caret when an instruction is indented past it', async () => {
    const uri = await client.open('FROM alpine\n   RUN echo hi\n');
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: 1, character: 0 }],
    });
    // The innermost range holding the caret is the stage (the RUN itself starts at character 3).
    assert.deepEqual(sel.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 14 } });
  });

  it('leaves a keyword split by a line continuation alone when formatting, instead of duplicating it', async () => {
    const text = 'FROM alpine\nRU\\\nN echo hi\n';
    const uri = await client.open(text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
    assert.equal(formatted, text);
  });

  it('does not give a variable in an ONBUILD trigger two overlapping semantic tokens', async () => {
    const uri = await client.open('FROM alpine\nONBUILD RUN echo ${BASE}\n');
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const onLine1: [number, number][] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] > 0 ? data[i + 1] : char + data[i + 1];
      if (line === 1) onLine1.push([char, data[i + 2]]);
    }
    for (let i = 1; i < onLine1.length; i++)
      assert.ok(onLine1[i][0] >= onLine1[i - 1][0] + onLine1[i - 1][1], `tokens overlap: ${JSON.stringify(onLine1)}`);
    assert.ok(
      onLine1.some(([c, len]) => c === 19 && len === 4),
      'BASE keeps its token',
    );
  });

  it('marks an EXPOSE port with an empty protocol on its slash, inside the line', async () => {
    const uri = await client.open('FROM alpine\nEXPOSE 3000/\n');
    const d = (await client.diagnostics(uri)).find((x) => x.code === 'InvalidExposePort');
    assert.ok(d);
    assert.deepEqual(d.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 12 } });
  });

  it('names a LABEL key made of a stray BOM visibly in the outline', async () => {
    const uri = await client.open('FROM alpine\nLABEL a=1 \\\n  \uFEFF b=2\n');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols
      .flatMap((s) => [s, ...(s.children ?? [])])
      .flatMap((s) => [s, ...(s.children ?? [])])
      .map((s) => s.name);
    assert.ok(
      names.every((n) => n.trim() !== ''),
      JSON.stringify(names),
    );
    assert.ok(names.includes('"\uFEFF"'), JSON.stringify(names));
  });

  it('reports FROM with only a line continuation at the end of the file, instead of the rule failing', async () => {
    const uri = await client.open('# syntax=docker/dockerfile:1.7-labs\nFROM  \\');
    const diags = await client.diagnostics(uri);
    assert.deepEqual(
      client.logs.filter((l) => /failed on|failed for/.test(l)),
      [],
    );
    const d = diags.find((x) => x.code === 'InvalidArgumentCount');
    assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('links only ADD sources that are URLs', async () => {
    const uri = await client.open('FROM alpine\nADD https://example.\u0000om/a.tgz /a\nADD https://example.com/b.tgz /b\n');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => l.target).filter((t) => t?.startsWith('https://example')),
      ['https://example.com/b.tgz'],
    );
  });
});
