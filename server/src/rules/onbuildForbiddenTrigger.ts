import type { Problem, Rule } from './types';

const FORBIDDEN: Record<string, string> = {
  ONBUILD: 'ONBUILD cannot be chained: a trigger cannot register another trigger.',
  FROM: 'FROM cannot be a trigger: a child image cannot switch to a different base when it builds.',
  MAINTAINER: 'MAINTAINER cannot be a trigger. Set a LABEL in this Dockerfile instead.',
};

export const onbuildForbiddenTrigger: Rule = {
  id: 'DL3043',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.',
    details:
      'ONBUILD stores an instruction that runs later, when another Dockerfile uses this image in its `FROM`. ' +
      'Docker refuses three instructions there: another ONBUILD, FROM (the child already chose its base) and ' +
      'MAINTAINER. The build stops with an error, so move the instruction out of ONBUILD.',
    url: 'https://github.com/hadolint/hadolint/wiki/DL3043',
    bad: 'FROM node:22\nONBUILD FROM node:22-slim\n',
    good: 'FROM node:22\nONBUILD COPY . /app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      const trigger = inst.trigger;
      if (inst.keyword !== 'ONBUILD' || !trigger) continue;
      const why = FORBIDDEN[trigger.keyword];
      if (why) problems.push({ range: trigger.keywordRange, message: `${why} Docker rejects \`ONBUILD ${trigger.keyword}\`.` });
    }
    return problems;
  },
};
