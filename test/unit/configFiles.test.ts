// Finding and reading configuration files on disk: the nearest .hadolint.yaml, hadolint's user-level
// locations, the mtime cache, and the build context's .dockerignore. Real files in a temp folder.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigFiles, parseDockerignore, userConfigCandidates, workspaceFolderPaths } from '../../server/src/configFiles';

describe('configuration files on disk', () => {
  let root: string;
  let home: string;
  const write = (rel: string, text: string): string => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    return p;
  };
  const files = (): ConfigFiles => new ConfigFiles(() => userConfigCandidates({ XDG_CONFIG_HOME: join(home, 'xdg') }, home));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dfs-config-'));
    home = join(root, 'home');
    mkdirSync(home);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists hadolint user-level locations in hadolint order', () => {
    assert.deepEqual(userConfigCandidates({ XDG_CONFIG_HOME: '/x' }, '/h'), [
      '/x/hadolint.yaml',
      '/x/hadolint.yml',
      '/h/.hadolint/hadolint.yaml',
      '/h/.hadolint/hadolint.yml',
      '/h/.hadolint/config.yaml',
      '/h/.hadolint/config.yml',
      '/h/.hadolint.yaml',
      '/h/.hadolint.yml',
    ]);
    assert.equal(userConfigCandidates({}, '/h')[0], '/h/.config/hadolint.yaml');
  });

  it('takes the nearest .hadolint.yaml walking up, .yaml before .yml', () => {
    write('ws/.hadolint.yaml', 'ignored: [DL3000]\n');
    write('ws/app/.hadolint.yml', 'ignored: [DL3001]\n');
    write('ws/app/.hadolint.yaml', 'ignored: [DL3002]\n');
    const dockerfile = write('ws/app/deep/er/Dockerfile', 'FROM a\n');
    const ws = join(root, 'ws');
    const s = files().sourcesFor(pathToFileURL(dockerfile).href, [ws]);
    assert.deepEqual(s.hadolint?.ignored, ['DL3002']);
    assert.equal(s.contextFolder, join(ws, 'app', 'deep', 'er'));
    assert.deepEqual(files().nearestHadolint(join(ws, 'other'), [ws])?.ignored, ['DL3000']);
  });

  it('does not look above the workspace folder, and falls back to the user-level file', () => {
    write('.hadolint.yaml', 'ignored: [DL3000]\n');
    const dockerfile = write('ws/Dockerfile', 'FROM a\n');
    const ws = join(root, 'ws');
    assert.equal(files().sourcesFor(pathToFileURL(dockerfile).href, [ws]).hadolint, null);
    writeFileSync(join(home, '.hadolint.yaml'), 'ignored: [DL3009]\n');
    assert.deepEqual(files().sourcesFor(pathToFileURL(dockerfile).href, [ws]).hadolint?.ignored, ['DL3009']);
    mkdirSync(join(home, 'xdg'));
    writeFileSync(join(home, 'xdg', 'hadolint.yaml'), 'ignored: [DL3010]\n');
    assert.deepEqual(files().sourcesFor(pathToFileURL(dockerfile).href, [ws]).hadolint?.ignored, ['DL3010']);
    // Outside every workspace folder the walk goes to the root and finds the file above.
    assert.deepEqual(files().sourcesFor(pathToFileURL(dockerfile).href, []).hadolint?.ignored, ['DL3000']);
  });

  it('gives untitled documents the user-level file only', () => {
    writeFileSync(join(home, '.hadolint.yml'), 'ignored: [DL3011]\n');
    const s = files().sourcesFor('untitled:Untitled-1', []);
    assert.deepEqual(s.hadolint?.ignored, ['DL3011']);
    assert.equal(s.contextFolder, undefined);
  });

  it('reads a file again only when its modification time or size changes', () => {
    const yaml = write('ws/.hadolint.yaml', 'ignored: [DL3000]\n');
    const cf = files();
    const first = cf.nearestHadolint(join(root, 'ws'), [join(root, 'ws')]);
    assert.equal(cf.nearestHadolint(join(root, 'ws'), [join(root, 'ws')]), first, 'cached object is reused');
    writeFileSync(yaml, 'ignored: [DL3001, DL3002]\n');
    utimesSync(yaml, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(cf.nearestHadolint(join(root, 'ws'), [join(root, 'ws')])?.ignored, ['DL3001', 'DL3002']);
  });

  it('reports a file that is too large without reading it', () => {
    write('ws/.hadolint.yaml', `ignored: [${'DL3008, '.repeat(40_000)}DL3009]\n`);
    const c = files().nearestHadolint(join(root, 'ws'), []);
    assert.deepEqual(c?.ignored, []);
    assert.match(c?.problems[0] ?? '', /larger than 256 KB and was not read/);
  });

  it('reads --config files on purpose and reports a missing one', () => {
    const p = write('cfg.yaml', 'failure-threshold: error\n');
    assert.equal(files().explicitHadolint(p).config?.failureThreshold, 'error');
    const missing = files().explicitHadolint(join(root, 'nope.yaml'));
    assert.equal(missing.config, null);
    assert.match(missing.issue?.message ?? '', /does not exist/);
  });

  it('prefers <Dockerfile>.dockerignore over the context .dockerignore', () => {
    const dockerfile = write('ctx/app.Dockerfile', 'FROM a\n');
    write('ctx/.dockerignore', '# comment\n\nnode_modules\n  *.log  \n!keep.log\n');
    const cf = files();
    assert.deepEqual(cf.dockerignoreFor(dockerfile), ['node_modules', '*.log', '!keep.log']);
    write('ctx/app.Dockerfile.dockerignore', 'dist\n');
    assert.deepEqual(cf.dockerignoreFor(dockerfile), ['dist']);
    assert.equal(cf.dockerignoreFor(write('other/Dockerfile', 'FROM a\n')), undefined);
  });

  it('parses .dockerignore lines with any line ending', () => {
    assert.deepEqual(parseDockerignore('a\r\n#b\r\nc\rd\n'), ['a', 'c', 'd']);
  });

  it('turns workspace folders and rootUri into paths, skipping other schemes', () => {
    assert.deepEqual(workspaceFolderPaths([{ uri: 'file:///a/b' }, { uri: 'vscode-vfs://x/y' }], 'file:///ignored'), ['/a/b']);
    assert.deepEqual(workspaceFolderPaths(null, 'file:///r%20s'), ['/r s']);
    assert.deepEqual(workspaceFolderPaths(undefined, null), []);
  });
});
