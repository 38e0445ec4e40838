import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { hasGnuUserland, stageFamily } from './util/imageFamily';
import { hasOption, insertAt, parseArgs, runCommands } from './util/shellCommands';

const WGET_OPTIONS = {
  shortValue: 'OoaPtTwiBUQlARDIXe',
  longValue: [
    'output-document',
    'output-file',
    'append-output',
    'directory-prefix',
    'tries',
    'timeout',
    'wait',
    'input-file',
    'base',
    'user-agent',
    'quota',
    'level',
    'accept',
    'reject',
    'domains',
    'include-directories',
    'exclude-directories',
    'execute',
    'header',
    'user',
    'password',
    'post-data',
    'post-file',
    'method',
    'body-data',
    'body-file',
    'ca-certificate',
    'certificate',
    'private-key',
  ],
  singleDashLong: ['-nv', '-nc', '-nd', '-nH', '-np'],
};

export const wgetProgress: Rule = {
  id: 'DL3047',
  aliases: [],
  severity: 'info',
  shellSpecific: true,
  docs: {
    summary: 'Give wget `--progress=dot:giga` (or `-q`) in a build.',
    details:
      'wget prints a progress line for every bit of a download; in a build log that becomes thousands of lines for a ' +
      'large file. `--progress=dot:giga` prints one dot per megabyte; `-q` or `-nv` print (almost) nothing. ' +
      'BusyBox wget (Alpine) has no `--progress`: use `-q` there.',
    url: hadolintWiki('DL3047'),
    bad: 'FROM debian:12\nRUN wget https://example.com/big.tar.gz\n',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    // Only the wget commands (looked up by name, not by scanning every command of every RUN).
    for (const cmd of runCommands(model, ctx, ['wget'])) {
      const run = cmd.run;
      const parsed = parseArgs(cmd.args, WGET_OPTIONS);
      const quiet = ['--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];
      if (hasOption(parsed, quiet)) continue;
      problems.push({
        range: cmd.nameWord.range,
        message: 'wget will fill the build log with progress lines. Add --progress=dot:giga (or -q to print nothing).',
        data: { after: cmd.nameWord.range.end, stage: run.host.stageIndex },
      });
    }
    return problems;
  },
  fix(model, problem) {
    const data = problem.data as { after?: { line: number; character: number }; stage?: number } | undefined;
    const stage = data?.stage === undefined ? undefined : model.stages[data.stage];
    // `--progress` is GNU wget's; BusyBox wget (Alpine, unknown images) stops with "unrecognized option".
    if (!data?.after || !stage || !hasGnuUserland(stageFamily(model, stage))) return null;
    return [insertAt(data.after, ' --progress=dot:giga')];
  },
  safeFix: true,
  fixTitle: 'Add --progress=dot:giga to wget',
};
