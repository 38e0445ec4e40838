import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { apkAdd, runCommands } from './util/shellCommands';

export const apkPinVersions: Rule = {
  id: 'DL3018',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `apk add`.',
    details:
      'Without a version, `apk add curl` installs whatever the Alpine mirror has on the day of the build. Write ' +
      '`curl=8.9.1-r2` for an exact version or `curl~8.9` for any patch release of 8.9. Local `.apk` files count as ' +
      'pinned; the name after `--virtual` is a group name, not a package.',
    url: hadolintWiki('DL3018'),
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apk'])) {
      const add = apkAdd(cmd);
      if (!add) continue;
      for (const pkg of add.operands) {
        const v = pkg.value;
        if (v.includes('$') || pkg.raw.includes('`') || v.includes('=') || v.includes('~') || v.endsWith('.apk')) continue;
        problems.push({
          range: pkg.range,
          message: `Pin the version of "${v}": write ${v}=<version> (or ${v}~<major.minor>) so every build installs the same package.`,
        });
      }
    }
    return problems;
  },
};
