// A hostile .hadolint.yaml in the workspace (too large, a tag that other loaders would run, nesting
// that overflows a recursive parser) gets one clear finding on the first line, and linting goes on.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp';

const DOCKERFILE = 'FROM alpine:latest\nRUN sudo apt-get install -y curl\n';

describe('a hostile .hadolint.yaml does not stop linting', () => {
  let ws: string;
  let client: TestClient;
  const savedHome = [process.env.HOME, process.env.XDG_CONFIG_HOME];
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'hostile-config-'));
    // No user-level file from the machine running the tests.
    process.env.HOME = ws;
    process.env.XDG_CONFIG_HOME = ws;
    client = await TestClient.start({ rootUri: pathToFileURL(ws).href });
  });
  after(async () => {
    await client.stop();
    [process.env.HOME, process.env.XDG_CONFIG_HOME] = savedHome;
    rmSync(ws, { recursive: true, force: true });
  });

  for (const [name, content, message] of [
    ['oversized', `ignored: [${'DL3007, '.repeat(40_000)}DL3004]\n`, /larger than 256 KB and was not read/],
    ['tagged', 'ignored: !!python/object/apply:os.system ["touch /tmp/pwned"]\n', /uses a YAML tag .*only plain YAML is read/],
    ['nested', `ignored: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, /is not valid YAML/],
  ] as const) {
    it(`${name}: one InvalidLintConfig on line 1, the rules still report`, async () => {
      mkdirSync(join(ws, name));
      writeFileSync(join(ws, name, '.hadolint.yaml'), content);
      const uri = await client.open(DOCKERFILE, pathToFileURL(join(ws, name, 'Dockerfile')).href);
      const diags = await client.diagnostics(uri);
      const bad = diags.filter((d) => d.code === 'InvalidLintConfig');
      assert.equal(bad.length, 1, JSON.stringify(diags.map((d) => d.code)));
      assert.equal(bad[0].range.start.line, 0);
      assert.match(String(bad[0].message), message);
      // The file asked to ignore DL3007 and DL3004; it was not used, so both are reported.
      assert.ok(diags.some((d) => d.code === 'DL3007') && diags.some((d) => d.code === 'DL3004'), JSON.stringify(diags.map((d) => d.code)));
      assert.deepEqual(
        client.logs.filter((l) => /failed (for|on)/.test(l)),
        [],
      );
      assert.equal(existsSync('/tmp/pwned'), false);
    });
  }
});
