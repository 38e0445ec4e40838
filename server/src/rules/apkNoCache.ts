import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { apkAdd, cacheMountTargets, callRange, hasOption, insertAt, runScripts } from './util/shellCommands';

export const apkNoCache: Rule = {
  id: 'DL3019',
  aliases: [],
  severity: 'info',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use `apk add --no-cache` so the package index does not stay in the image.',
    details:
      '`apk add --no-cache` fetches a fresh index, installs, and keeps nothing in `/var/cache/apk`, so you need neither ' +
      '`apk update` before nor `rm -rf /var/cache/apk/*` after. A RUN with a cache mount on `/var/cache/apk` keeps the ' +
      'cache outside the image and is not reported.',
    url: hadolintWiki('DL3019'),
    bad: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const run of runScripts(model, ctx)) {
      if (cacheMountTargets(run.inst).some((t) => t === '/var/cache/apk' || t === '/etc/apk/cache' || '/var/cache/apk'.startsWith(`${t}/`)))
        continue;
      for (const cmd of run.commands) {
        const add = apkAdd(cmd);
        if (!add || hasOption(add.parsed, ['--no-cache'])) continue;
        problems.push({
          range: callRange(cmd, add),
          message: 'apk keeps its package index in /var/cache/apk. Add --no-cache so nothing is left behind in the image.',
          data: { after: add.words[0].range.end },
        });
      }
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    if (!at) return null;
    return [insertAt(at, ' --no-cache')];
  },
  safeFix: true,
  fixTitle: 'Add --no-cache to apk add',
};
