import type { Problem, Rule } from './types';

export const ignorePragma: Rule = {
  id: 'DL1001',
  aliases: [],
  severity: 'info',
  // hadolint ships this rule switched off: it is for teams that want every exception in .hadolint.yaml.
  defaultOff: true,
  docs: {
    summary: 'Avoid inline `# hadolint ignore=` comments (off by default).',
    details:
      'Some teams keep every exception in one reviewed place, `.hadolint.yaml`, instead of comments spread over ' +
      'Dockerfiles. Turn this rule on to find the inline ones; `# hadolint global ignore=` is not reported.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL1001',
    bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const c of model.comments) {
      if (!/^hadolint\s+ignore\s*=/.test(c.text)) continue;
      problems.push({
        range: c.range,
        message: 'This inline `# hadolint ignore=` hides a finding here. Your team asked to keep exceptions in .hadolint.yaml instead.',
      });
    }
    return problems;
  },
};
