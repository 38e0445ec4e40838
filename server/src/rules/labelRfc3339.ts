import type { Rule } from './types';
import { invalidTypedLabels, isRfc3339 } from './util/labelValues';

export const labelRfc3339: Rule = {
  id: 'DL3053',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `rfc3339` must hold an RFC 3339 timestamp.',
    details:
      'RFC 3339 timestamps have a date, a time with seconds and a time zone: `2024-05-01T10:00:00Z` or `2024-05-01T12:00:00+02:00`. A build script can fill it in with `date -u +%Y-%m-%dT%H:%M:%SZ` and a build argument.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3053',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01 10:00"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T10:00:00Z"\n',
    options: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'rfc3339',
      isRfc3339,
      (name, value) => `Label "${name}" should be an RFC 3339 timestamp such as 2024-05-01T10:00:00Z, but "${value}" is not one.`,
    );
  },
};
