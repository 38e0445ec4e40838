// Nothing unintended runs: processes start from argument vectors, in one file, never through a
// shell; and secret-looking values never reach what is shown or logged.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { looksSecret, MASK, redactSecrets } from '../../client/src/docker/secretNames';

const repo = join(__dirname, '..', '..');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(join(repo, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts|js|mjs)$/.test(e.name))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { file: relative(repo, path), text: readFileSync(path, 'utf8') };
    });
}

/** Code without comments and string contents, so prose that mentions `exec(` does not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/`(?:\\.|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, (s) => (/^'(node:)?child_process'$/.test(s) ? s : "''"))
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

describe('processes start from argv arrays only', () => {
  const all = [...sources('client/src'), ...sources('server/src')];

  it('scans the client and the server', () => {
    assert.ok(all.length > 100, `${all.length} files`);
    assert.ok(all.some((s) => s.file === join('client', 'src', 'docker', 'runner.ts')));
  });

  it('imports child_process in client/src/docker/runner.ts only', () => {
    const importers = all.filter((s) => /(['"])(node:)?child_process\1/.test(s.text)).map((s) => s.file);
    assert.deepEqual(importers, [join('client', 'src', 'docker', 'runner.ts')]);
  });

  it('uses only execFile and spawn there, each with shell: false', () => {
    const runner = all.find((s) => s.file.endsWith(join('docker', 'runner.ts')))!;
    const imported = /import\s*\{([^}]*)\}\s*from\s*'node:child_process'/.exec(runner.text);
    assert.ok(imported, 'a named import from node:child_process');
    const names = imported[1]
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .sort();
    assert.deepEqual(names, ['execFile', 'spawn', 'type ChildProcess']);
    const code = codeOnly(runner.text);
    const calls = code.match(/\b(spawn|execFile)\(/g) ?? [];
    const shellFalse = code.match(/\bshell:\s*false\b/g) ?? [];
    assert.equal(calls.length, 2);
    assert.equal(shellFalse.length, calls.length, 'every spawn/execFile call says shell: false');
  });

  it('never asks for a shell anywhere: no shell: true, exec/execSync, ShellExecution, terminal.sendText or eval', () => {
    const offences: string[] = [];
    for (const s of all) {
      const code = codeOnly(s.text);
      for (const [what, re] of [
        ['shell: true', /\bshell:\s*(true|['"`])/],
        // `.exec(` is RegExp's; child_process can only be reached through the one import checked above.
        ['exec()/execSync()', /(?<![.\w])(exec|execSync|execFileSync|spawnSync)\s*\(|\.(execSync|execFileSync|spawnSync)\s*\(/],
        ['ShellExecution', /\bShellExecution\b/],
        ['terminal sendText', /\.sendText\s*\(/],
        ['eval / new Function', /\beval\s*\(|\bnew Function\s*\(/],
      ] as const) {
        if (re.test(code)) offences.push(`${s.file}: ${what}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it('the check itself catches what it looks for', () => {
    assert.match(codeOnly("exec('docker ' + tag)"), /(?<![.\w])exec\s*\(/);
    assert.match(codeOnly("cp.execSync('docker ' + tag)"), /\.execSync\s*\(/);
    assert.match(codeOnly('spawn(cmd, args, { shell: true })'), /\bshell:\s*true/);
    assert.doesNotMatch(codeOnly('// never exec( a string\nconst s = "exec(";'), /\bexec\s*\(/);
  });
});

describe('secret-looking values are masked in what is shown and logged', () => {
  it('masks --build-arg and -e/--env values whose names look secret, in both spellings', () => {
    const argv = [
      'build',
      '--build-arg',
      'NPM_TOKEN=s3cret',
      '--build-arg',
      'VERSION=1.2',
      '--build-arg=DB_PASSWORD=hunter2',
      '-e',
      'API_KEY=abc=def',
      '--env',
      'PORT=80',
      '--env=GITHUB_TOKEN=ghp_x',
      '-t',
      'app:1',
      '/ctx',
    ];
    const shown = redactSecrets(argv);
    assert.deepEqual(shown, [
      'build',
      '--build-arg',
      `NPM_TOKEN=${MASK}`,
      '--build-arg',
      'VERSION=1.2',
      `--build-arg=DB_PASSWORD=${MASK}`,
      '-e',
      `API_KEY=${MASK}`,
      '--env',
      'PORT=80',
      `--env=GITHUB_TOKEN=${MASK}`,
      '-t',
      'app:1',
      '/ctx',
    ]);
    for (const secret of ['s3cret', 'hunter2', 'abc', 'ghp_x']) assert.ok(!shown.join(' ').includes(secret), secret);
    // The argv the process gets is untouched.
    assert.equal(argv[2], 'NPM_TOKEN=s3cret');
  });

  it('keeps a multi-line secret out too, and leaves positional words that merely look like NAME=value', () => {
    assert.deepEqual(redactSecrets(['build', '--build-arg', 'SSH_PRIVATE_KEY=-----BEGIN\nxyz\n-----END']), [
      'build',
      '--build-arg',
      `SSH_PRIVATE_KEY=${MASK}`,
    ]);
    assert.deepEqual(redactSecrets(['run', 'img', 'TOKEN=1']), ['run', 'img', 'TOKEN=1']);
    assert.equal(looksSecret('SSH_PRIVATE_KEY'), true);
  });
});
