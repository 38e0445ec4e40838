import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

// Reported on the later HEALTHCHECK, like hadolint (so existing `# hadolint ignore=DL3012` lines
// keep working) and like DL4003/DL4004, which share the BuildKit name.
export const multipleHealthchecks: Rule = {
  id: 'DL3012',
  aliases: ['MultipleInstructionsDisallowed'],
  severity: 'error',
  docs: {
    summary: 'A stage should have at most one HEALTHCHECK; only the last one counts.',
    details:
      'Each HEALTHCHECK replaces the previous one, so every HEALTHCHECK but the last in a stage has no effect and ' +
      'misleads whoever reads the file. Keep the one you mean and delete the others.',
    url: hadolintWiki('DL3012'),
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      for (let k = 1; k < checks.length; k++) {
        problems.push({
          range: checks[k].keywordRange,
          message: `This stage already has a HEALTHCHECK (line ${checks[k - 1].startLine + 1}). Only the last HEALTHCHECK of a stage takes effect, so the earlier one does nothing. Keep one.`,
        });
      }
    }
    return problems;
  },
};
