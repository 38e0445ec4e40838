import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { callRange, runCommands } from './util/shellCommands';
import { zypperCommand } from './util/zypper';

export const zypperDistUpgrade: Rule = {
  id: 'DL3035',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Do not run `zypper dist-upgrade` in a Dockerfile.',
    details:
      '`zypper dist-upgrade` (`dup`) can move the whole image to a new distribution release, which makes builds ' +
      'unpredictable and large. Use a newer base image tag instead, and install the specific packages you need.',
    url: hadolintWiki('DL3035'),
    bad: 'FROM opensuse/tumbleweed\nRUN zypper -n dup && zypper clean --all\n',
    good: 'FROM opensuse/tumbleweed:latest\nRUN zypper -n install curl=8.9.1 && zypper clean --all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['zypper'])) {
      const call = zypperCommand(cmd, ['dist-upgrade', 'dup']);
      if (!call) continue;
      problems.push({
        range: callRange(cmd, call.match),
        message: '`zypper dist-upgrade` can replace the distribution release inside the image. Pick a newer base image tag instead.',
      });
    }
    return problems;
  },
};
