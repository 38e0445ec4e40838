import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TestClient } from '../helpers/lsp';

const dir = join(__dirname, '..', 'fixtures', 'dockerfiles');

describe('realistic fixture Dockerfiles get no error-level findings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  const files = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile'));
  it('has at least 40 fixtures', () => {
    assert.ok(files.length >= 40, `${files.length} fixtures`);
  });
  for (const f of files) {
    it(f, async () => {
      const uri = await client.open(readFileSync(join(dir, f), 'utf8'), `file:///fixtures/${f}`);
      const errors = (await client.diagnostics(uri)).filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
        [],
      );
    });
  }
});
