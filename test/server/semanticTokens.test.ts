import * as assert from 'node:assert/strict';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/features/semanticTokens';
import { TestClient } from '../helpers/lsp';

/** Decodes LSP's relative encoding into `line:col text type[+mods]` strings. */
function decode(lines: string[], data: number[]): string[] {
  const out: string[] = [];
  let line = 0;
  let col = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    col = data[i] === 0 ? col + data[i + 1] : data[i + 1];
    const text = lines[line].slice(col, col + data[i + 2]);
    const mods = TOKEN_MODIFIERS.filter((_, k) => data[i + 4] & (1 << k));
    out.push(`${line}:${col} ${text} ${TOKEN_TYPES[data[i + 3]]}${mods.length ? '+' + mods.join('+') : ''}`);
  }
  return out;
}

const text = [
  '# syntax=docker/dockerfile:1',
  'ARG TAG=3.12',
  'FROM python:${TAG} AS build',
  '# a comment',
  'RUN --mount=type=cache,target=/root/.cache pip install $PKG',
  'COPY --from=build /a /b',
  'MAINTAINER me',
  'EXPOSE 8080/tcp',
  'CMD ["python", "app.py"]',
  'RUN cat <<EOF',
  'body',
  'EOF',
  'onbuild run echo $TARGETARCH',
].join('\n');

describe('semantic tokens', () => {
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start();
    uri = await client.open(text);
  });
  after(() => client.stop());

  it('classifies every construct in a full request', async () => {
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(text.split('\n'), data), [
      '0:0 # syntax macro',
      '0:9 docker/dockerfile:1 string',
      '1:0 ARG keyword',
      '1:4 TAG variable+declaration+readonly',
      '1:8 3.12 string',
      '2:0 FROM keyword',
      '2:5 python:${ type',
      '2:14 TAG variable',
      '2:17 } type',
      '2:19 AS keyword',
      '2:22 build class+declaration',
      '3:0 # a comment comment',
      '4:0 RUN keyword',
      '4:4 --mount parameter',
      '4:12 type property',
      '4:17 cache enumMember',
      '4:23 target property',
      '4:30 /root/.cache enumMember',
      '4:56 PKG variable',
      '5:0 COPY keyword',
      '5:5 --from parameter',
      '5:12 build class',
      '6:0 MAINTAINER keyword+deprecated',
      '7:0 EXPOSE keyword',
      '7:7 8080/tcp number',
      '8:0 CMD keyword',
      '8:5 "python" string',
      '8:15 "app.py" string',
      '9:0 RUN keyword',
      '9:8 <<EOF operator',
      '11:0 EOF operator',
      '12:0 onbuild keyword',
      '12:8 run keyword',
      '12:18 TARGETARCH variable+defaultLibrary',
    ]);
  });

  it('answers a range request with only the lines asked for', async () => {
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } },
    });
    assert.deepEqual(decode(text.split('\n'), data), [
      '5:0 COPY keyword',
      '5:5 --from parameter',
      '5:12 build class',
      '6:0 MAINTAINER keyword+deprecated',
    ]);
  });
});
