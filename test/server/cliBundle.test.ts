// The bundled command line (dist/cli.js) as a user runs it: a separate node process, arguments,
// standard input, exit codes. Rebuilt first when the bundle is missing or older than the sources.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bundle = join(root, 'dist', 'cli.js');
const fixtures = join(root, 'test', 'fixtures', 'cli');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bundle, ...args], {
    cwd: fixtures,
    input,
    encoding: 'utf8',
    // No user-level hadolint file may leak in: HOME points at the fixtures, which have none at that level.
    env: { PATH: process.env.PATH ?? '', HOME: join(fixtures, 'no-home'), XDG_CONFIG_HOME: join(fixtures, 'no-home') },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dist/cli.js', function () {
  this.timeout(120_000);

  before(() => {
    let built = 0;
    try {
      built = statSync(bundle).mtimeMs;
    } catch {
      built = 0;
    }
    if (built < newestSource(join(root, 'server', 'src'))) {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
  });

  it('starts with a shebang and is executable', () => {
    assert.equal(readFileSync(bundle, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    assert.ok((statSync(bundle).mode & 0o111) !== 0, 'executable bits set');
  });

  it('prints the same JSON as the golden file and exits 1', () => {
    const r = run(['lint', '-f', 'json', 'learner.Dockerfile']);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, readFileSync(join(fixtures, 'learner.json'), 'utf8'));
    assert.equal(r.status, 1);
  });

  it('exits 0 for a clean file and 2 for a missing one', () => {
    assert.equal(run(['lint', 'clean.Dockerfile']).status, 0);
    const missing = run(['lint', 'missing.Dockerfile']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read missing\.Dockerfile/);
  });

  it('reads standard input for "-"', () => {
    const r = run(['lint', '--no-color', '-'], 'FROM alpine:3.20\nMAINTAINER me\n');
    assert.equal(
      r.stdout,
      '-:2:1 DL4000 error: MAINTAINER is deprecated. Record the author with `LABEL org.opencontainers.image.authors="..."` instead.\n',
    );
    assert.equal(r.status, 1);
    const clean = run(['lint', '-'], 'FROM alpine:3.20\nCMD ["true"]\n');
    assert.deepEqual([clean.status, clean.stdout], [0, '']);
  });

  it('reports its version from package.json', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(run(['--version']).stdout, `dockerfile-studio ${version}\n`);
  });
});
