import type { ShellWord } from '../model';
import type { Problem, Rule } from './types';
import { hadolintWiki } from './util/hadolint';
import { runScripts } from './util/shellCommands';

export const sudoInRun: Rule = {
  id: 'DL3004',
  aliases: [],
  severity: 'error',
  scope: 'instruction',
  shellSpecific: true,
  docs: {
    summary: 'Do not use sudo in RUN.',
    details:
      'Build steps already run as the current USER, usually root, so sudo adds nothing but a dependency and a TTY ' +
      'and password prompt that can hang the build. Switch user with `USER root` before the step and back after it; ' +
      'to drop privileges at run time use a tool such as gosu or su-exec.',
    url: hadolintWiki('DL3004'),
    bad: 'FROM debian:12\nRUN sudo apt-get update\n',
    good: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
  },
  check(model, ctx) {
    const problems: Problem[] = [];
    for (const run of runScripts(model, ctx)) {
      for (const cmd of run.commands) {
        const words: ShellWord[] = [...cmd.wrapperWords, cmd.nameWord].filter((w) => w.value.replace(/^.*\//, '') === 'sudo');
        for (const w of words) {
          problems.push({
            range: w.range,
            message: 'Do not use sudo in a build step: set `USER root` before this RUN (and back to your user after it) instead.',
          });
        }
      }
    }
    return problems;
  },
};
