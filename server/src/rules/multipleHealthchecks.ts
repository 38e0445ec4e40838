import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

export const multipleHealthchecks: Rule = {
  id: 'DL3012',
  aliases: ['MultipleInstructionsDisallowed'],
  severity: 'error',
  tags: [DiagnosticTag.Unnecessary],
  docs: {
    summary: 'A stage should have at most one HEALTHCHECK; only the last one counts.',
    details:
      'Each HEALTHCHECK replaces the previous one, so every HEALTHCHECK but the last in a stage has no effect. Keep ' +
      'the one you mean and delete the others. The ones that are ignored are the ones reported.',
    url: hadolintWiki('DL3012'),
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      for (const inst of checks.slice(0, -1)) {
        problems.push({
          range: { start: inst.keywordRange.start, end: inst.argsRange?.end ?? inst.keywordRange.end },
          message: `This HEALTHCHECK has no effect: a later HEALTHCHECK in the same stage (line ${checks[checks.length - 1].startLine + 1}) replaces it. Keep only one.`,
        });
      }
    }
    return problems;
  },
};
