import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, Range, SelectionRange } from 'vscode-languageserver-types';
import { TestClient } from '../helpers/lsp';

const fmt = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

const text = [
  '# syntax=docker/dockerfile:1', // 0
  'ARG TAG=3.12-slim', // 1
  '# Build stage', // 2
  '# compiles wheels', // 3
  'FROM python:${TAG} AS build', // 4
  'ENV PIP_NO_CACHE_DIR=1 APP=/app', // 5
  'RUN pip install \\', // 6
  '    --prefix=/install \\', // 7
  '    flask', // 8
  'COPY <<EOF /app/main.py', // 9
  'print("hi")', // 10
  'EOF', // 11
  '', // 12
  'FROM ghcr.io/acme/tools/runner:1.2', // 13
  'COPY --from=build /install /usr/local', // 14
  'ADD https://example.com/archive.tar.gz /tmp/', // 15
  'CMD ["python", "/app/main.py"]', // 16
].join('\n');

describe('structure: outline, folding, selection, links, inlay hints, code lens', () => {
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start();
    uri = await client.open(text);
  });
  after(() => client.stop());

  it('outlines directives, global ARGs and stages with their instructions', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['# syntax', 'docker/dockerfile:1'],
        ['ARG', 'TAG=3.12-slim'],
        ['build', 'python:${TAG}'],
        ['stage 1', 'ghcr.io/acme/tools/runner:1.2'],
      ],
    );
    const build = symbols[2];
    assert.deepEqual(
      build.children!.map((c) => c.name),
      ['ENV', 'RUN', 'COPY'],
    );
    assert.deepEqual(
      build.children![0].children!.map((c) => [c.name, c.detail]),
      [
        ['PIP_NO_CACHE_DIR', '1'],
        ['APP', '/app'],
      ],
    );
    assert.equal(fmt(build.range), '4:0-11:3');
    assert.equal(fmt(build.selectionRange), '4:22-4:27');
  });

  it('folds stages, continued instructions, heredoc bodies and comment blocks', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const simple = folds.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ' ' + f.kind : ''}`);
    assert.deepEqual(simple, ['2-3 comment', '4-11 region', '6-8', '9-11', '13-16 region']);
  });

  it('expands a selection from word to argument, instruction, stage and file', async () => {
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: 7, character: 8 }],
    });
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(fmt(s.range));
    assert.deepEqual(chain, ['7:4-7:12', '7:4-7:21', '6:4-8:9', '6:0-8:9', '4:0-11:3', '0:0-16:30']);
  });

  it('links images to their registry pages and ADD URLs', async () => {
    const links = await client.request<{ range: Range; target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => [fmt(l.range), l.target]),
      [
        ['0:9-0:28', 'https://hub.docker.com/r/docker/dockerfile'],
        ['13:5-13:34', 'https://github.com/acme/tools/pkgs/container/tools%2Frunner'],
        ['15:4-15:38', 'https://example.com/archive.tar.gz'],
      ],
    );
  });

  it('shows the default value of ${TAG} in FROM', async () => {
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.position.character, h.label]),
      [[4, 18, '= 3.12-slim']],
    );
  });

  it('puts build lenses above each buildable stage', async () => {
    const lenses = await client.request<{ range: Range; command: { title: string; command: string; arguments: unknown[] } }[]>(
      'textDocument/codeLens',
      {
        textDocument: { uri },
      },
    );
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, JSON.stringify(l.command.arguments)]),
      [
        [4, 'Build stage build', 'dockerfileStudio.buildImage', JSON.stringify([{ uri, target: 'build' }])],
        [4, 'Build and run', 'dockerfileStudio.buildAndRun', JSON.stringify([{ uri, target: 'build' }])],
        [13, 'Build this stage', 'dockerfileStudio.buildImage', JSON.stringify([{ uri }])],
        [13, 'Build and run', 'dockerfileStudio.buildAndRun', JSON.stringify([{ uri }])],
      ],
    );
  });
});
