import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { APT_GET_OPTIONS, callRange, parseArgs, runCommands } from './util/shellCommands';

// hadolint dropped this rule from its default set: upgrading packages in an image is now common
// advice for picking up security fixes. The id stays known (configurations and pragmas name it),
// and the check runs only when a configuration turns it on (`defaultOff`).
export const aptGetUpgrade: Rule = {
  id: 'DL3005',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  defaultOff: true,
  shellSpecific: true,
  docs: {
    summary: 'Avoid `apt-get upgrade` and `dist-upgrade` (off unless enabled; hadolint retired this rule).',
    details:
      'Upgrading every package makes the image depend on the day it was built, and upgrading inside an unprivileged ' +
      'container can fail. Many teams now prefer to upgrade for security fixes, which is why the rule is off by ' +
      'default; turn it on in your settings or `.hadolint.yaml` if you want reproducible package sets instead.',
    url: hadolintWiki('DL3005'),
    bad: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apt-get'])) {
      const sub = parseArgs(cmd.args, APT_GET_OPTIONS).operands[0];
      if (!sub || (sub.value !== 'upgrade' && sub.value !== 'dist-upgrade')) continue;
      problems.push({
        range: callRange(cmd, { words: [sub], operands: [], parsed: { options: [], operands: [] } }),
        message: `\`apt-get ${sub.value}\` makes the image depend on the day it is built. Pin the packages you need instead, or upgrade in the base image.`,
      });
    }
    return problems;
  },
};
