// Editing through VS Code: the outline, rename, document formatting and semantic colouring, asked of
// the language server the way the editor asks (the vscode.execute*/provide* commands), on files the
// cases write under the fixture workspace's .scratch/ folder. Edits are applied with
// vscode.workspace.applyEdit, so what is checked is the text a user ends up with.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, documentSymbols, formattingEdits, openScratchFile, positionOf, removeScratchFiles } from './helpers';

const multiStage = [
  '# syntax=docker/dockerfile:1',
  'ARG NODE_VERSION=20',
  'FROM node:${NODE_VERSION} AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN npm ci && npm run build',
  '',
  'FROM nginx:1.27 AS web',
  'COPY --from=build /src/dist /usr/share/nginx/html',
  'EXPOSE 80',
  '',
].join('\n');

describe('editing', () => {
  before(activeExtension);
  afterEach(removeScratchFiles);

  it('outlines the file as its stages, each with its instructions as children', async () => {
    const document = await openScratchFile('outline.Dockerfile', multiStage);
    const symbols = await documentSymbols(document);
    const outline = symbols.map((s) => ({
      name: s.name,
      kind: vscode.SymbolKind[s.kind],
      children: (s.children ?? []).map((c) => `${c.name} (${vscode.SymbolKind[c.kind]})`),
    }));
    assert.deepEqual(outline, [
      { name: '# syntax', kind: 'Key', children: [] },
      { name: 'ARG', kind: 'Variable', children: ['NODE_VERSION (Variable)'] },
      { name: 'build', kind: 'Class', children: ['WORKDIR (Package)', 'COPY (File)', 'RUN (Function)'] },
      { name: 'web', kind: 'Class', children: ['COPY (File)', 'EXPOSE (Number)'] },
    ]);
    const [, , build, web] = symbols;
    // Clicking a stage in the outline selects its name; the stage spans FROM to its last instruction.
    assert.equal(document.getText(build.selectionRange), 'build');
    assert.equal(build.detail, 'node:${NODE_VERSION}');
    assert.equal(build.range.start.line, 2);
    assert.ok(build.range.end.line >= 5 && build.range.end.line < 7, `build stage range ends on line ${build.range.end.line + 1}`);
    assert.equal(web.range.start.line, 7);
    assert.equal(document.getText(web.children[0].selectionRange), 'COPY');
    assert.equal(web.children[0].range.start.line, 8);
  });

  it('renames a build argument at its declaration and every use, and the edit applies', async () => {
    const document = await openScratchFile(
      'rename-arg.Dockerfile',
      [
        'FROM alpine:3.20 AS build',
        'ARG VERSION=1.0',
        'RUN echo "building $VERSION" > /version',
        'LABEL org.opencontainers.image.version="${VERSION}"',
        '',
        'FROM alpine:3.20',
        'COPY --from=build /version /version',
        '',
      ].join('\n'),
    );
    const declaration = positionOf(document, 'VERSION=1.0', 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      declaration,
      'APP_VERSION',
    );
    assert.ok(edit, 'no WorkspaceEdit for the rename');
    const entries = edit.entries();
    assert.deepEqual(
      entries.map(([uri]) => uri.toString()),
      [document.uri.toString()],
      'the rename edits this file only',
    );
    const edits = [...entries[0][1]].sort((a, b) => a.range.start.compareTo(b.range.start));
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, document.getText(e.range), e.newText]),
      [
        [1, 4, 11, 'VERSION', 'APP_VERSION'],
        [2, 20, 27, 'VERSION', 'APP_VERSION'],
        [3, 42, 49, 'VERSION', 'APP_VERSION'],
      ],
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit did not apply');
    assert.equal(
      document.getText(),
      [
        'FROM alpine:3.20 AS build',
        'ARG APP_VERSION=1.0',
        'RUN echo "building $APP_VERSION" > /version',
        'LABEL org.opencontainers.image.version="${APP_VERSION}"',
        '',
        'FROM alpine:3.20',
        'COPY --from=build /version /version',
        '',
      ].join('\n'),
    );
  });

  it('renames a stage where it is named and where FROM and COPY --from use it; refuses an invalid name', async () => {
    const document = await openScratchFile('rename-stage.Dockerfile', multiStage.replace('FROM nginx:1.27 AS web', 'FROM build AS web'));
    const use = positionOf(document, '--from=build', '--from='.length + 1);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, use, 'Builder')),
      /not valid as a stage name/,
    );
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      use,
      'compile',
    );
    assert.ok(edit, 'no WorkspaceEdit for the stage rename');
    const edits = [...edit.get(document.uri)].sort((a, b) => a.range.start.compareTo(b.range.start));
    assert.deepEqual(
      edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${document.getText(e.range)} -> ${e.newText}`),
      ['2:29 build -> compile', '7:5 build -> compile', '8:12 build -> compile'],
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit did not apply');
    const lines = document.getText().split('\n');
    assert.deepEqual(
      [lines[2], lines[7], lines[8]],
      ['FROM node:${NODE_VERSION} AS compile', 'FROM compile AS web', 'COPY --from=compile /src/dist /usr/share/nginx/html'],
    );
  });

  it('formats the document: keywords upper case, single spaces, continuation lines indented by the tab size', async () => {
    const document = await openScratchFile(
      'format.Dockerfile',
      [
        'from alpine:3.20 as build',
        '  run   apk add --no-cache \\',
        '\tcurl \\',
        '\tgit   ',
        'workdir /app',
        'copy --from=build /a /b',
        '',
      ].join('\n'),
    );
    const edits = await formattingEdits(document, { tabSize: 4, insertSpaces: true });
    assert.ok(edits.length > 0, 'the formatter returned no edits for a badly formatted file');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the formatting edits did not apply');
    assert.equal(
      document.getText(),
      [
        'FROM alpine:3.20 AS build',
        'RUN apk add --no-cache \\',
        '    curl \\',
        '    git',
        'WORKDIR /app',
        'COPY --from=build /a /b',
        '',
      ].join('\n'),
    );
    // Formatting what the formatter wrote changes nothing.
    assert.deepEqual(await formattingEdits(document, { tabSize: 4, insertSpaces: true }), []);
  });

  it('colours variables, stages, keywords and numbers with semantic tokens', async () => {
    const document = await openScratchFile('tokens.Dockerfile', multiStage);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      document.uri,
    );
    assert.ok(legend, 'no semantic tokens legend for a Dockerfile');
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(tokens && tokens.data.length > 0, 'no semantic tokens for a Dockerfile');
    const decoded = decode(tokens.data, legend);
    const at = (text: string, offset = 0, occurrence = 1): string => {
      const position = positionOf(document, text, offset, occurrence);
      const token = decoded.find(
        (t) => t.line === position.line && t.start <= position.character && position.character < t.start + t.length,
      );
      if (!token) return '(no token)';
      const covered = document.lineAt(token.line).text.slice(token.start, token.start + token.length);
      return `${covered}: ${[token.type, ...token.modifiers].join(' ')}`;
    };
    assert.equal(at('# syntax', 2), '# syntax: macro');
    assert.equal(at('ARG NODE_VERSION', 4), 'NODE_VERSION: variable declaration readonly');
    assert.equal(at('${NODE_VERSION}', 2), 'NODE_VERSION: variable');
    assert.equal(at('FROM node'), 'FROM: keyword');
    assert.equal(at('AS build', 3), 'build: class declaration');
    assert.equal(at('--from=build', 7), 'build: class');
    assert.equal(at('nginx:1.27'), 'nginx:1.27: type');
    assert.equal(at('EXPOSE 80', 7), '80: number');
  });
});

interface DecodedToken {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Semantic tokens come as five numbers each, lines and starts relative to the previous token. */
function decode(data: Uint32Array, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const bits = data[i + 4];
    out.push({
      line,
      start,
      length: data[i + 2],
      type: legend.tokenTypes[data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, bit) => bits & (1 << bit)),
    });
  }
  return out;
}
