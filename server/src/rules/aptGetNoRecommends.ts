import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { aptGetInstall, callRange, hasOption, insertAt, optionValues, runCommands } from './util/shellCommands';

export const aptGetNoRecommends: Rule = {
  id: 'DL3015',
  aliases: [],
  severity: 'info',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use `apt-get install --no-install-recommends` to avoid packages you did not ask for.',
    details:
      'By default apt-get also installs every "recommended" package, which can add hundreds of megabytes (documentation ' +
      'tools, X libraries) to the image. `--no-install-recommends` installs only what you list and what it strictly ' +
      'needs. If something turns out to be missing, add it to the list explicitly.',
    url: hadolintWiki('DL3015'),
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apt-get'])) {
      const install = aptGetInstall(cmd);
      if (!install) continue;
      if (hasOption(install.parsed, ['--no-install-recommends'])) continue;
      if (optionValues(install.parsed, ['-o', '--option']).some((v) => /^APT::Install-Recommends=(false|no|0)$/i.test(v))) continue;
      problems.push({
        range: callRange(cmd, install),
        message: 'apt-get also installs recommended packages you did not list. Add --no-install-recommends to keep the image small.',
        data: { after: install.words[0].range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    if (!at) return null;
    return [insertAt(at, ' --no-install-recommends')];
  },
  // Dropping recommended packages can remove something the image relied on: review it.
  safeFix: false,
  fixTitle: 'Add --no-install-recommends to apt-get install',
};
