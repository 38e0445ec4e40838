import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { dockerWordValue } from './util/words';

function isRoot(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}

export const lastUserRoot: Rule = {
  id: 'DL3002',
  aliases: [],
  severity: 'warning',
  docs: {
    summary: 'The last USER of a stage should not be root.',
    details:
      'The last USER decides who runs the container. Running as root means a bug in your program can change anything ' +
      'inside the container and makes escaping it easier. Switch back to an unprivileged user after the steps that ' +
      'need root. Each stage is checked, because any stage can be built on its own with `--target`.',
    url: hadolintWiki('DL3002'),
    bad: 'FROM debian:12\nRUN useradd app\nUSER app\nRUN echo hi\nUSER root\n',
    good: 'FROM debian:12\nRUN useradd app\nUSER root\nRUN echo hi\nUSER app\n',
  },
  check(model) {
    const problems: Problem[] = [];
    for (const stage of model.stages) {
      const users = stage.instructions.filter((i) => i.keyword === 'USER' && i.args.length > 0);
      const last = users[users.length - 1];
      if (!last || !isRoot(dockerWordValue(last.args[0].value))) continue;
      problems.push({
        range: last.args[0].range,
        message: `The container${stage.name ? ` of stage "${stage.name}"` : ''} will run as root. Add a USER with an unprivileged account after the steps that need root.`,
      });
    }
    return problems;
  },
};
