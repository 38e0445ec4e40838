import type { Problem, Rule } from './types';
import { spanRange } from './util/ranges';
import { shippedStages, stageAncestry } from './util/stageGraph';

export const labelMissing: Rule = {
  id: 'DL3049',
  aliases: [],
  severity: 'info',
  needsConfig: true,
  docs: {
    summary: 'Every image should carry the labels your label schema requires.',
    details:
      'With a `label-schema` in `.hadolint.yaml`, each image this Dockerfile produces should set every label the ' +
      'schema lists. A stage that only feeds another stage (`COPY --from`, `FROM <stage>`) is not checked, and a ' +
      'stage inherits the labels of the stage it builds on.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3049',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="tool"\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="tool" org.opencontainers.image.version="1.2.0"\n',
    options: { labelSchema: { 'org.opencontainers.image.title': 'text', 'org.opencontainers.image.version': 'semver' } },
  },
  check(model, ctx) {
    const required = Object.keys(ctx.options.labelSchema);
    if (required.length === 0) return [];
    const own = model.stages.map(
      (s) => new Set(s.instructions.filter((i) => i.keyword === 'LABEL').flatMap((i) => i.properties.map((p) => p.name))),
    );
    const problems: Problem[] = [];
    for (const stage of shippedStages(model)) {
      const present = new Set(stageAncestry(model, stage).flatMap((s) => [...own[s.index]]));
      const missing = required.filter((name) => !present.has(name));
      if (missing.length === 0) continue;
      const from = stage.from;
      const last = from.args[from.args.length - 1];
      problems.push({
        range: last ? spanRange(from.keywordRange, last.range) : from.keywordRange,
        message:
          `This image has no ${missing.map((m) => `\`${m}\``).join(', ')} label${missing.length > 1 ? 's' : ''}, which your label schema requires. ` +
          `Add ${missing.length > 1 ? 'them' : 'it'} with LABEL in this stage.`,
      });
    }
    return problems;
  },
};
