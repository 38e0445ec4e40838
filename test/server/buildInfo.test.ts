import * as assert from 'node:assert/strict';
import { BuildInfoRequest, type BuildInfo } from '../../server/src/protocol';
import { TestClient } from '../helpers/lsp';

describe('dockerfileStudio/buildInfo over JSON-RPC', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start();
  });

  after(async () => {
    await client.stop();
  });

  it('answers for an open document, following its edits', async () => {
    const uri = await client.open('ARG PORT=8080\nFROM localbase:1.0 AS build\nARG VERSION\nFROM build\nEXPOSE $PORT 53/udp\n');
    const info = await client.request<BuildInfo>(BuildInfoRequest.method, { textDocument: { uri } });
    assert.deepEqual(
      info.stages.map((s) => s.name),
      ['build', null],
    );
    assert.deepEqual(
      info.argsWithoutDefault.map((a) => a.name),
      ['VERSION'],
    );
    // EXPOSE $PORT in a stage without `ARG PORT` cannot see the global ARG.
    assert.deepEqual(
      info.exposedPorts.map((p) => [p.text, p.value]),
      [
        ['$PORT', null],
        ['53/udp', '53/udp'],
      ],
    );
    assert.deepEqual(
      info.baseImages.map((b) => b.value),
      ['localbase:1.0'],
    );

    await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'ARG PORT\n' }]);
    const edited = await client.request<BuildInfo>(BuildInfoRequest.method, { textDocument: { uri }, buildArgs: { VERSION: '1' } });
    assert.deepEqual(
      edited.exposedPorts.map((p) => p.value),
      ['8080', '53/udp'],
    );
    assert.deepEqual(edited.argsWithoutDefault, []);
  });

  it('answers null for a document the server has not seen, so the client can wait for didOpen', async () => {
    assert.equal(await client.request(BuildInfoRequest.method, { textDocument: { uri: 'file:///never/opened/Dockerfile' } }), null);
  });
});
