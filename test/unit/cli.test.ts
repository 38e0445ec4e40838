// The command line: JSON output of fixture Dockerfiles against golden files, the SARIF 2.1.0 and
// checkstyle shapes, hadolint-like exit codes, standard input, colours, and configuration.
// `UPDATE_GOLDEN=1` rewrites the golden files after a deliberate change in the rules.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, runCli, type CliIO } from '../../server/src/cli';

const fixtures = join(__dirname, '..', 'fixtures', 'cli');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], opts: Partial<CliIO> & { stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve(opts.stdin ?? ''),
    cwd: opts.cwd ?? fixtures,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    userConfigCandidates: () => [],
  });
  return { code, stdout, stderr };
}

function golden(name: string, actual: string): void {
  const path = join(fixtures, `${name}.json`);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name}: output differs from ${path} (UPDATE_GOLDEN=1 rewrites it)`);
}

describe('command line: dockerfile-studio lint', () => {
  describe('JSON against golden files', () => {
    for (const name of ['learner', 'multistage', 'clean']) {
      it(`${name}.Dockerfile`, async () => {
        const r = await cli(['lint', '--format', 'json', `${name}.Dockerfile`]);
        assert.equal(r.stderr, '');
        golden(name, r.stdout);
        const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; code: string; level: string }[];
        assert.equal(r.code, findings.length > 0 ? EXIT_FINDINGS : EXIT_OK);
        for (const f of findings) {
          assert.equal(f.file, `${name}.Dockerfile`);
          assert.ok(f.line >= 1 && f.column >= 1, 'positions are 1-based');
          assert.ok(['error', 'warning', 'info', 'style'].includes(f.level), f.level);
        }
      });
    }

    it('reads the .hadolint.yaml next to the files (DL3015 overridden to style)', async () => {
      const r = await cli(['lint', '-f', 'json', 'learner.Dockerfile']);
      const dl3015 = (JSON.parse(r.stdout) as { code: string; level: string }[]).find((f) => f.code === 'DL3015');
      assert.equal(dl3015?.level, 'style');
    });
  });

  describe('SARIF 2.1.0', () => {
    it('has the schema, one run, the reported rules with help links, and 1-based regions', async () => {
      const r = await cli(['lint', '-f', 'sarif', 'learner.Dockerfile', 'clean.Dockerfile']);
      assert.equal(r.code, EXIT_FINDINGS);
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'dockerfile-studio');
      const ruleIds: string[] = run.tool.driver.rules.map((x: { id: string }) => x.id);
      assert.deepEqual(ruleIds, [...new Set(ruleIds)].sort(), 'each reported rule once');
      for (const rule of run.tool.driver.rules) {
        assert.match(rule.helpUri, /^https:\/\//);
        assert.ok(rule.shortDescription.text.length > 0);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      }
      const json = JSON.parse((await cli(['lint', '-f', 'json', 'learner.Dockerfile'])).stdout) as {
        code: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
        level: string;
        message: string;
      }[];
      assert.equal(run.results.length, json.length);
      run.results.forEach((res: SarifResult, i: number) => {
        const f = json[i];
        assert.equal(res.ruleId, f.code);
        assert.equal(ruleIds[res.ruleIndex], f.code);
        assert.equal(res.level, { error: 'error', warning: 'warning', info: 'note', style: 'note' }[f.level]);
        assert.equal(res.message.text, f.message);
        assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'learner.Dockerfile');
        assert.deepEqual(res.locations[0].physicalLocation.region, {
          startLine: f.line,
          startColumn: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
        });
      });
      // DL3006 marks "ubuntu" in `FROM ubuntu`: columns 6 to 12 (exclusive end) on line 1.
      const dl3006 = run.results.find((x: { ruleId: string }) => x.ruleId === 'DL3006');
      assert.deepEqual(dl3006.locations[0].physicalLocation.region, { startLine: 1, startColumn: 6, endLine: 1, endColumn: 12 });
    });

    it('is valid with no findings', async () => {
      const sarif = JSON.parse((await cli(['lint', '-f', 'sarif', 'clean.Dockerfile'])).stdout);
      assert.deepEqual(sarif.runs[0].results, []);
      assert.deepEqual(sarif.runs[0].tool.driver.rules, []);
    });
  });

  describe('checkstyle', () => {
    it('lists every file, with one error element per finding, escaped', async () => {
      const r = await cli(['lint', '-f', 'checkstyle', 'learner.Dockerfile', 'clean.Dockerfile']);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
      assert.equal(lines[1], '<checkstyle version="4.3">');
      assert.equal(lines[2], '  <file name="learner.Dockerfile">');
      assert.equal(lines.at(-2), '  <file name="clean.Dockerfile"/>');
      assert.equal(lines.at(-1), '</checkstyle>');
      const errors = lines.filter((l) => l.startsWith('    <error '));
      const json = JSON.parse((await cli(['lint', '-f', 'json', 'learner.Dockerfile'])).stdout) as unknown[];
      assert.equal(errors.length, json.length);
      for (const e of errors)
        assert.match(e, /^ {4}<error line="\d+" column="\d+" severity="(error|warning|info)" message="[^"<>]*" source="[A-Za-z0-9]+"\/>$/);
      assert.ok(
        errors.some((e) => e.includes('&quot;ubuntu&quot;')),
        'quotes in messages are escaped',
      );
    });
  });

  describe('text', () => {
    it('prints file:line:col CODE level: message', async () => {
      const r = await cli(['lint', 'learner.Dockerfile']);
      assert.match(r.stdout.split('\n')[0], /^learner\.Dockerfile:1:6 DL3006 warning: The base image "ubuntu" has no tag/);
      assert.doesNotMatch(r.stdout, /\u001b\[/);
    });

    it('uses colour on a terminal unless --no-color or NO_COLOR', async () => {
      assert.match((await cli(['lint', 'learner.Dockerfile'], { isTTY: true })).stdout, /\u001b\[33mwarning\u001b\[0m/);
      assert.doesNotMatch((await cli(['lint', '--no-color', 'learner.Dockerfile'], { isTTY: true })).stdout, /\u001b\[/);
      assert.doesNotMatch((await cli(['lint', 'learner.Dockerfile'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
    });

    it('prints nothing for a clean file', async () => {
      const r = await cli(['lint', 'clean.Dockerfile']);
      assert.deepEqual(r, { code: EXIT_OK, stdout: '', stderr: '' });
    });
  });

  describe('exit codes', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dfs-cli-'));
      writeFileSync(join(dir, '.hadolint.yaml'), '{}\n');
      writeFileSync(join(dir, 'Dockerfile'), 'FROM ubuntu\n');
      for (const level of ['error', 'warning', 'info', 'style'])
        writeFileSync(join(dir, `${level}.yaml`), `override:\n  ${level}: [DL3006]\n`);
      mkdirSync(join(dir, 'threshold'));
      writeFileSync(join(dir, 'threshold', '.hadolint.yaml'), 'failure-threshold: error\n');
      writeFileSync(join(dir, 'threshold', 'Dockerfile'), 'FROM ubuntu\n');
      mkdirSync(join(dir, 'nofail'));
      writeFileSync(join(dir, 'nofail', '.hadolint.yaml'), 'no-fail: true\n');
      writeFileSync(join(dir, 'nofail', 'Dockerfile'), 'FROM ubuntu\n');
      writeFileSync(join(dir, 'broken.yaml'), 'ignored: [\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    // One DL3006 finding, made each level with --config; the threshold decides.
    const matrix: [level: string, threshold: string | null, expected: number][] = [
      ['error', null, EXIT_FINDINGS],
      ['error', 'error', EXIT_FINDINGS],
      ['warning', null, EXIT_FINDINGS],
      ['warning', 'error', EXIT_OK],
      ['warning', 'warning', EXIT_FINDINGS],
      ['info', null, EXIT_FINDINGS],
      ['info', 'warning', EXIT_OK],
      ['style', null, EXIT_OK],
      ['style', 'style', EXIT_FINDINGS],
      ['style', 'none', EXIT_FINDINGS],
      ['style', 'ignore', EXIT_FINDINGS],
    ];
    for (const [level, threshold, expected] of matrix) {
      it(`${level === 'error' || level === 'info' ? 'an' : 'a'} ${level} finding with ${threshold ? `--failure-threshold ${threshold}` : 'the default threshold (info)'} exits ${expected}`, async () => {
        const r = await cli(['lint', '--config', `${level}.yaml`, ...(threshold ? ['-t', threshold] : []), 'Dockerfile'], { cwd: dir });
        assert.equal(r.code, expected, r.stdout + r.stderr);
        assert.match(r.stdout, new RegExp(`^Dockerfile:1:6 DL3006 ${level}: `));
      });
    }

    it('exits 0 with --no-fail whatever is found', async () => {
      assert.equal((await cli(['lint', '--no-fail', '-c', 'error.yaml', 'Dockerfile'], { cwd: dir })).code, EXIT_OK);
    });

    it('takes failure-threshold and no-fail from .hadolint.yaml, the option winning', async () => {
      assert.equal((await cli(['lint', 'threshold/Dockerfile'], { cwd: dir })).code, EXIT_OK);
      assert.equal((await cli(['lint', '-t', 'warning', 'threshold/Dockerfile'], { cwd: dir })).code, EXIT_FINDINGS);
      assert.equal((await cli(['lint', 'nofail/Dockerfile'], { cwd: dir })).code, EXIT_OK);
    });

    it('lints ./Dockerfile when no file is given', async () => {
      const r = await cli(['lint'], { cwd: dir });
      assert.equal(r.code, EXIT_FINDINGS);
      assert.match(r.stdout, /^Dockerfile:1:6 DL3006 warning/);
    });

    const usage: [what: string, argv: string[], message: RegExp][] = [
      ['an unknown option', ['lint', '--frobnicate', 'Dockerfile'], /Unknown option '--frobnicate'/],
      ['an unknown format', ['lint', '-f', 'xml', 'Dockerfile'], /Unknown format "xml"/],
      ['an unknown threshold', ['lint', '-t', 'fatal', 'Dockerfile'], /Unknown failure threshold "fatal"/],
      ['no command', [], /Missing command/],
      ['a wrong command', ['check', 'Dockerfile'], /Unknown command "check"/],
      ['a missing file', ['lint', 'Dockerfile', 'nope.Dockerfile'], /cannot read nope\.Dockerfile \(no such file\)/],
      ['a folder', ['lint', 'threshold'], /cannot read threshold \(not a file\)/],
      ['a missing --config file', ['lint', '-c', 'nope.yaml', 'Dockerfile'], /nope\.yaml does not exist/],
      ['an invalid --config file', ['lint', '-c', 'broken.yaml', 'Dockerfile'], /broken\.yaml is not valid YAML/],
      ['stdin twice', ['lint', '-', '-'], /only once/],
    ];
    for (const [what, argv, message] of usage) {
      it(`exits ${EXIT_USAGE} for ${what}, printing why and nothing on stdout`, async () => {
        const r = await cli(argv, { cwd: dir });
        assert.equal(r.code, EXIT_USAGE);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });
    }

    it('exits 2 when no file is given and there is no ./Dockerfile', async () => {
      mkdirSync(join(dir, 'empty'), { recursive: true });
      const r = await cli(['lint'], { cwd: join(dir, 'empty') });
      assert.equal(r.code, EXIT_USAGE);
      assert.match(r.stderr, /no FILE given/);
    });
  });

  describe('standard input', () => {
    it('reads "-" as a Dockerfile named "-", with the configuration of the working folder', async () => {
      const r = await cli(['lint', '-f', 'json', '-'], { stdin: 'FROM ubuntu\nRUN apt-get install -y --no-install-recommends curl\n' });
      const findings = JSON.parse(r.stdout) as { file: string; code: string; level: string }[];
      assert.deepEqual(
        findings.map((f) => `${f.file} ${f.code} ${f.level}`),
        ['- DL3006 warning', '- DL3008 warning'],
      );
      assert.equal(r.code, EXIT_FINDINGS);
    });

    it('mixes "-" with files', async () => {
      const r = await cli(['lint', 'clean.Dockerfile', '-'], { stdin: 'FROM alpine:3.20\nMAINTAINER me\n' });
      assert.match(r.stdout, /^-:2:1 DL4000 error: /);
      assert.equal(r.code, EXIT_FINDINGS);
    });
  });

  it('prints help and the version with exit 0', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, EXIT_OK);
    assert.match(help.stdout, /^Usage: dockerfile-studio lint/);
    const version = await cli(['lint', '--version']);
    assert.equal(version.code, EXIT_OK);
    assert.match(version.stdout, /^dockerfile-studio \S+\n$/);
  });
});
