// Incremental linting (rules/instructionScope.ts) must give exactly what linting the same text from
// scratch gives. Every fixture Dockerfile, every rule's bad example and the bench's generated files
// go through a deterministic series of edits (typing, new and deleted lines, SHELL, FROM, ONBUILD,
// heredocs, continuations); after each one the incremental result is compared with a fresh lint.
// CORPUS_DIR=<folder of Dockerfiles> adds more files.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ModelCache, type DockerfileModel } from '../../server/src/model';
import { defaultSettings } from '../../server/src/protocol';
import { buildLintConfig, type LintConfig } from '../../server/src/rules/config';
import { lint } from '../../server/src/rules/engine';
import { rules } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';
import { generateDockerfile } from '../../scripts/benchData';

function config(): LintConfig {
  // Strict turns every rule on; a label schema and .dockerignore patterns let the option-driven rules run.
  const c = buildLintConfig(null, { ...defaultSettings, profile: 'strict' }, { dockerignore: ['*.md', 'secret/', '!keep.md'] });
  c.options.labelSchema = { 'org.opencontainers.image.url': 'url', maintainer: 'email', version: 'semver', created: 'rfc3339' };
  c.options.strictLabels = true;
  c.options.trustedRegistries = ['docker.io'];
  return c;
}

const key = (d: Diagnostic): string => JSON.stringify([d.range, d.code, d.message, d.severity, d.data, d.tags]);
const sorted = (ds: Diagnostic[]): string[] => ds.map(key).sort();

function fresh(text: string, cfg: LintConfig, ruleList?: readonly Rule[]): Diagnostic[] {
  const doc = TextDocument.create('file:///fresh/Dockerfile', 'dockerfile', 1, text);
  return lint(new ModelCache().get(doc), cfg, undefined, undefined, ruleList);
}

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const PALETTE = [
  'SHELL ["pwsh", "-c"]',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'FROM alpine:3.20 AS extra',
  'FROM extra',
  'RUN apt-get update && apt-get install curl',
  'RUN sudo apk add git && cd /tmp && pip install flask',
  'ONBUILD RUN apt-get install -y wget',
  'ONBUILD ADD . /app',
  'RUN <<EOF',
  'apt-get install -y vim',
  'EOF',
  'COPY --from=extra a b c',
  'COPY README.md secret/x /dst',
  'EXPOSE 80:80/TCP 70000',
  'LABEL maintainer="nobody" version=one',
  'ENV PASSWORD secret',
  'ARG TOKEN',
  'HEALTHCHECK --interval=5 CMD true',
  'CMD echo "unterminated',
  'WORKDIR relative/path',
  'USER root',
  'RUN --mount=type=cach,target=/x yum install httpd',
  '# hadolint ignore=DL3008',
  '# check=skip=JSONArgsRecommended',
  '',
  '    && echo continued \\',
];

type Edit = (lines: string[], pick: () => number) => void;

const EDITS: Edit[] = [
  // Typing at the end of a line (the common case).
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] += ' x';
  },
  // Deleting the last character of a line.
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = lines[i].slice(0, -1);
  },
  // A new line from the palette.
  (lines, pick) => {
    const i = Math.floor(pick() * (lines.length + 1));
    lines.splice(i, 0, PALETTE[Math.floor(pick() * PALETTE.length)]);
  },
  // Replacing a line with one from the palette (same line count: instructions after it keep their lines).
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = PALETTE[Math.floor(pick() * PALETTE.length)];
  },
  // Deleting a line.
  (lines, pick) => {
    if (lines.length > 1) lines.splice(Math.floor(pick() * lines.length), 1);
  },
  // A continuation at the end of a line joins it with the next.
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = lines[i].endsWith('\\') ? lines[i].slice(0, -1) : lines[i] + ' \\';
  },
];

function editSeries(name: string, text: string, steps: number, seed: number, cfg: LintConfig, ruleList?: readonly Rule[]): void {
  const pick = random(seed);
  const cache = new ModelCache();
  const uri = `file:///incremental/${encodeURIComponent(name)}`;
  let version = 1;
  let lines = text.split('\n');
  // A rule the engine has to demote (it reported outside the instructions it was given) is misdeclared.
  const log = (m: string): void => assert.fail(`${name}: ${m}`);
  const lintAt = (): { model: DockerfileModel; diagnostics: Diagnostic[] } => {
    const model = cache.get(TextDocument.create(uri, 'dockerfile', version, lines.join('\n')));
    return { model, diagnostics: lint(model, cfg, undefined, log, ruleList) };
  };
  lintAt();
  for (let step = 0; step < steps; step++) {
    lines = [...lines];
    EDITS[Math.floor(pick() * EDITS.length)](lines, pick);
    version++;
    const { diagnostics } = lintAt();
    const expected = fresh(lines.join('\n'), cfg, ruleList);
    assert.deepEqual(sorted(diagnostics), sorted(expected), `${name}, edit ${step + 1}:\n${lines.join('\n')}`);
  }
}

const fixtures = join(__dirname, '..', 'fixtures', 'dockerfiles');

describe('incremental lint: same findings as linting from scratch', () => {
  const cfg = config();

  it('declares instruction scope on at least the per-instruction syntax and shell rules', () => {
    // The engine only saves work for these; a refactor that drops the declarations would go unnoticed.
    const scoped = rules.filter((r) => r.scope === 'instruction').map((r) => r.id);
    for (const id of ['UnknownInstruction', 'UnknownFlag', 'InvalidJsonForm', 'UnterminatedQuote', 'DL3008', 'DL3015', 'DL3004']) {
      assert.ok(scoped.includes(id), `${id} is instruction-scoped`);
    }
  });

  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.Dockerfile'))) {
    it(`fixture ${file}`, () => {
      editSeries(file, readFileSync(join(fixtures, file), 'utf8'), 25, file.length * 7919, cfg);
    });
  }

  it("every rule's bad example, edited", () => {
    for (const rule of rules) {
      editSeries(`bad-${rule.id}`, rule.docs.bad, 8, rule.id.length * 104729, cfg);
    }
  });

  it('the bench file of 1,000 lines, edited', () => {
    editSeries('bench-1000', generateDockerfile(1000).text, 12, 42, cfg);
  });

  it('recomputes everything when the configuration changes', () => {
    const text = 'FROM alpine\nRUN apt-get install curl\nLABEL version=one\n';
    const cache = new ModelCache();
    const uri = 'file:///incremental/config';
    const first = lint(cache.get(TextDocument.create(uri, 'dockerfile', 1, text)), cfg);
    assert.ok(first.some((d) => d.code === 'DL3056'));
    const other = config();
    other.options.labelSchema = {};
    const second = lint(cache.get(TextDocument.create(uri, 'dockerfile', 2, text + '# comment\n')), other);
    assert.deepEqual(sorted(second), sorted(fresh(text + '# comment\n', other)));
    assert.ok(!second.some((d) => d.code === 'DL3056'));
  });

  it('re-reads RUNs whose shell changes through an earlier SHELL instruction', () => {
    const text = 'FROM alpine\nRUN echo\nRUN sudo apk add x\n';
    const cache = new ModelCache();
    const uri = 'file:///incremental/shell';
    const before = lint(cache.get(TextDocument.create(uri, 'dockerfile', 1, text)), cfg);
    assert.ok(before.some((d) => d.code === 'DL3004'));
    // Same line count: the RUN on line 2 is the same instruction object, but now runs under PowerShell.
    const after = lint(cache.get(TextDocument.create(uri, 'dockerfile', 2, text.replace('RUN echo', 'SHELL ["pwsh", "-c"]'))), cfg);
    assert.ok(!after.some((d) => d.code === 'DL3004'), JSON.stringify(after.map((d) => d.code)));
  });

  it('runs a rule that reports outside its instruction on the whole document from then on', () => {
    const logs: string[] = [];
    // Declared instruction-scoped, but reports on the first instruction whatever it was given.
    const liar: Rule = {
      id: 'TestLiar',
      aliases: [],
      severity: 'warning',
      scope: 'instruction',
      docs: { summary: 'test', url: 'https://example.com', bad: '', good: '' },
      check: (model) =>
        model.instructions.length
          ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `${model.instructions.length}` }]
          : [],
    };
    const text = 'FROM a\nRUN one\nRUN two\n';
    const cache = new ModelCache();
    const uri = 'file:///incremental/liar';
    lint(cache.get(TextDocument.create(uri, 'dockerfile', 1, text)), cfg, undefined, (m) => logs.push(m), [liar]);
    const edited = text.replace('RUN two', 'RUN three');
    const second = lint(cache.get(TextDocument.create(uri, 'dockerfile', 2, edited)), cfg, undefined, (m) => logs.push(m), [liar]);
    assert.deepEqual(
      second.map((d) => d.message),
      ['3'],
    );
    assert.ok(
      logs.some((l) => l.includes('TestLiar')),
      logs.join('\n'),
    );
  });

  const corpus = process.env.CORPUS_DIR;
  if (corpus) {
    it(`every file of CORPUS_DIR (${corpus}), edited`, function () {
      this.timeout(600_000);
      for (const file of readdirSync(corpus)) {
        editSeries(file, readFileSync(join(corpus, file), 'utf8'), 6, file.length * 31, cfg);
      }
    });
  }
});
