// The pure parts of lint configuration: .hadolint.yaml parsing, in-file pragmas and directives, and
// how sources combine into levels and suppressions (with stand-in rules, so the tests do not depend
// on which real rules exist).
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DockerfileModel } from '../../server/src/model';
import { buildLintConfig, emptyConfig, levelFor } from '../../server/src/rules/config';
import { isPosixShellFactory, lint } from '../../server/src/rules/engine';
import type { Rule, Severity } from '../../server/src/rules/types';
import { parseHadolintYaml, parseThreshold } from '../../server/src/rules/util/hadolintYaml';
import { pragmasOf } from '../../server/src/rules/util/pragmas';
import { defaultSettings } from '../../server/src/protocol';
import { fmtRange } from '../helpers/ruleTester';

/** A stand-in rule that reports the keyword of every instruction with the given keyword. */
function keywordRule(id: string, keyword: string, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    aliases: [],
    severity: 'warning' as Severity,
    docs: { summary: '', url: 'https://example.invalid', bad: '', good: '' },
    check: (model) =>
      model.instructions.filter((i) => i.keyword === keyword).map((i) => ({ range: i.keywordRange, message: `${id} ${i.startLine}` })),
    ...extra,
  };
}

// Real names matter for suppression by name: these ids and aliases exist in one of the vocabularies.
const hadolintRun = keywordRule('DL3059', 'RUN', { severity: 'info' });
const buildkitCmd = keywordRule('JSONArgsRecommended', 'CMD');
const aliasedMaintainer = keywordRule('DL4000', 'MAINTAINER', { aliases: ['MaintainerDeprecated'], severity: 'error' });
const experimental = keywordRule('InvalidDefinitionDescription', 'FROM', { experimental: true });
const offByDefault = keywordRule('DL3057', 'USER', { defaultOff: true, severity: 'info' });
const RULES = [hadolintRun, buildkitCmd, aliasedMaintainer, experimental, offByDefault];

function run(text: string, settings: Partial<typeof defaultSettings> = {}, yaml?: string): Diagnostic[] {
  const model = new DockerfileModel('file:///w/Dockerfile', 1, text);
  const config = buildLintConfig(
    model,
    { ...defaultSettings, ...settings },
    yaml === undefined ? {} : { hadolint: parseHadolintYaml(yaml, '/w/.hadolint.yaml') },
  );
  return lint(model, config, undefined, undefined, RULES);
}

function found(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.code}@${d.range.start.line}:${d.severity}`);
}

describe('.hadolint.yaml parsing', () => {
  it('reads every setting hadolint documents', () => {
    const c = parseHadolintYaml(
      [
        'ignored: [DL3000, SC1010]',
        'override:',
        '  error: [DL3001]',
        '  warning: [DL3002]',
        '  info: [DL3003]',
        '  style: [DL3004]',
        'trustedRegistries: [docker.io, my.registry:5000]',
        'label-schema:',
        '  author: text',
        '  url: url',
        'strict-labels: true',
        'disable-ignore-pragma: true',
        'failure-threshold: warning',
        'no-fail: false',
        'format: json',
      ].join('\n'),
      '/p/.hadolint.yaml',
    );
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.ignored, ['DL3000', 'SC1010']);
    assert.deepEqual(c.override, { error: ['DL3001'], warning: ['DL3002'], info: ['DL3003'], style: ['DL3004'] });
    assert.deepEqual(c.trustedRegistries, ['docker.io', 'my.registry:5000']);
    assert.deepEqual(c.labelSchema, { author: 'text', url: 'url' });
    assert.equal(c.strictLabels, true);
    assert.equal(c.disableIgnorePragma, true);
    assert.equal(c.failureThreshold, 'warning');
    assert.equal(c.noFail, false);
  });

  it('treats an empty file as no settings', () => {
    assert.deepEqual(parseHadolintYaml('', 'x').problems, []);
    assert.deepEqual(parseHadolintYaml('# only a comment\n', 'x').problems, []);
  });

  it('refuses custom tags instead of resolving them', () => {
    const c = parseHadolintYaml('ignored: !!js/function "function () { return 1 }"\n', '/p/.hadolint.yaml');
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0], /YAML tag.*only plain YAML/);
    assert.deepEqual(c.ignored, []);
  });

  it('reports invalid YAML with the parser reason and keeps nothing of it', () => {
    const c = parseHadolintYaml('ignored: [DL3008\noverride: {', '/p/.hadolint.yaml');
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0], /^\/p\/\.hadolint\.yaml is not valid YAML \(.+\), so it was ignored\.$/);
    assert.deepEqual(c.ignored, []);
  });

  it('stops an alias explosion instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'ignored: [*c, *c, *c]',
    ].join('\n');
    const c = parseHadolintYaml(bomb, 'bomb.yaml');
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0], /could not be read/);
  });

  it('refuses a file over the size limit', () => {
    const c = parseHadolintYaml(`ignored: [${'DL3008, '.repeat(40_000)}DL3009]`, 'big.yaml');
    assert.match(c.problems[0], /larger than 256 KB/);
    assert.deepEqual(c.ignored, []);
  });

  it('reports wrong shapes and unknown keys but keeps the good settings', () => {
    const c = parseHadolintYaml(
      [
        'ignore: [DL3008]',
        'ignored: DL3009',
        'override:',
        '  errors: [DL3001]',
        '  info: [DL3003]',
        'label-schema:',
        '  a: number',
        'strict-labels: yes please',
        'failure-threshold: loud',
      ].join('\n'),
      'p.yaml',
    );
    assert.deepEqual(c.override.info, ['DL3003']);
    assert.deepEqual(
      c.problems.map((p) => p.replace(/ in p\.yaml| of p\.yaml/, '')),
      [
        'Unknown setting "ignore". Did you mean "ignored"?',
        '"ignored" must be a list of rule names.',
        'Unknown level "errors" under "override". Did you mean "error"?',
        'Label "a" in "label-schema" has type "number"; use one of text, url, semver, hash, rfc3339, spdx, email.',
        '"strict-labels" must be true or false.',
        '"failure-threshold" must be one of error, warning, info, style or none.',
      ],
    );
  });

  it('reads a mapping only', () => {
    assert.match(parseHadolintYaml('- DL3008\n', 'l.yaml').problems[0], /must be a mapping/);
  });

  it('maps hadolint threshold words, ignore meaning none', () => {
    assert.equal(parseThreshold('ignore'), 'none');
    assert.equal(parseThreshold('STYLE'), 'style');
    assert.equal(parseThreshold('hint'), 'style');
    assert.equal(parseThreshold('fatal'), undefined);
  });
});

describe('in-file pragmas', () => {
  it('finds each name with its exact range, and the instruction an ignore applies to', () => {
    const model = new DockerfileModel(
      'file:///w/Dockerfile',
      1,
      '# hadolint global ignore=DL3008 ,  DL3009 # why\nFROM a\n# hadolint ignore=DL3059\n# a note\nRUN x\n',
    );
    const p = pragmasOf(model);
    assert.deepEqual(
      p.ignores.map((i) => [i.kind, i.names.map((n) => `${n.name}@${fmtRange(n.range)}`), i.target?.index ?? null]),
      [
        ['global', ['DL3008@0:25-0:31', 'DL3009@0:35-0:41'], null],
        ['ignore', ['DL3059@2:18-2:24'], 1],
      ],
    );
    assert.deepEqual(p.problems, []);
  });

  it('applies an ignore pragma to nothing when a blank line separates it from the instruction', () => {
    const model = new DockerfileModel('file:///w/Dockerfile', 1, 'FROM a\n# hadolint ignore=DL3059\n\nRUN x\n');
    assert.equal(pragmasOf(model).ignores[0].target, null);
  });

  it('reports a pragma with trailing words or a misspelt keyword, and leaves prose alone', () => {
    const model = new DockerfileModel(
      'file:///w/Dockerfile',
      1,
      'FROM a\n# hadolint ignore=DL3059 because\n# hadolint ignor=DL3059\n# hadolint is run in CI\nRUN x\n',
    );
    assert.deepEqual(
      pragmasOf(model).problems.map((x) => fmtRange(x.range)),
      ['1:0-1:32', '2:0-2:23'],
    );
    assert.deepEqual(pragmasOf(model).ignores, []);
  });

  it('parses the check directive with BuildKit keys, and reports what BuildKit would reject', () => {
    const model = new DockerfileModel(
      'file:///w/Dockerfile',
      1,
      '# check=skip=JSONArgsRecommended, StageNameCasing;error=true;experimental=all\nFROM a\n',
    );
    const d = pragmasOf(model).checkDirective!;
    assert.deepEqual(
      d.skip.map((n) => `${n.name}@${fmtRange(n.range)}`),
      ['JSONArgsRecommended@0:13-0:32', 'StageNameCasing@0:34-0:49'],
    );
    assert.equal(d.error, true);
    assert.equal(d.experimentalAll, true);
    const bad = new DockerfileModel('file:///w/Dockerfile', 1, '# check=Skip=A;error=yes;nonsense\nFROM a\n');
    assert.deepEqual(
      pragmasOf(bad).problems.map((x) => `${fmtRange(x.range)} ${x.error ? 'error' : 'warning'} ${x.message}`),
      [
        '0:8-0:14 error Unknown check option "Skip". Did you mean "skip"? Keys are case-sensitive.',
        '0:21-0:24 error error= takes true or false, not "yes".',
        '0:25-0:33 error "nonsense" is not a check option: write skip=..., error=true or experimental=....',
      ],
    );
  });

  it('reads per-instruction check comments, skip only', () => {
    const model = new DockerfileModel('file:///w/Dockerfile', 1, 'FROM a\n# check=skip=JSONArgsRecommended;error=true\nCMD x\n');
    const [c] = pragmasOf(model).checkComments;
    assert.deepEqual(
      c.skip.map((n) => n.name),
      ['JSONArgsRecommended'],
    );
    assert.equal(c.target?.keyword, 'CMD');
    assert.match(pragmasOf(model).problems[0].message, /error= only works in the # check= directive/);
  });
});

describe('levels and suppressions', () => {
  const text = 'FROM a\nMAINTAINER me\nRUN x\nRUN y\nCMD z\nUSER 1000\n';

  it('uses each rule default: experimental and defaultOff rules stay off', () => {
    assert.deepEqual(found(run(text)), ['DL3059@2:3', 'DL3059@3:3', 'JSONArgsRecommended@4:2', 'DL4000@1:1']);
  });

  it('applies .hadolint.yaml overrides (style becomes hint) and ignored, which wins', () => {
    assert.deepEqual(
      found(run(text, {}, 'override:\n  style: [DL3059]\n  error: [JSONArgsRecommended, DL3057]\nignored: [MaintainerDeprecated]\n')),
      ['DL3059@2:4', 'DL3059@3:4', 'JSONArgsRecommended@4:1', 'DL3057@5:1'],
    );
  });

  it('lets the settings win over .hadolint.yaml, by id or alias in any case', () => {
    assert.deepEqual(found(run(text, { rules: { dl3059: 'error', maintainerdeprecated: 'off' } }, 'ignored: [DL3059]\n')), [
      'DL3059@2:1',
      'DL3059@3:1',
      'JSONArgsRecommended@4:2',
    ]);
  });

  it('honours the check directive: skip by alias, error=true for checks only, experimental by name', () => {
    const d = run('# check=skip=MaintainerDeprecated;error=true;experimental=InvalidDefinitionDescription\n' + text);
    assert.deepEqual(found(d), ['DL3059@3:3', 'DL3059@4:3', 'JSONArgsRecommended@5:1', 'InvalidDefinitionDescription@1:1']);
  });

  it('skip=all silences BuildKit checks, not hadolint rules and not enabled experimental checks', () => {
    assert.deepEqual(found(run('# check=skip=all;experimental=all\n' + text)), [
      'DL3059@3:3',
      'DL3059@4:3',
      'InvalidDefinitionDescription@1:2',
    ]);
  });

  it('silences one instruction with # hadolint ignore or # check=skip, and the file with global ignore', () => {
    const d = run(
      'FROM a\n# hadolint ignore=DL3059\nRUN x\nRUN y\n# check=skip=JSONArgsRecommended\nCMD z\n# hadolint global ignore=MaintainerDeprecated\nMAINTAINER me\n',
    );
    assert.deepEqual(found(d), ['DL3059@3:3']);
  });

  it('keeps inline suppressions even when the settings raise the rule', () => {
    assert.deepEqual(found(run('FROM a\n# hadolint ignore=DL3059\nRUN x\n', { rules: { DL3059: 'error' } })), []);
  });

  it('turns inline suppressions off with disable-ignore-pragma, but not the check directive', () => {
    const d = run(
      '# check=skip=JSONArgsRecommended\nFROM a\n# hadolint ignore=DL3059\nRUN x\n# hadolint global ignore=DL4000\nMAINTAINER me\nCMD z\n',
      {},
      'disable-ignore-pragma: true\n',
    );
    assert.deepEqual(found(d), ['DL3059@3:3', 'DL4000@5:1']);
  });

  it('learning makes pinning rules hints; strict turns everything on and warnings into errors', () => {
    const pin = keywordRule('DL3008', 'RUN');
    const model = new DockerfileModel('file:///w/Dockerfile', 1, text);
    const learning = buildLintConfig(model, { ...defaultSettings, profile: 'learning' });
    assert.equal(levelFor(pin, learning), 'hint');
    assert.equal(levelFor(buildkitCmd, learning), 'warning');
    const strict = buildLintConfig(model, { ...defaultSettings, profile: 'strict' });
    assert.deepEqual(
      [pin, buildkitCmd, hadolintRun, experimental, offByDefault].map((r) => levelFor(r, strict)),
      ['error', 'error', 'info', 'error', 'info'],
    );
    assert.equal(levelFor(pin, buildLintConfig(model, { ...defaultSettings, profile: 'strict', rules: { DL3008: 'hint' } })), 'hint');
  });

  it('collects unknown names and bad values from settings and files, with suggestions', () => {
    const model = new DockerfileModel('file:///w/Dockerfile', 1, text);
    const c = buildLintConfig(
      model,
      { ...defaultSettings, profile: 'loud' as never, rules: { DL3O59: 'off', DL3059: 'warn' as never, SC2086: 'off' } },
      {
        hadolint: parseHadolintYaml('ignored: [JSONArgsRecomended]\n', '/w/.hadolint.yaml'),
      },
    );
    assert.deepEqual(
      c.issues.map((i) => i.message),
      [
        'dockerfileStudio.profile is "loud"; use recommended, learning or strict.',
        'Unknown rule "JSONArgsRecomended" in "ignored" of /w/.hadolint.yaml. Did you mean "JSONArgsRecommended"?',
        'Unknown rule "DL3O59" in the dockerfileStudio.rules setting. Did you mean "DL3059"?',
        '"DL3059" is set to "warn" in the dockerfileStudio.rules setting; use off, hint, info, warning or error.',
      ],
    );
    assert.equal(c.options.configIssues, c.issues);
  });

  it('keeps trusted registries, label schema and strict labels for the rules that read them', () => {
    const c = buildLintConfig(null, defaultSettings, {
      hadolint: parseHadolintYaml('trustedRegistries: [r.example]\nlabel-schema: {author: text}\nstrict-labels: true\n', 'x'),
      dockerignore: ['*.md'],
      contextFolder: '/w',
    });
    assert.deepEqual(c.options.trustedRegistries, ['r.example']);
    assert.deepEqual(c.options.labelSchema, { author: 'text' });
    assert.equal(c.options.strictLabels, true);
    assert.deepEqual(c.options.dockerignore, ['*.md']);
    assert.equal(c.options.contextFolder, '/w');
    assert.equal(emptyConfig().options.strictLabels, false);
  });
});

describe('# hadolint shell= and the POSIX shell answer', () => {
  const posix = (text: string): boolean[] => {
    const model = new DockerfileModel('file:///w/Dockerfile', 1, text);
    const isPosix = isPosixShellFactory(model);
    return model.instructions.filter((i) => i.keyword === 'RUN').map((i) => isPosix(i));
  };

  it('switches every stage when written before the first FROM', () => {
    assert.deepEqual(posix('# hadolint shell=powershell\nFROM a\nRUN x\nFROM b\nRUN y\n'), [false, false]);
  });

  it('switches the rest of its stage only when written inside one', () => {
    assert.deepEqual(posix('FROM a\nRUN x\n# hadolint shell=pwsh\nRUN y\nFROM b\nRUN z\n'), [true, false, true]);
  });

  it('gives way to a later SHELL instruction', () => {
    assert.deepEqual(posix('# hadolint shell=cmd\nFROM a\nRUN x\nSHELL ["/bin/bash", "-c"]\nRUN y\n'), [false, true]);
  });
});
