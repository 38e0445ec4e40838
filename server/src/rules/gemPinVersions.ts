import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { GEM_OPTIONS, hasOption, runCommands, subcommand } from './util/shellCommands';

export const gemPinVersions: Rule = {
  id: 'DL3028',
  aliases: [],
  severity: 'warning',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Pin gem versions in `gem install`.',
    details:
      'Without a version, `gem install rails` installs the newest release on the day of the build. Write ' +
      '`gem install rails:7.1.3` or `gem install rails -v 7.1.3`, or install from a Gemfile.lock with Bundler.',
    url: hadolintWiki('DL3028'),
    bad: 'FROM ruby:3.3\nRUN gem install bundler\n',
    good: 'FROM ruby:3.3\nRUN gem install bundler:2.5.10\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const cmd of runCommands(model, ctx, ['gem'])) {
      const install = subcommand(cmd, ['install'], GEM_OPTIONS) ?? subcommand(cmd, ['i'], GEM_OPTIONS);
      if (!install || hasOption(install.parsed, ['-v', '--version'])) continue;
      // Words after `--` are build options for the gem's native extension, not gems.
      const dashes = cmd.args.findIndex((w) => w.value === '--');
      const gems = dashes < 0 ? install.operands : install.operands.filter((g) => cmd.args.indexOf(g) < dashes);
      for (const gem of gems) {
        if (gem.value.includes('$') || gem.raw.includes('`') || gem.value.includes(':') || gem.value.endsWith('.gem')) continue;
        problems.push({
          range: gem.range,
          message: `Pin the version of "${gem.value}": write ${gem.value}:<version> (or add -v <version>).`,
        });
      }
    }
    return problems;
  },
};
