import type { Problem, Rule } from './types';
import { labelPairs } from './util/labelValues';

/** Why a label key breaks Docker's key conventions, or null when it follows them. */
export function labelKeyProblem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'must start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lowercase letter or a digit';
  const bad = /[^a-z0-9.-]/.exec(key);
  if (bad) return `may only contain lowercase letters, digits, dots and dashes (not "${bad[0]}")`;
  if (key.includes('..') || key.includes('--')) return 'must not repeat a separator (`..` or `--`)';
  if (/^(com\.docker|io\.docker|org\.dockerproject)\./.test(key)) return 'uses a namespace reserved for Docker itself';
  return null;
}

export const labelKeyInvalid: Rule = {
  id: 'DL3048',
  aliases: [],
  severity: 'hint',
  scope: 'instruction',
  docs: {
    summary: "Label keys should follow Docker's conventions.",
    details:
      'Docker recommends reverse-DNS label keys made of lowercase letters, digits, dots and dashes, starting with a ' +
      'letter and ending with a letter or digit (`org.opencontainers.image.source`). The `com.docker.*`, ' +
      '`io.docker.*` and `org.dockerproject.*` namespaces are reserved for Docker.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3048',
    bad: 'FROM alpine:3.20\nLABEL Description="Build tools"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.description="Build tools"\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const { prop } of labelPairs(model.instructions)) {
      if (prop.name.includes('$')) continue;
      const why = labelKeyProblem(prop.name);
      if (why)
        problems.push({
          range: prop.nameRange,
          message: `Label key "${prop.name}" ${why}. Use lowercase reverse-DNS keys such as "org.opencontainers.image.description" or "com.example.team".`,
        });
    }
    return problems;
  },
};
