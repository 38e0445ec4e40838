import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { APK_OPTIONS, callRange, runCommands, subcommand } from './util/shellCommands';

// Like DL3005, retired from hadolint's default set; kept so configurations naming it still work,
// and only reported when a configuration turns it on.
export const apkUpgrade: Rule = {
  id: 'DL3017',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  defaultOff: true,
  shellSpecific: true,
  docs: {
    summary: 'Avoid `apk upgrade` (off unless enabled; hadolint retired this rule).',
    details:
      'Upgrading every package makes the image depend on the day it was built. Many teams now prefer to upgrade for ' +
      'security fixes, which is why the rule is off by default; turn it on if you want reproducible package sets.',
    url: hadolintWiki('DL3017'),
    bad: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apk'])) {
      const upgrade = subcommand(cmd, ['upgrade'], APK_OPTIONS);
      if (!upgrade) continue;
      problems.push({
        range: callRange(cmd, upgrade),
        message:
          '`apk upgrade` makes the image depend on the day it is built. Pin the packages you need instead, or use a newer base image.',
      });
    }
    return problems;
  },
};
