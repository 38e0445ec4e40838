import * as assert from 'node:assert/strict';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyWorkspaceEdit } from '../helpers/edits';
import { carets, TestClient } from '../helpers/lsp';

const fmt = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('navigation: definition, references, highlight, rename', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  const marked = [
    'ARG VER|SION=1.0', // 0  caret 0
    'FROM alpine:${VER|SION} AS bu|ild', // 1  carets 1,2
    'ARG VERSION', // 2
    'ARG PORT=80', // 3
    'ENV APP_HOME=/app', // 4
    'RUN echo $VERS|ION $POR|T', // 5  carets 3,4
    'FROM bui|ld AS final', // 6  caret 5
    'ARG PORT=9000', // 7
    'WORKDIR $APP_H|OME', // 8  caret 6
    'RUN echo $PO|RT', // 9  caret 7
    'COPY --from=bu|ild /a /b', // 10 caret 8
    'RUN --mount=type=cache,from=bui|ld,target=/x true', // 11 caret 9
    'COPY --from=|0 /c /d', // 12 caret 10
    'RUN cat <<E|OF > /x', // 13 caret 11
    '$APP_HOME', // 14
    'EOF', // 15
    'RU|N echo $TARGET|ARCH', // 16 carets 12,13
  ].join('\n');
  const { text, positions: p } = carets(marked);

  async function def(i: number): Promise<string[]> {
    const uri = await client.open(text);
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: p[i] });
    return locs.map((l) => fmt(l.range));
  }

  it('goes from a variable in FROM to the global ARG', async () => {
    assert.deepEqual(await def(1), ['0:4-0:11']);
  });

  it('treats a stage ARG without default as the global build argument', async () => {
    assert.deepEqual(await def(3), ['0:4-0:11', '2:4-2:11']);
  });

  it('follows ENV through FROM <stage>', async () => {
    assert.deepEqual(await def(6), ['4:4-4:12']);
  });

  it('keeps same-named ARGs with their own defaults apart per stage', async () => {
    assert.deepEqual(await def(4), ['3:4-3:8']);
    assert.deepEqual(await def(7), ['7:4-7:8']);
  });

  it('goes to a stage from FROM, COPY --from, RUN --mount=from and a numeric index', async () => {
    assert.deepEqual(await def(5), ['1:26-1:31']);
    assert.deepEqual(await def(8), ['1:26-1:31']);
    assert.deepEqual(await def(9), ['1:26-1:31']);
    assert.deepEqual(await def(10), ['1:26-1:31']);
  });

  it('lists references with and without the declaration', async () => {
    const uri = await client.open(text);
    const all = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: p[2],
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      all.map((l) => fmt(l.range)),
      ['1:26-1:31', '6:5-6:10', '10:12-10:17', '11:28-11:33', '12:12-12:13'],
    );
    const uses = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: p[2],
      context: { includeDeclaration: false },
    });
    assert.equal(uses.length, 4);
  });

  it('highlights a heredoc delimiter and finds $VAR inside its body', async () => {
    const uri = await client.open(text);
    const hl = await client.request<{ range: Range; kind: number }[]>('textDocument/documentHighlight', {
      textDocument: { uri },
      position: p[11],
    });
    assert.deepEqual(
      hl.map((h) => [fmt(h.range), h.kind]),
      [
        ['13:10-13:13', 3],
        ['15:0-15:3', 2],
      ],
    );
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: p[6],
      context: { includeDeclaration: true },
    });
    assert.ok(
      refs.some((l) => fmt(l.range) === '14:1-14:9'),
      JSON.stringify(refs),
    );
  });

  it('renames a stage everywhere it is named, but not its numeric index', async () => {
    const uri = await client.open(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: p[2], newName: 'builder' });
    const out = applyWorkspaceEdit(text, uri, edit).split('\n');
    assert.equal(out[1], 'FROM alpine:${VERSION} AS builder');
    assert.equal(out[6], 'FROM builder AS final');
    assert.equal(out[10], 'COPY --from=builder /a /b');
    assert.equal(out[11], 'RUN --mount=type=cache,from=builder,target=/x true');
    assert.equal(out[12], 'COPY --from=0 /c /d');
  });

  it('renames a variable in its scope only: a same-named ARG in another stage stays', async () => {
    const uri = await client.open(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: p[4],
      newName: 'HTTP_PORT',
    });
    const out = applyWorkspaceEdit(text, uri, edit).split('\n');
    assert.equal(out[3], 'ARG HTTP_PORT=80');
    assert.equal(out[5], 'RUN echo $VERSION $HTTP_PORT');
    assert.equal(out[7], 'ARG PORT=9000');
    assert.equal(out[9], 'RUN echo $PORT');
  });

  it('renames a global ARG together with its stage redeclaration and uses', async () => {
    const uri = await client.open(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: p[0],
      newName: 'ALPINE_VERSION',
    });
    const out = applyWorkspaceEdit(text, uri, edit).split('\n');
    assert.deepEqual(
      [out[0], out[1], out[2], out[5]],
      ['ARG ALPINE_VERSION=1.0', 'FROM alpine:${ALPINE_VERSION} AS build', 'ARG ALPINE_VERSION', 'RUN echo $ALPINE_VERSION $PORT'],
    );
  });

  it('renames a heredoc delimiter at both ends', async () => {
    const uri = await client.open(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: p[11], newName: 'SCRIPT' });
    const out = applyWorkspaceEdit(text, uri, edit).split('\n');
    assert.deepEqual([out[13], out[15]], ['RUN cat <<SCRIPT > /x', 'SCRIPT']);
  });

  it('refuses to rename keywords, automatic ARGs and numeric stage references', async () => {
    const uri = await client.open(text);
    for (const i of [12, 13, 10]) {
      const r = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: p[i] });
      assert.equal(r, null, `position ${i}`);
    }
    const ok = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri },
      position: p[2],
    });
    assert.deepEqual([fmt(ok.range), ok.placeholder], ['1:26-1:31', 'build']);
  });

  it('rejects names that are not valid, with a message', async () => {
    const uri = await client.open(text);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: p[4], newName: '1BAD-NAME' }),
      /not valid as a variable name/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: p[2], newName: 'final' }),
      /already exists/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: p[2], newName: 'Has Space' }),
      /not valid as a stage name/,
    );
  });
});
