import type { Rule } from './types';
import { invalidTypedLabels, isUrl } from './util/labelValues';

export const labelUrl: Rule = {
  id: 'DL3052',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels your schema types as `url` must hold an absolute URL.',
    details:
      'Write the full address with its scheme, such as `https://example.com/docs`; tools that read the label cannot follow a bare host name or path.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3052',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/tool"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/tool"\n',
    options: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  },
  check(model, ctx) {
    return invalidTypedLabels(
      model.instructions,
      ctx.options.labelSchema,
      'url',
      isUrl,
      (name, value) =>
        `Label "${name}" should be an absolute URL, but "${value}" is not one. Write it with a scheme, for example https://example.com/project.`,
    );
  },
};
