import type { Problem, Rule } from './types';
import { spanRange } from './util/ranges';
import { shippedStages, stageAncestry } from './util/stageGraph';

export const healthcheckMissing: Rule = {
  id: 'DL3057',
  aliases: [],
  severity: 'info',
  // hadolint ships this rule switched off: many images are health-checked by their orchestrator instead.
  defaultOff: true,
  docs: {
    summary: 'Give the image a HEALTHCHECK (off by default).',
    details:
      'HEALTHCHECK tells Docker how to test that a running container still works, so `docker ps` and restart ' +
      'policies can see a hung service. Orchestrators such as Kubernetes use their own probes, which is why this ' +
      'check is off unless you turn it on. Build-only stages are not checked; a stage inherits the HEALTHCHECK of ' +
      'the stage it builds on.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3057',
    bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
    good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n',
  },
  check(model) {
    const own = model.stages.map((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
    const problems: Problem[] = [];
    for (const stage of shippedStages(model)) {
      if (stageAncestry(model, stage).some((s) => own[s.index])) continue;
      const from = stage.from;
      const last = from.args[from.args.length - 1];
      problems.push({
        range: last ? spanRange(from.keywordRange, last.range) : from.keywordRange,
        message:
          'This image has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add one, for example `HEALTHCHECK CMD curl -f http://localhost/ || exit 1`.',
      });
    }
    return problems;
  },
};
