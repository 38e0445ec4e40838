// Push diagnostics (clients without textDocument/diagnostic): an open is linted at once, changes are
// coalesced, a version the client has replaced is never published, and a close clears the document.
import * as assert from 'node:assert/strict';
import { TestClient } from '../helpers/lsp';

const BIG =
  'FROM ubuntu:24.04\n' +
  'RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0 && rm -rf /var/lib/apt/lists/*\n'.repeat(3000);

describe('push diagnostics', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start({ pull: false });
  });
  afterEach(() => client.stop());

  it('publishes an opened document without waiting for the change pause', async () => {
    // A misspelt FROM is linted as the FROM it stands for, so the image has a tag to leave one finding.
    const uri = await client.open('FORM ubuntu:24.04\n');
    const first = await client.waitForPublished(uri, 1);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      ['UnknownInstruction'],
    );
    // Exactly one publication for the open (not one for the open and one for its content change).
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(client.published.get(uri)?.length, 1);
  });

  it('publishes only the newest of a burst of changes, never an older version after it', async () => {
    const uri = await client.open(BIG);
    await client.waitForPublished(uri, 1);
    let last = 1;
    for (let i = 0; i < 20; i++) {
      last = await client.change(uri, [
        { range: { start: { line: 0, character: 17 }, end: { line: 0, character: 17 } }, text: i % 2 ? '' : ' ' },
      ]);
    }
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, text: 'FORM' }]);
    last++;
    const final = await client.waitForPublished(uri, last, 10_000);
    assert.ok(final.diagnostics.some((d) => d.code === 'UnknownInstruction'));
    await new Promise((r) => setTimeout(r, 150));
    const versions = (client.published.get(uri) ?? []).map((p) => p.version);
    // Versions only go up, the newest is last, and the burst was coalesced rather than linted 21 times.
    assert.deepEqual(
      [...versions].sort((a, b) => Number(a) - Number(b)),
      versions,
    );
    assert.equal(versions[versions.length - 1], last);
    assert.ok(versions.length < 12, `published versions: ${versions.join(', ')}`);
  });

  it('clears the diagnostics of a closed document and publishes nothing after that', async () => {
    const uri = await client.open('FORM ubuntu\n');
    await client.waitForPublished(uri, 1);
    await client.change(uri, [{ text: 'FORM alpine\n' }]);
    await client.close(uri);
    await new Promise((r) => setTimeout(r, 150));
    // Whether version 2 made it out before the close depends on timing; nothing may follow the clearing.
    const list = client.published.get(uri) ?? [];
    assert.deepEqual(list[list.length - 1].diagnostics, []);
    assert.equal(list[list.length - 1].version, undefined);
  });
});
