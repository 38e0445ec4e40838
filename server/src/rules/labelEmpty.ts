import type { Problem, Rule } from './types';
import { labelPairs } from './util/labelValues';

export const labelEmpty: Rule = {
  id: 'DL3051',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  needsConfig: true,
  docs: {
    summary: 'Labels of your label schema must not be empty.',
    details: 'A label the schema requires says nothing when its value is empty. Give it a real value.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3051',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=""\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="tool"\n',
    options: { labelSchema: { 'org.opencontainers.image.title': 'text' } },
  },
  check(model, ctx) {
    const schema = ctx.options.labelSchema;
    const problems: Problem[] = [];
    for (const { prop } of labelPairs(model.instructions)) {
      if (!Object.prototype.hasOwnProperty.call(schema, prop.name) || (prop.value !== null && prop.value !== '')) continue;
      problems.push({
        range: prop.valueRange ?? prop.nameRange,
        message: `Label "${prop.name}" is empty. Your label schema expects a value here.`,
      });
    }
    return problems;
  },
};
