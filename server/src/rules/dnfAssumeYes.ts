import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { DNF_TOOLS, rpmInstall } from './util/packageCaches';
import { callRange, hasOption, insertAt, optionValues, runCommands, type RunCommand } from './util/shellCommands';

/** `yes | dnf install ...` answers the prompt too. */
function fedByYes(cmd: RunCommand): boolean {
  const pipe = cmd.command.pipeline;
  if (!pipe || pipe.index === 0) return false;
  const before = cmd.run.commands[cmd.position - 1];
  return before?.name === 'yes' && before.command.pipeline?.index === pipe.index - 1;
}

export const dnfAssumeYes: Rule = {
  id: 'DL3038',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use `dnf install -y` so the build never waits for an answer.',
    details:
      'dnf asks "Is this ok [y/N]" before it installs or upgrades. A build cannot answer, so the question counts as "no" and the ' +
      'step fails. `-y` (`--assumeyes`) answers yes up front. The same goes for microdnf.',
    url: hadolintWiki('DL3038'),
    bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, DNF_TOOLS)) {
      const install = rpmInstall(cmd, DNF_TOOLS, true);
      if (!install) continue;
      const parsed = install.match.parsed;
      if (hasOption(parsed, ['-y', '--assumeyes']) || fedByYes(cmd)) continue;
      if (optionValues(parsed, ['--setopt']).some((v) => /^assumeyes=(1|true|yes|on)$/i.test(v))) continue;
      const last = install.match.words[install.match.words.length - 1];
      problems.push({
        range: callRange(cmd, install.match),
        message: `${cmd.name} will stop to ask for confirmation, and the build cannot answer. Add -y.`,
        data: { after: last.range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    return at ? [insertAt(at, ' -y')] : null;
  },
  safeFix: true,
  fixTitle: 'Add -y to dnf install',
};
