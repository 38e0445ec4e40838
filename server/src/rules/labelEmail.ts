import type { Rule } from './types';
import { invalidTypedLabels, isEmail } from './util/labelValues';

export const labelEmail: Rule = {
  id: 'DL3058',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `email` must hold an e-mail address.',
    details: 'Write a plain address such as `team@example.com` (RFC 5322), without a display name around it.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3058',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n',
    options: { labelSchema: { 'org.opencontainers.image.authors': 'email' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'email',
      isEmail,
      (name, value) => `Label "${name}" should be an e-mail address such as team@example.com, but "${value}" is not one.`,
    );
  },
};
