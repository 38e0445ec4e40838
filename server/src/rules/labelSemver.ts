import type { Rule } from './types';
import { invalidTypedLabels, isSemver } from './util/labelValues';

export const labelSemver: Rule = {
  id: 'DL3056',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `semver` must hold a semantic version.',
    details:
      'A semantic version has three numbers and optional pre-release and build parts: `1.2.0`, `2.0.0-rc.1`, `1.0.0+build.5`, without a leading `v`.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3056',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.2"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.0"\n',
    options: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'semver',
      isSemver,
      (name, value) => `Label "${name}" should be a semantic version such as 1.2.0, but "${value}" is not one.`,
    );
  },
};
