import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { unjudgeablePackage } from './util/packageCaches';
import { optionValues, runCommands } from './util/shellCommands';
import { zypperCommand } from './util/zypper';

/** `name=1.2`, `name>=1.2`, `name<2`, or an .rpm file. */
function zypperPinned(pkg: string): boolean {
  return /[=<>]/.test(pkg) || pkg.endsWith('.rpm');
}

export const zypperPinVersions: Rule = {
  id: 'DL3037',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin package versions in `zypper install`.',
    details:
      'Without a version, zypper installs whatever the repository offers on the day of the build. Write ' +
      '`name=version` (or a range such as `"name>=1.2"`, quoted so the shell does not read `>` as a redirection).',
    url: hadolintWiki('DL3037'),
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['zypper'])) {
      const call = zypperCommand(cmd, ['install', 'in']);
      if (!call) continue;
      // Patterns, patches and products have no versions to pin.
      const type = optionValues(call.match.parsed, ['-t', '--type'])[0];
      if (type && type !== 'package') continue;
      for (const word of call.match.operands) {
        const pkg = word.value;
        if (unjudgeablePackage(pkg) || /^(pattern|patch|product|srcpackage):/.test(pkg) || zypperPinned(pkg)) continue;
        problems.push({
          range: word.range,
          message: `"${pkg}" has no version, so each build may install a different one. Pin it: \`zypper install ${pkg}=<version>\`.`,
        });
      }
    }
    return problems;
  },
};
