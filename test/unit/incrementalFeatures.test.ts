// Features that reuse per-instruction results across document versions (semantic tokens, formatting)
// must answer exactly what they answer for the same text parsed from scratch.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../server/src/features/context';
import { formatDocument } from '../../server/src/features/formatting';
import { semanticTokensFull } from '../../server/src/features/semanticTokens';
import { symbolAt, symbolAtInAllGroups } from '../../server/src/features/symbolIndex';
import { DockerfileModel, ModelCache } from '../../server/src/model';
import { defaultSettings, type Settings } from '../../server/src/protocol';
import { generateDockerfile } from '../../scripts/benchData';

function ctx(model: DockerfileModel, settings: Settings = defaultSettings): FeatureContext {
  return {
    model,
    settings,
    markup: 'markdown',
    lintConfig: () => assert.fail('not used'),
    lint: () => [],
    failures: undefined as never,
    log: () => undefined,
  };
}

const PALETTE = [
  'FROM alpine:3.20 AS extra',
  'FROM extra',
  'COPY --from=extra /a /b',
  'RUN --mount=type=cache,from=extra,target=/x echo $TARGETARCH',
  'ENV A=1 \\',
  '  # embedded comment',
  '  B="two words"',
  'run   echo   hi   ',
  'CMD ["a",   "b"]',
  '# comment   ',
  '',
  '   ',
  'ONBUILD  run echo ${X:-y}',
  'RUN <<EOF',
  'echo $HOME',
  'EOF',
];

function series(name: string, text: string, steps: number, seed: number): void {
  let s = seed || 1;
  const pick = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let lines = text.split('\n');
  const cache = new ModelCache();
  const uri = `file:///features/${encodeURIComponent(name)}`;
  const tabs = { ...defaultSettings, format: { ...defaultSettings.format, keywordCase: 'lower' as const } };
  for (let version = 1; version <= steps; version++) {
    lines = [...lines];
    const i = Math.floor(pick() * lines.length);
    if (pick() < 0.5) lines.splice(i, 0, PALETTE[Math.floor(pick() * PALETTE.length)]);
    else if (pick() < 0.5) lines[i] = PALETTE[Math.floor(pick() * PALETTE.length)];
    else lines[i] = (lines[i] ?? '') + ' ';
    const current = lines.join('\n');
    const model = cache.get(TextDocument.create(uri, 'dockerfile', version, current));
    const fresh = new DockerfileModel('file:///fresh', 1, current);
    const where = `${name}, version ${version}`;
    assert.deepEqual(
      semanticTokensFull(ctx(model), { textDocument: { uri } }),
      semanticTokensFull(ctx(fresh), { textDocument: { uri } }),
      where,
    );
    for (const [options, settings] of [
      [{ tabSize: 4, insertSpaces: true }, defaultSettings],
      [{ tabSize: 2, insertSpaces: false }, tabs],
    ] as const) {
      // A fresh model per style: its instructions have answered no other style before.
      assert.deepEqual(
        formatDocument(ctx(model, settings), { textDocument: { uri }, options }),
        formatDocument(ctx(new DockerfileModel('file:///fresh', 1, current), settings), { textDocument: { uri }, options }),
        `${where}, ${JSON.stringify(options)}`,
      );
    }
  }
}

describe('incremental features: same answers as from scratch', () => {
  const fixtures = join(__dirname, '..', 'fixtures', 'dockerfiles');
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.Dockerfile'))) {
    it(`semantic tokens and formatting across edits of ${file}`, () => {
      series(file, readFileSync(join(fixtures, file), 'utf8'), 20, file.length * 131);
    });
  }

  it('semantic tokens and formatting across edits of the 1,000-line bench file', () => {
    series('bench', generateDockerfile(1000).text, 10, 7);
  });
});

describe('symbol lookup by name: same answers as the whole-document index', () => {
  const fixtures = join(__dirname, '..', 'fixtures', 'dockerfiles');
  const texts: [string, string][] = readdirSync(fixtures)
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f) => [f, readFileSync(join(fixtures, f), 'utf8')]);
  texts.push(['bench', generateDockerfile(400).text]);
  texts.push([
    'stages',
    'FROM alpine AS Base\nFROM base AS b.2\nCOPY --from=0 /a /b\nCOPY --from=BASE /a /b\nRUN --mount=from=b.2,target=/x <<"EOF" cat\n$X ${EOF}\nEOF\nARG X\nRUN echo $X\n',
  ]);

  it('finds the same group and occurrence at every position of every fixture', () => {
    for (const [name, text] of texts) {
      const byName = new DockerfileModel('file:///a', 1, text);
      const whole = new DockerfileModel('file:///b', 1, text);
      byName.lines.forEach((line, l) => {
        for (let c = 0; c <= line.length; c++) {
          const a = symbolAt(byName, { line: l, character: c });
          const b = symbolAtInAllGroups(whole, { line: l, character: c });
          assert.deepEqual(
            a && { group: a.group, occurrence: a.occurrence },
            b && { group: b.group, occurrence: b.occurrence },
            `${name} ${l}:${c}`,
          );
        }
      });
    }
  });
});
