// InvalidLintConfig: the file's pragmas and check comments, .hadolint.yaml and the editor settings are
// configuration too, and a typo in them silently turns nothing off. Names are checked against our
// rules and both vocabularies; problems found outside the file are shown on its first line.
import type { Range } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';
import { pragmasOf, type NameRef } from './util/pragmas';
import { buildKitSpelling, isKnownRuleName, unknownNameMessage } from './util/ruleNames';

function firstLine(lines: string[]): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: (lines[0] ?? '').length } };
}

export const invalidLintConfig: Rule = {
  id: 'InvalidLintConfig',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'Rule names in pragmas, check comments, .hadolint.yaml and settings must name real rules.',
    details:
      'A misspelt rule name in `# hadolint ignore=`, `# check=skip=`, `.hadolint.yaml` or the ' +
      '`dockerfileStudio.rules` setting silences nothing, and nobody notices. Names are hadolint codes ' +
      '(`DL3008`) or BuildKit check names (`JSONArgsRecommended`), in any case. A pragma also has to sit ' +
      'directly above the instruction it is for, with only comments in between. Problems in a ' +
      'configuration file or in the settings are shown on the first line of the Dockerfile.',
    url: 'https://docs.docker.com/reference/dockerfile/#check',
    bad: '# hadolint ignore=DL3O08\nFROM alpine:3.20\n',
    good: '# hadolint ignore=DL3008\nFROM alpine:3.20\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    const pragmas = pragmasOf(model);
    const names = (refs: NameRef[], where: string): void => {
      for (const ref of refs) {
        if (!isKnownRuleName(ref.name)) problems.push({ range: ref.range, message: unknownNameMessage(ref.name, where) });
      }
    };
    for (const p of pragmas.problems)
      problems.push({ range: p.range, message: p.message, ...(p.error ? { severity: 'error' as const } : {}) });
    for (const p of pragmas.ignores) {
      names(p.names, 'this hadolint pragma');
      if (p.kind === 'ignore' && !p.target) {
        problems.push({
          range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: (model.lines[p.line] ?? '').length } },
          message:
            'This pragma is not directly above an instruction, so it silences nothing. Move it to the line above the instruction (only comments may come between).',
        });
      }
    }
    const directive = pragmas.checkDirective;
    if (directive) {
      for (const ref of [...directive.skip, ...directive.experimental]) {
        if (!isKnownRuleName(ref.name)) {
          problems.push({ range: ref.range, message: unknownNameMessage(ref.name, 'the check directive') });
          continue;
        }
        const exact = buildKitSpelling(ref.name);
        if (exact && exact !== ref.name) {
          problems.push({
            range: ref.range,
            message: `docker build matches check names exactly, so it does not know "${ref.name}". Write "${exact}".`,
            data: { replacement: exact },
          });
        }
      }
    }
    for (const c of pragmas.checkComments) {
      names(c.skip, 'this check comment');
      if (!c.target) {
        problems.push({
          range: { start: { line: c.line, character: 0 }, end: { line: c.line, character: (model.lines[c.line] ?? '').length } },
          message:
            'This # check= comment has no effect: it is not the parser directive (directives must be the first lines of the file) and no instruction follows it directly.',
        });
      }
    }
    for (const issue of ctx.options.configIssues ?? []) problems.push({ range: firstLine(model.lines), message: issue.message });
    return problems;
  },
  fix(_model, problem) {
    const replacement = (problem.data as { replacement?: string } | undefined)?.replacement;
    return replacement ? [{ range: problem.range, newText: replacement }] : null;
  },
  safeFix: true,
};
