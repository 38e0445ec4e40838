import type { Rule } from './types';
import { invalidTypedLabels, isSpdx } from './util/labelValues';

export const labelSpdx: Rule = {
  id: 'DL3054',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `spdx` must hold an SPDX license identifier or expression.',
    details:
      'Use the identifiers of the SPDX license list (`MIT`, `Apache-2.0`, `GPL-3.0-only`), combined with `AND`/`OR` when several apply, so that license scanners can read the label.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3054',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
    options: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'spdx',
      isSpdx,
      (name, value) =>
        `Label "${name}" should name a license the SPDX way (for example MIT or Apache-2.0), but "${value}" is not a valid SPDX identifier or expression.`,
    );
  },
};
