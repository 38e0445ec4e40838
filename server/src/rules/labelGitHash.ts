import type { Rule } from './types';
import { invalidTypedLabels, isGitHash } from './util/labelValues';

export const labelGitHash: Rule = {
  id: 'DL3055',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `hash` must hold a git commit id.',
    details:
      'Record the commit the image was built from as lowercase hexadecimal, full length or abbreviated (`git rev-parse HEAD`); a branch or tag name moves and cannot identify the build.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3055',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="3f9c2a1"\n',
    options: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'hash',
      isGitHash,
      (name, value) =>
        `Label "${name}" should be a git commit id (lowercase hex, such as the output of git rev-parse HEAD), but "${value}" is not one.`,
    );
  },
};
