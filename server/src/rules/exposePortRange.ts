import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { dockerWordValue } from './util/words';

const PORT = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]+)?$/;

export const exposePortRange: Rule = {
  id: 'DL3011',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  docs: {
    summary: 'EXPOSE ports must be between 0 and 65535.',
    details: 'TCP and UDP ports are 16-bit numbers, so the highest port is 65535. A larger number is usually a typo.',
    url: hadolintWiki('DL3011'),
    bad: 'FROM nginx:1.27\nEXPOSE 80800\n',
    good: 'FROM nginx:1.27\nEXPOSE 8080\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const inst of model.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const word of inst.args) {
        const m = PORT.exec(dockerWordValue(word.value));
        if (!m) continue;
        const high = [m[1], m[2]].filter((x): x is string => x !== undefined).find((p) => Number(p) > 65535);
        if (!high) continue;
        problems.push({
          range: word.range,
          message: `Port ${high} does not exist: ports go from 0 to 65535.`,
        });
      }
    }
    return problems;
  },
};
