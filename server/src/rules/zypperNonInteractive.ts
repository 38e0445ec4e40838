import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { callRange, hasOption, insertAt, runCommands } from './util/shellCommands';
import { zypperCommand } from './util/zypper';

// The zypper commands that ask before they change anything (hadolint's list).
const ASKING = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export const zypperNonInteractive: Rule = {
  id: 'DL3034',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Run zypper non-interactively (`zypper -n install` or `zypper install -y`).',
    details:
      'zypper asks for confirmation before it installs or removes packages. A build cannot answer, so the step ' +
      'fails or hangs. The global `-n` (`--non-interactive`) option, before the command, answers every question; ' +
      '`-y` (`--no-confirm`) after `install` answers the confirmation.',
    url: hadolintWiki('DL3034'),
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean --all\n',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['zypper'])) {
      const call = zypperCommand(cmd, ASKING);
      if (!call) continue;
      // `-n` means --non-interactive only as a global option; after `install` it means --name.
      const global = call.globalOptions.some((o) => o.name === '-n' || o.name === '--non-interactive');
      if (global || hasOption(call.match.parsed, ['-y', '--no-confirm', '--non-interactive'])) continue;
      problems.push({
        range: callRange(cmd, call.match),
        message: `zypper ${call.match.words[0].value} will stop to ask for confirmation, and the build cannot answer. Add -n after zypper (\`zypper -n ${call.match.words[0].value}\`).`,
        data: { after: cmd.nameWord.range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    return at ? [insertAt(at, ' -n')] : null;
  },
  safeFix: true,
  fixTitle: 'Add -n (non-interactive) to zypper',
};
