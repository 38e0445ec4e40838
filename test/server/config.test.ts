// Each form of configuration changes what the server reports: .hadolint.yaml (real files in a temp
// workspace, found by walking up from the Dockerfile), inline pragmas, BuildKit's check directive and
// per-instruction check comments, the dockerfileStudio.rules setting and the profile.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TestClient } from '../helpers/lsp';

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** `code@line:severity` for each finding, optionally of some codes only. */
function summary(diags: Diagnostic[], codes?: string[]): string[] {
  return diags
    .filter((d) => !codes || codes.includes(String(d.code)))
    .map((d) => `${d.code}@${d.range.start.line}:${SEVERITY[d.severity ?? 0]}`)
    .sort();
}

// A Dockerfile with one finding of each kind these tests switch around.
const SAMPLE = [
  'FROM alpine:3.20 AS scratch', // 0 DL3063 alias ReservedStageName (BuildKit check, warning)
  'MAINTAINER me', //               1 DL4000 alias MaintainerDeprecated (error)
  'ARG NPM_TOKEN', //               2 DL3064 alias SecretsUsedInArgOrEnv (warning)
  'RUN echo one', //                3
  'RUN echo two', //                4 DL3059 (info)
  'CMD echo hi', //                 5 DL3025 alias JSONArgsRecommended (warning)
  '',
].join('\n');
const CODES = ['DL3063', 'DL4000', 'DL3064', 'DL3059', 'DL3025'];
const DEFAULTS = ['DL3025@5:warning', 'DL3059@4:info', 'DL3063@0:warning', 'DL3064@2:warning', 'DL4000@1:error'];

describe('configuration changes what is reported', function () {
  this.timeout(20000);
  let root: string;
  let ws: string;
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  const clients: TestClient[] = [];

  const write = (rel: string, text: string): string => {
    const p = join(ws, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    return p;
  };

  async function client(configuration?: Record<string, unknown>): Promise<TestClient> {
    const c = await TestClient.start({ rootUri: pathToFileURL(ws).href, ...(configuration ? { configuration } : {}) });
    clients.push(c);
    return c;
  }

  /** Opens `text` as `<rel>/Dockerfile` in the workspace and pulls its diagnostics. */
  async function lintAt(c: TestClient, rel: string, text: string): Promise<Diagnostic[]> {
    const path = write(join(rel, 'Dockerfile'), text);
    const uri = await c.open(text, pathToFileURL(path).href);
    return c.diagnostics(uri);
  }

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'dfs-server-config-'));
    ws = join(root, 'ws');
    mkdirSync(ws);
    // A home of our own, so a developer's ~/.hadolint.yaml cannot change the results.
    process.env.HOME = join(root, 'home');
    process.env.XDG_CONFIG_HOME = join(root, 'home', 'xdg');
    mkdirSync(process.env.XDG_CONFIG_HOME, { recursive: true });
  });
  after(async () => {
    for (const c of clients) await c.stop();
    process.env.HOME = saved.HOME;
    if (saved.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = saved.XDG_CONFIG_HOME;
    rmSync(root, { recursive: true, force: true });
  });

  it('reports each sample finding at its default level without configuration', async () => {
    assert.deepEqual(summary(await lintAt(await client(), 'plain', SAMPLE), CODES), DEFAULTS);
  });

  describe('.hadolint.yaml', () => {
    it('drops ignored rules, by hadolint code or BuildKit name', async () => {
      write('ignored/.hadolint.yaml', 'ignored:\n  - DL3059\n  - jsonargsrecommended\n');
      const d = await lintAt(await client(), 'ignored/sub/dir', SAMPLE);
      assert.deepEqual(summary(d, CODES), ['DL3063@0:warning', 'DL3064@2:warning', 'DL4000@1:error']);
    });

    it('overrides levels, style meaning hint', async () => {
      write(
        'override/.hadolint.yaml',
        'override:\n  error: [DL3059]\n  style: [SecretsUsedInArgOrEnv, DL4000]\n  info: [ReservedStageName]\n',
      );
      const d = await lintAt(await client(), 'override', SAMPLE);
      assert.deepEqual(summary(d, CODES), ['DL3025@5:warning', 'DL3059@4:error', 'DL3063@0:info', 'DL3064@2:hint', 'DL4000@1:hint']);
    });

    it('uses the nearest file only', async () => {
      write('nearest/.hadolint.yaml', 'ignored: [DL3059]\n');
      write('nearest/app/.hadolint.yml', 'ignored: [DL4000]\n');
      const d = await lintAt(await client(), 'nearest/app', SAMPLE);
      assert.deepEqual(summary(d, ['DL3059', 'DL4000']), ['DL3059@4:info']);
    });

    it('falls back to the user-level file in XDG_CONFIG_HOME', async () => {
      writeFileSync(join(process.env.XDG_CONFIG_HOME!, 'hadolint.yaml'), 'ignored: [DL3064]\n');
      try {
        const d = await lintAt(await client(), 'user-level', SAMPLE);
        assert.deepEqual(summary(d, ['DL3064', 'DL3059']), ['DL3059@4:info']);
      } finally {
        rmSync(join(process.env.XDG_CONFIG_HOME!, 'hadolint.yaml'));
      }
    });

    it('applies label-schema, and strict-labels for labels outside it', async () => {
      const text = 'FROM alpine:3.20\nLABEL maintainer="me" extra="x"\n';
      write('labels/.hadolint.yaml', 'label-schema:\n  org.opencontainers.image.version: semver\n');
      write('strict/.hadolint.yaml', 'label-schema:\n  maintainer: text\nstrict-labels: true\n');
      const c = await client();
      assert.deepEqual(summary(await lintAt(c, 'plain-labels', text), ['DL3049', 'DL3050']), []);
      assert.deepEqual(summary(await lintAt(c, 'labels', text), ['DL3049', 'DL3050']), ['DL3049@0:info']);
      assert.deepEqual(summary(await lintAt(c, 'strict', text), ['DL3049', 'DL3050']), ['DL3050@1:info']);
    });

    it('passes trustedRegistries to DL3026', async () => {
      const text = 'FROM evil.example.com/base:1.0\nFROM docker.io/library/alpine:3.20\n';
      write('registries/.hadolint.yaml', 'trustedRegistries:\n  - docker.io\n');
      const c = await client();
      assert.deepEqual(summary(await lintAt(c, 'no-registries', text), ['DL3026']), []);
      assert.deepEqual(summary(await lintAt(c, 'registries', text), ['DL3026']), ['DL3026@0:error']);
    });

    it('honours disable-ignore-pragma', async () => {
      const text = 'FROM alpine:3.20\nRUN echo one\n# hadolint ignore=DL3059\nRUN echo two\n';
      write('pragmas-off/.hadolint.yaml', 'disable-ignore-pragma: true\n');
      const c = await client();
      assert.deepEqual(summary(await lintAt(c, 'pragmas-on', text), ['DL3059']), []);
      assert.deepEqual(summary(await lintAt(c, 'pragmas-off', text), ['DL3059']), ['DL3059@3:info']);
    });

    it('reports a bad file on the first line and goes on linting without it', async () => {
      write('broken/.hadolint.yaml', 'ignored: [DL3059\noverride: {\n');
      const d = await lintAt(await client(), 'broken', SAMPLE);
      const bad = d.filter((x) => x.code === 'InvalidLintConfig');
      assert.equal(bad.length, 1, JSON.stringify(d));
      assert.deepEqual(bad[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: SAMPLE.indexOf('\n') } });
      assert.equal(bad[0].severity, DiagnosticSeverity.Warning);
      assert.match(String(bad[0].message), /broken\/\.hadolint\.yaml is not valid YAML \(.+\), so it was ignored\./);
      assert.deepEqual(summary(d, CODES), DEFAULTS);
    });

    it('refuses YAML tags', async () => {
      write('tagged/.hadolint.yaml', 'ignored: !!js/function "function () {}"\n');
      const d = await lintAt(await client(), 'tagged', SAMPLE);
      assert.match(String(d.find((x) => x.code === 'InvalidLintConfig')?.message ?? ''), /uses a YAML tag .*only plain YAML is read/);
      assert.deepEqual(summary(d, CODES), DEFAULTS);
    });

    it('reports an unknown rule name in the file with a suggestion', async () => {
      write('typo/.hadolint.yaml', 'ignored: [DL3O59, SC2086]\n');
      const d = await lintAt(await client(), 'typo', SAMPLE);
      assert.deepEqual(
        d.filter((x) => x.code === 'InvalidLintConfig').map((x) => x.message),
        [`Unknown rule "DL3O59" in "ignored" of ${join(ws, 'typo', '.hadolint.yaml')}. Did you mean "DL3059"?`],
      );
    });

    it('reads the file again after the client reports it changed', async () => {
      const yaml = write('watched/.hadolint.yaml', 'ignored: [DL3059]\n');
      const c = await client();
      const path = write('watched/Dockerfile', SAMPLE);
      const uri = await c.open(SAMPLE, pathToFileURL(path).href);
      assert.deepEqual(summary(await c.diagnostics(uri), ['DL3059']), []);
      writeFileSync(yaml, 'ignored: []\noverride:\n  error: [DL3059]\n');
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(yaml).href, type: 2 }] });
      assert.deepEqual(summary(await c.diagnostics(uri), ['DL3059']), ['DL3059@4:error']);
    });
  });

  describe('inline pragmas', () => {
    it('# hadolint ignore= silences the next instruction only', async () => {
      const text = 'FROM alpine:3.20\nRUN echo one\n# hadolint ignore=DL3059\n# (a note between is fine)\nRUN echo two\nRUN echo three\n';
      assert.deepEqual(summary(await lintAt(await client(), 'ignore-next', text), ['DL3059']), ['DL3059@5:info']);
    });

    it('# hadolint global ignore= silences the whole file, by alias too', async () => {
      const text = '# hadolint global ignore=DL3059,MaintainerDeprecated\n' + SAMPLE;
      assert.deepEqual(summary(await lintAt(await client(), 'global', text), ['DL3059', 'DL4000']), []);
    });

    it('# hadolint shell= turns shell-specific rules off for a non-POSIX shell', async () => {
      const run = 'RUN wget -O - https://example.com/x.tgz | tar -xz\n';
      const c = await client();
      assert.deepEqual(summary(await lintAt(c, 'shell-posix', `FROM alpine:3.20\n${run}`), ['DL4006']), ['DL4006@1:warning']);
      assert.deepEqual(summary(await lintAt(c, 'shell-pwsh', `# hadolint shell=powershell\nFROM alpine:3.20\n${run}`), ['DL4006']), []);
    });

    it('reports an unknown name on its own range with a suggestion', async () => {
      const text = 'FROM alpine:3.20\nRUN echo one\n# hadolint ignore=DL3O59\nRUN echo two\n';
      const d = await lintAt(await client(), 'pragma-typo', text);
      const bad = d.find((x) => x.code === 'InvalidLintConfig');
      assert.deepEqual(bad?.range, { start: { line: 2, character: 18 }, end: { line: 2, character: 24 } });
      assert.equal(bad?.message, 'Unknown rule "DL3O59" in this hadolint pragma. Did you mean "DL3059"?');
      assert.deepEqual(summary(d, ['DL3059']), ['DL3059@3:info'], 'the misspelt name silences nothing');
    });
  });

  describe('BuildKit check directive and comments', () => {
    it('skip= silences the named checks, by BuildKit name or hadolint code', async () => {
      const text = '# check=skip=MaintainerDeprecated,ReservedStageName\n' + SAMPLE;
      assert.deepEqual(summary(await lintAt(await client(), 'check-skip', text), CODES), [
        'DL3025@6:warning',
        'DL3059@5:info',
        'DL3064@3:warning',
      ]);
    });

    it('skip=all silences every BuildKit check and leaves hadolint-only rules', async () => {
      const text = '# check=skip=all\n' + SAMPLE;
      assert.deepEqual(summary(await lintAt(await client(), 'check-all', text), CODES), ['DL3059@5:info']);
    });

    it('error=true turns check findings into errors', async () => {
      const text = '# check=error=true\n' + SAMPLE;
      assert.deepEqual(summary(await lintAt(await client(), 'check-error', text), CODES), [
        'DL3025@6:error',
        'DL3059@5:info',
        'DL3063@1:error',
        'DL3064@3:error',
        'DL4000@2:error',
      ]);
    });

    it('experimental= enables an experimental check', async () => {
      const text = '# Base image\nFROM alpine:3.20 AS base\nRUN echo hi\n';
      const c = await client();
      assert.deepEqual(summary(await lintAt(c, 'exp-off', text), ['InvalidDefinitionDescription']), []);
      const on = await lintAt(c, 'exp-on', '# check=experimental=InvalidDefinitionDescription\n\n' + text);
      assert.deepEqual(summary(on, ['InvalidDefinitionDescription']), ['InvalidDefinitionDescription@2:warning']);
    });

    it('a # check=skip= comment above an instruction silences that instruction only', async () => {
      const text = 'FROM alpine:3.20\nRUN echo one\n# check=skip=DL3059\nRUN echo two\nRUN echo three\n';
      assert.deepEqual(summary(await lintAt(await client(), 'check-comment', text), ['DL3059']), ['DL3059@4:info']);
    });

    it('reports an unknown check name with a suggestion', async () => {
      const text = '# check=skip=JSONArgsRecomended\nFROM alpine:3.20\n';
      const d = await lintAt(await client(), 'check-typo', text);
      assert.deepEqual(
        d.filter((x) => x.code === 'InvalidLintConfig').map((x) => `${x.range.start.line}:${x.range.start.character} ${x.message}`),
        ['0:13 Unknown rule "JSONArgsRecomended" in the check directive. Did you mean "JSONArgsRecommended"?'],
      );
    });
  });

  describe('settings', () => {
    it('dockerfileStudio.rules sets levels by id or alias and wins over .hadolint.yaml', async () => {
      write('settings/.hadolint.yaml', 'ignored: [DL3059]\noverride:\n  style: [DL3064]\n');
      const c = await client({
        rules: { DL3059: 'warning', SecretsUsedInArgOrEnv: 'error', maintainerdeprecated: 'off', ReservedStageName: 'hint' },
      });
      assert.deepEqual(summary(await lintAt(c, 'settings', SAMPLE), CODES), [
        'DL3025@5:warning',
        'DL3059@4:warning',
        'DL3063@0:hint',
        'DL3064@2:error',
      ]);
    });

    it('a level set for a rule also applies to its problems that carry their own severity', async () => {
      // InvalidJsonForm warns about a shell-form fallback and errs where the build stops (a number element).
      const text = 'FROM alpine:3.20\nCMD ["sleep", 5]\nENTRYPOINT [\'a\']\n';
      assert.deepEqual(summary(await lintAt(await client(), 'own-default', text), ['InvalidJsonForm']), [
        'InvalidJsonForm@1:error',
        'InvalidJsonForm@2:warning',
      ]);
      const c = await client({ rules: { InvalidJsonForm: 'info' } });
      assert.deepEqual(summary(await lintAt(c, 'own-set', text), ['InvalidJsonForm']), [
        'InvalidJsonForm@1:info',
        'InvalidJsonForm@2:info',
      ]);
    });

    it('reports unknown rule names in the settings on the first line, with a suggestion', async () => {
      const c = await client({ rules: { DL3O59: 'off' } });
      const d = await lintAt(c, 'settings-typo', SAMPLE);
      const bad = d.filter((x) => x.code === 'InvalidLintConfig');
      assert.deepEqual(
        bad.map((x) => [x.range.start.line, x.message]),
        [[0, 'Unknown rule "DL3O59" in the dockerfileStudio.rules setting. Did you mean "DL3059"?']],
      );
      assert.deepEqual(summary(d, CODES), DEFAULTS);
    });

    it('the learning profile turns version pinning into hints', async () => {
      const text = 'FROM ubuntu\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
      const c = await client({ profile: 'learning' });
      assert.deepEqual(summary(await lintAt(c, 'learning', text), ['DL3006', 'DL3008']), ['DL3006@0:hint', 'DL3008@1:hint']);
      const r = await client({ profile: 'recommended' });
      assert.deepEqual(summary(await lintAt(r, 'recommended', text), ['DL3006', 'DL3008']), ['DL3006@0:warning', 'DL3008@1:warning']);
    });

    it('the strict profile turns warnings into errors and default-off rules on', async () => {
      const c = await client({ profile: 'strict' });
      const d = await lintAt(c, 'strict-profile', SAMPLE);
      assert.deepEqual(summary(d, [...CODES, 'DL3057']), [
        'DL3025@5:error',
        'DL3057@0:info',
        'DL3059@4:info',
        'DL3063@0:error',
        'DL3064@2:error',
        'DL4000@1:error',
      ]);
    });
  });
});
