import type { Problem, Rule } from './types';
import { labelPairs } from './util/labelValues';

export const labelSuperfluous: Rule = {
  id: 'DL3050',
  aliases: [],
  severity: 'info',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'With strict labels, only the labels of your label schema are allowed.',
    details:
      'When `.hadolint.yaml` sets `strict-labels: true`, every LABEL key must be one the `label-schema` lists. ' +
      'Remove the label, or add it to the schema if it belongs there.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3050',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="tool" build-host="ci-7"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="tool"\n',
    options: { labelSchema: { 'org.opencontainers.image.title': 'text' }, strictLabels: true },
  },
  check(model, ctx) {
    if (!ctx.options.strictLabels) return [];
    const schema = ctx.options.labelSchema;
    const problems: Problem[] = [];
    for (const { prop } of labelPairs(model.instructions)) {
      if (Object.prototype.hasOwnProperty.call(schema, prop.name)) continue;
      problems.push({
        range: prop.nameRange,
        message: `Label "${prop.name}" is not in your label schema, and strict labels allow no others. Remove it or add it to \`label-schema\`.`,
      });
    }
    return problems;
  },
};
