// A misspelt FROM is one mistake: every rule, not only UnknownInstruction, reads the file as if the
// word were FROM, so the only new finding is UnknownInstruction's on that word.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DockerfileModel } from '../../../server/src/model';
import { emptyConfig, type LintConfig } from '../../../server/src/rules/config';
import { lint } from '../../../server/src/rules/engine';
import { rules } from '../../../server/src/rules/index';
import { fixtures } from '../../fuzz/generate';

/** Every rule on, the strictest profile: a cascade in any of them shows. */
function everyRule(): LintConfig {
  const config = emptyConfig();
  config.profile = 'strict';
  for (const r of rules) config.enabled.add(r.id);
  return config;
}

function findings(text: string): string[] {
  const model = new DockerfileModel('file:///misspelt/Dockerfile', 1, text);
  return lint(model, everyRule())
    .map((d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`)
    .sort();
}

describe('a misspelt FROM', () => {
  it('gets UnknownInstruction and nothing from the rules that need a stage', () => {
    const text = 'FORM ubuntu:24.04\nRUN apt-get update\nCMD ["x"]\n';
    const got = findings(text);
    assert.deepEqual(
      got.filter((f) => f.startsWith('UnknownInstruction')),
      ['UnknownInstruction 0:0'],
    );
    assert.deepEqual(
      got.filter((f) => !f.startsWith('UnknownInstruction')),
      findings(text.replace('FORM', 'FROM')),
    );
    assert.ok(!got.some((f) => /^(DL3061|MissingFrom) /.test(f)), got.join(', '));
  });

  it('leaves a file without FROM reported as one', () => {
    const got = findings('BUILD ubuntu:24.04\nRUN apt-get update\nCMD ["x"]\n');
    assert.ok(got.includes('MissingFrom 1:0'), got.join(', '));
    assert.ok(got.includes('DL3061 1:0'), got.join(', '));
  });

  it('in any FROM of the fixtures adds exactly one finding', () => {
    let checked = 0;
    for (const { name, text } of fixtures()) {
      const lines = text.split('\n');
      const expected = findings(text);
      lines.forEach((line, i) => {
        const m = /^(\s*)from\b/i.exec(line);
        if (!m) return;
        for (const typo of ['FORM', 'frmo']) {
          const misspelt = [...lines];
          misspelt[i] = m[1] + typo + line.slice(m[0].length);
          const got = findings(misspelt.join('\n'));
          const typoFinding: string = `UnknownInstruction ${i}:${m[1].length}`;
          assert.ok(got.includes(typoFinding), `${name} line ${i} as ${typo}: no ${typoFinding}`);
          assert.deepEqual(
            got.filter((f) => f !== typoFinding),
            expected,
            `${name} line ${i} as ${typo}`,
          );
          checked++;
        }
      });
    }
    assert.ok(checked > 50, `only ${checked} FROM lines checked`);
  });
});
