import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import {
  aptGetInstall,
  callRange,
  insertAt,
  optionCount,
  optionValues,
  runCommands,
  hasOption,
  type ParsedArgs,
} from './util/shellCommands';

/** `-y`, `--yes`, `--assume-yes`, `-qq` (which implies -y), or the option set through `-o`. */
export function aptAssumesYes(parsed: ParsedArgs): boolean {
  if (hasOption(parsed, ['-y', '--yes', '--assume-yes'])) return true;
  if (optionCount(parsed, '-q') >= 2 || optionValues(parsed, ['-q', '--quiet']).some((v) => Number(v) >= 2)) return true;
  return optionValues(parsed, ['-o', '--option']).some((v) => /^APT::Get::Assume-Yes=(true|yes|1)$/i.test(v));
}

export const aptGetYes: Rule = {
  id: 'DL3014',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Use `apt-get install -y` so the build never waits for an answer.',
    details:
      'apt-get asks "Do you want to continue?" when it installs extra packages. A build has no one to answer, so the ' +
      'question is read as "no" and the step fails. `-y` (or `--yes`) answers yes up front.',
    url: hadolintWiki('DL3014'),
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5\n',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['apt-get'])) {
      const install = aptGetInstall(cmd);
      if (!install || aptAssumesYes(install.parsed)) continue;
      problems.push({
        range: callRange(cmd, install),
        message: 'apt-get install will stop to ask for confirmation, and the build cannot answer. Add -y.',
        data: { after: install.words[0].range.end },
      });
    }
    return problems;
  },
  fix(_model, problem) {
    const at = (problem.data as { after?: { line: number; character: number } } | undefined)?.after;
    if (!at) return null;
    return [insertAt(at, ' -y')];
  },
  safeFix: true,
  fixTitle: 'Add -y to apt-get install',
};
