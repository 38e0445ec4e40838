import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { buildView } from '../helpers/buildView';
import { applyTextEdits } from '../helpers/edits';
import { TestClient } from '../helpers/lsp';

const formatDir = join(__dirname, '..', 'fixtures', 'format');
const dockerfileDir = join(__dirname, '..', 'fixtures', 'dockerfiles');
const options = { tabSize: 4, insertSpaces: true };

describe('formatting', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function format(text: string, settings?: Record<string, unknown>): Promise<string> {
    const c = settings ? await TestClient.start({ settings }) : client;
    const uri = await c.open(text);
    const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    if (settings) await c.stop();
    return applyTextEdits(text, edits);
  }

  const cases = readdirSync(formatDir).filter((f) => f.endsWith('.in.Dockerfile'));
  for (const file of cases) {
    it(`formats ${file.replace('.in.Dockerfile', '')} as its golden output`, async () => {
      const input = readFileSync(join(formatDir, file), 'utf8');
      const expected = readFileSync(join(formatDir, file.replace('.in.', '.out.')), 'utf8');
      assert.equal(await format(input), expected);
    });
  }

  const fixtures = [...readdirSync(dockerfileDir).map((f) => join(dockerfileDir, f)), ...cases.map((f) => join(formatDir, f))];
  it(`is idempotent on every fixture (${fixtures.length} files)`, async () => {
    for (const f of fixtures) {
      const once = await format(readFileSync(f, 'utf8'));
      assert.equal(await format(once), once, f);
    }
  });

  it('never changes what a build sees, on every fixture', async () => {
    for (const f of fixtures) {
      const text = readFileSync(f, 'utf8');
      assert.deepEqual(buildView(await format(text)), buildView(text), f);
    }
  });

  it('honours the keyword-case and multi-line settings', async () => {
    const text = 'from alpine\nrun echo a \\\n        && echo b\n';
    assert.equal(await format(text, { format: { keywordCase: 'preserve' } }), 'from alpine\nrun echo a \\\n    && echo b\n');
    assert.equal(
      await format(text, { format: { keywordCase: 'lower', keepMultilineInstructions: true } }),
      'from alpine\nrun echo a \\\n        && echo b\n',
    );
    assert.equal(await format(text, { format: { continuationIndent: 2 } }), 'FROM alpine\nRUN echo a \\\n  && echo b\n');
  });

  it('follows the editor tab setting when no indent is configured', async () => {
    const uri = await client.open('FROM a\nRUN a \\\n  b\n');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.equal(applyTextEdits('FROM a\nRUN a \\\n  b\n', edits), 'FROM a\nRUN a \\\n\tb\n');
  });

  it('formats only the instructions in a range', async () => {
    const text = 'from a\nrun  x\nrun  y\n';
    const uri = await client.open(text);
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      options,
    });
    assert.equal(applyTextEdits(text, edits), 'from a\nRUN x\nrun  y\n');
  });

  it('indents the new line after Enter on a line ending in the escape character', async () => {
    const text = 'FROM a\nRUN apt-get update && \\\n\n';
    const uri = await client.open(text);
    const edits = await client.request<TextEdit[]>('textDocument/onTypeFormatting', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
      ch: '\n',
      options,
    });
    assert.equal(applyTextEdits(text, edits), 'FROM a\nRUN apt-get update && \\\n    \n');
    const nested = 'FROM a\nRUN a \\\n      b \\\n\n';
    const uri2 = await client.open(nested);
    const edits2 = await client.request<TextEdit[]>('textDocument/onTypeFormatting', {
      textDocument: { uri: uri2 },
      position: { line: 3, character: 0 },
      ch: '\n',
      options,
    });
    assert.equal(applyTextEdits(nested, edits2), 'FROM a\nRUN a \\\n      b \\\n      \n');
    const plain = 'FROM a\nRUN a\n\n';
    const uri3 = await client.open(plain);
    assert.deepEqual(
      await client.request('textDocument/onTypeFormatting', {
        textDocument: { uri: uri3 },
        position: { line: 2, character: 0 },
        ch: '\n',
        options,
      }),
      [],
    );
  });
});
