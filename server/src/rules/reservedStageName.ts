import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule = {
  id: 'DL3063',
  aliases: ['ReservedStageName'],
  severity: 'warning',
  docs: {
    summary: 'Do not name a stage `scratch` or `context`.',
    details:
      '`scratch` is the empty image and `context` is the build context; both have a fixed meaning in `FROM` and ' +
      '`COPY --from`. A stage with one of these names is confusing at best and is not what the name refers to at worst. ' +
      'Pick another name.',
    url: hadolintWiki('DL3063'),
    bad: 'FROM alpine:3.20 AS scratch\n',
    good: 'FROM alpine:3.20 AS base\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const st of model.stages) {
      if (!st.name || !st.nameRange || !RESERVED.has(st.name.toLowerCase())) continue;
      problems.push({
        range: st.nameRange,
        message: `"${st.name}" is a reserved name (${st.name.toLowerCase() === 'scratch' ? 'the empty image' : 'the build context'}); give the stage another name.`,
      });
    }
    return problems;
  },
};
