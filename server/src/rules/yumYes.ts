import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { YUM_OPTIONS, callRange, hasOption, insertAt, parseArgs, runCommands } from './util/shellCommands';

const INSTALLS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall']);

export const yumYes: Rule = {
  id: 'DL3030',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use `yum install -y` so the build never waits for an answer.',
    details: 'yum asks "Is this ok [y/N]" before installing; a build cannot answer, so the step fails. Add `-y` (or `--assumeyes`).',
    url: hadolintWiki('DL3030'),
    bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['yum'])) {
      const parsed = parseArgs(cmd.args, YUM_OPTIONS);
      const sub = parsed.operands[0];
      if (!sub || !INSTALLS.has(sub.value)) continue;
      if (hasOption(parsed, ['-y', '--assumeyes'])) continue;
      problems.push({
        range: callRange(cmd, { words: [sub], operands: [], parsed }),
        message: `yum ${sub.value} will stop to ask for confirmation, and the build cannot answer. Add -y.`,
        data: { after: sub.range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    return at ? [insertAt(at, ' -y')] : null;
  },
  safeFix: true,
  fixTitle: 'Add -y to yum',
};
