import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';

export const duplicateStageName: Rule = {
  id: 'DL3024',
  aliases: ['DuplicateStageName'],
  severity: 'error',
  docs: {
    summary: 'Stage names must be unique.',
    details:
      'Stage names are how `COPY --from`, `FROM <stage>` and `--target` find a stage, so two stages with the same name ' +
      '(compared without regard to case) make the build fail. Rename one of them.',
    url: hadolintWiki('DL3024'),
    bad: 'FROM node:20 AS build\nRUN npm ci\nFROM golang:1.22 AS build\nRUN go build ./...\n',
    good: 'FROM node:20 AS web\nRUN npm ci\nFROM golang:1.22 AS api\nRUN go build ./...\n',
  },
  check(model) {
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, stage.from.startLine);
        continue;
      }
      problems.push({
        range: stage.nameRange,
        message: `Stage name "${stage.name}" is already used on line ${first + 1}. Give this stage a different name.`,
      });
    }
    return problems;
  },
};
